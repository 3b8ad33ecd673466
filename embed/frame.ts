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
 * The height is the content's, not the frame's (the document element's box, not the viewport).
 */

/** The id pym.Parent gave this frame (pym.v1.js, `Parent._constructIframe`). */
const pymId = new URLSearchParams(location.search).get('childId');

/** wp-embed.js clamps every frame to 1000 px at most (`receiveEmbedMessage`). */
const WORDPRESS_MAX = 1000;

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

let fittedWidth = -1;
/** The link to the page with every fact, and what it says when the box shows them all. */
const pageLink = document.querySelector<HTMLAnchorElement>('.page-link a');
const pageLinkText = pageLink?.textContent ?? '';

/**
 * In WordPress the frame cannot grow past its cap, and a frame that scrolls inside a page hides
 * facts. So there the box ends on the last whole block that fits, above the link to the page,
 * which then says "All facts" (design.md: shortened on whole blocks, never a line cut). Again
 * whenever the width changes.
 */
function fitWordPress(): void {
  const width = document.documentElement.clientWidth;
  if (!wordPressSecret() || width === fittedWidth) return;
  fittedWidth = width;
  const blocks = [...document.querySelectorAll<HTMLElement>('.fact-box > *')];
  for (const block of blocks) block.hidden = false;
  const cut = contentHeight() > WORDPRESS_MAX;
  if (pageLink) pageLink.textContent = cut ? (pageLink.dataset.cut ?? pageLinkText) : pageLinkText;
  for (let kept = blocks.length; kept > 1 && contentHeight() > WORDPRESS_MAX; kept--) blocks[kept - 1]!.hidden = true;
}

let sent = -1;

/** Sends the height when it changed, or always when a host asks again. */
function report(again = false): void {
  fitWordPress();
  const height = contentHeight();
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
  addEventListener('load', () => report());
  // Later changes (width, fonts), outside the observer's callback so that fitting cannot loop it.
  new ResizeObserver(() => setTimeout(report)).observe(document.documentElement);
  // wp-embed.js says `ready` once it listens, in case our height came first; and it may add the secret late.
  addEventListener('message', ({ source, data }: MessageEvent<{ message?: unknown; secret?: unknown } | null>) => {
    if (source === window.parent && data?.message === 'ready' && data.secret === wordPressSecret()) report(true);
  });
  addEventListener('hashchange', () => report(true));
  document.addEventListener('click', sendLink);
}
