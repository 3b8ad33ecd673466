/**
 * The embed snippet's style: it reserves the box's height before widget.js arrives, so the
 * page does not move when the element is defined and its facts appear (layout shift 0). The
 * heights are the element's own (widget/styles.ts): 36em, compact 30em, or the page's
 * `--belarus-release-height`. The README, the demo page and the tests use this one string.
 */

/**
 * @example
 * `<script type="module" src="${origin}/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release></belarus-release>`
 */
export const RESERVE_STYLE =
  '<style>belarus-release:not(:defined){display:block;min-height:var(--belarus-release-height,36em)}' +
  'belarus-release[variant=compact]:not(:defined){min-height:var(--belarus-release-height,30em)}</style>';
