/**
 * The embed snippet's style: it reserves the box's height before widget.js arrives, so the
 * page does not move when the element is defined and its facts appear (layout shift 0). The
 * heights are the element's own (widget/styles.ts, the same expressions; a test keeps them
 * equal): at least 36em (compact 30em), taller the narrower the box, or the page's
 * `--belarus-release-height`. A height cannot depend on an element's own width, so the element
 * is made a size container and an empty float as tall as the reservation is put inside it
 * (`flow-root` keeps the float in). The README, the demo page and the tests use this one string.
 */

/** The full box's reserved height: the key facts of a collapsed box fit it on a phone too. */
export const FULL_HEIGHT = 'max(36em,calc(81em - 153cqw),calc(113em - 326cqw))';
/** The compact box's: the whole compact box fits it at any width from 200 px. */
export const COMPACT_HEIGHT = 'max(30em,calc(67.5em - 160cqw))';

/**
 * @example
 * `<script type="module" src="${origin}/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release></belarus-release>`
 */
export const RESERVE_STYLE =
  '<style>belarus-release:not(:defined){display:flow-root;container-type:inline-size}' +
  `belarus-release:not(:defined)::before{content:"";float:left;height:var(--belarus-release-height,${FULL_HEIGHT})}` +
  `belarus-release[variant=compact]:not(:defined)::before{height:var(--belarus-release-height,${COMPACT_HEIGHT})}</style>`;
