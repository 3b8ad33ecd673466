/**
 * /embed.js: the iframe page's one script (the page itself is worker/pages/embed.ts). The page
 * is complete without it; this only talks to the host, so that a frame of ours is as tall as
 * its content wherever it is framed, with no code of ours on the host:
 *
 * - our own message, `{ type: 'belarus-release:resize', height }` (README, "Embedding without a
 *   script");
 * - Pym.js (NPR's library, nprapps/pym.js 1.3.2): `new pym.Parent(…)` frames us with
 *   `?childId=<id>` and sizes the frame on the string `pymxPYMx<id>xPYMxheightxPYMx<px>`
 *   (pym.v1.js: `_makeMessage`, `Parent._onHeightMessage`);
 * - AMP's `amp-iframe resizable`: `{ sentinel: 'amp', type: 'embed-size', height }`;
 * - WordPress (wp-includes/js/wp-embed.js): `{ secret, message: 'height', value }` with the
 *   secret WordPress appended to our URL (`#?secret=…`), which also shows the frame it hid; and
 *   `{ secret, message: 'link', value }` for links, which its `sandbox="allow-scripts"` would
 *   otherwise stop (no popups, no top navigation).
 *
 * The height is the content's, not the frame's (the document element's box, not the viewport),
 * with every block shown: a host that listens grows the frame to all of it (WordPress clamps it
 * to 1000 px). Where the frame stays shorter, the box is cut to fit it on whole blocks ({@link fit}).
 */

/** The id pym.Parent gave this frame (pym.v1.js, `Parent._constructIframe`). */
const pymId = new URLSearchParams(location.search).get('childId');

/**
 * The secret WordPress put after `#?secret=`: ten letters or digits, as wp-embed-template.js
 * reads it. Read each time: wp-embed.js adds it itself when the markup came without one.
 */
function wordPressSecret(): string | undefined {
  return /secret=([a-zA-Z0-9]{10})/.exec(location.hash)?.[1];
}

const contentHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
const toHost = (message: unknown) => window.parent.postMessage(message, '*');

/** The content's height, in every protocol at once: a host listens to its own and ignores the rest. */
function send(height: number): void {
  toHost({ type: 'belarus-release:resize', height });
  toHost({ sentinel: 'amp', type: 'embed-size', height });
  if (pymId) toHost(['pym', pymId, 'height', String(height)].join('xPYMx'));
  const secret = wordPressSecret();
  if (secret) toHost({ secret, message: 'height', value: height });
}

/**
 * What a cut may hide, in the page's order, hidden from the last: every section, then the
 * header's summary and date. The count and the headline stay, whatever the frame's height: a
 * phone's 520 px frame holds little more than the header in Russian.
 */
const BLOCKS = '.fact-box > :not([part=header]), .fact-box > [part=header] > :is(.date, .summary)';

/** The link to the page with every fact, and what it says when the box shows them all. */
const pageLink = document.querySelector<HTMLAnchorElement>('.page-link a');
const pageLinkText = pageLink?.textContent ?? '';

/**
 * Shows every block, measures the content, and then, when the frame is shorter than that (a
 * host that does not listen, WordPress's 1000 px cap, a host that has not resized us yet), ends
 * the box on the last whole block that fits ({@link BLOCKS}), above the link to the page, which then says "All
 * facts" (design.md: shortened on whole blocks, never a line cut, never a scroll bar inside).
 * Returns the full height, every block shown: what a listening host should make the frame.
 * All in one task, so nothing is painted in between: the observer below sees only the outcome.
 */
function fit(): number {
  const root = document.documentElement;
  const blocks = [...document.querySelectorAll<HTMLElement>(BLOCKS)];
  // Measured without a scroll bar, which would narrow the text while the content overflows.
  root.style.overflow = 'hidden';
  for (const block of blocks) block.hidden = false;
  if (pageLink) pageLink.textContent = pageLinkText;
  const full = contentHeight();
  const room = root.clientHeight;
  if (full > room) {
    if (pageLink) pageLink.textContent = pageLink.dataset.cut ?? pageLinkText;
    for (let kept = blocks.length; kept > 0 && contentHeight() > room; kept--) blocks[kept - 1]!.hidden = true;
  }
  // A frame too short for even the first block scrolls rather than hide it.
  root.style.overflow = '';
  return full;
}

let sent = -1;
let fitted = '';

/**
 * Fits the box to the frame when the frame's size changed (or the content did: `refit`), and
 * sends the full height when it changed, or always when a host asks again.
 */
function report(again = false, refit = again): void {
  const frame = `${innerWidth}x${innerHeight}`;
  if (frame === fitted && !refit) return;
  fitted = frame;
  const height = fit();
  if (height === sent && !again) return;
  sent = height;
  send(height);
}

/**
 * In WordPress's sandbox a link can neither open a tab nor leave the frame: hand it to
 * wp-embed.js, which follows it in the top window only to the frame's own host (and only while
 * the frame has focus). A source elsewhere is reached through our page, which links it.
 * Modified clicks are left alone, as wp-embed-template.js leaves them.
 */
function sendLink(event: MouseEvent): void {
  const secret = wordPressSecret();
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!secret || !(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const page = pageLink?.href ?? location.origin;
  toHost({ secret, message: 'link', value: new URL(link.href).host === location.host ? link.href : page });
}

if (window.parent !== window) {
  // At once, not on the next frame: Chromium throttles the rendering of a cross-origin frame it
  // does not show, and WordPress shows ours only once it has a height.
  report();
  addEventListener('load', () => report(false, true));
  // The host resizes the frame (Pym, AMP, WordPress, our listener): fit again, and send the
  // height, which a new width changes.
  addEventListener('resize', () => report());
  // The content changes (fonts), or a cut of ours changed it: fit again, outside the observer's
  // callback. No loop: a fit in one task ends on the same blocks, so the size it leaves is the
  // one the observer saw.
  new ResizeObserver(() => setTimeout(() => report(false, true))).observe(document.documentElement);
  // wp-embed.js says `ready` once it listens, in case our height came first; and it may add the secret late.
  addEventListener('message', ({ source, data }: MessageEvent<{ message?: unknown; secret?: unknown } | null>) => {
    if (source === window.parent && data?.message === 'ready' && data.secret === wordPressSecret()) report(true);
  });
  addEventListener('hashchange', () => report(true));
  document.addEventListener('click', sendLink);
}
