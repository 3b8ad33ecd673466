/**
 * The server pages' CSS: the fact box's markup (factbox/template.ts) styled for a page of its
 * own, in the element's palettes (both meet WCAG AA). `light-dark()` picks by the root's
 * `color-scheme`, which each page sets: the canonical page follows the reader's system, the
 * iframe page its `theme` parameter. Long words wrap everywhere (`overflow-wrap: anywhere`): a
 * 200-character word must not make a page wider than the screen. Print is black on white, with
 * every fact and the address of every source.
 */
import type { EmbedOptions } from './embed-options';

/** The box as a page shows it: palette, type and the blocks of factbox/template.ts. */
const BOX = `
:root {
  --accent: light-dark(#0b5cad, #8cc4ff);
  --bg: light-dark(#fff, #17191e);
  --text: light-dark(#1b1b1b, #f2f2f2);
  --muted: light-dark(#555, #b8b8b8);
  --rule: light-dark(#d0d0d0, #3a3d45);
  color: var(--text);
}
body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; line-height: 1.25; margin: 0.2em 0 0.3em; }
/* Capitals by glyph, not by text-transform, which reaches the accessibility tree. */
h2 { font-size: 1em; color: var(--muted); margin: 1.6em 0 0.4em; }
p, ul, figure { margin: 0 0 0.6em; }
ul { padding-inline-start: 1.2em; }
li { margin-bottom: 0.4em; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.count { color: var(--accent); line-height: 1.2; margin: 0; }
.count strong { font-size: 2.4em; }
.date, .muted, .sent, figcaption, .note { color: var(--muted); font-size: 0.9em; }
.sent { display: block; }
blockquote { margin: 0 0 0.3em; border-inline-start: 3px solid var(--accent); padding-inline-start: 0.75em; }
blockquote p { margin: 0; }
/* Chromium has no quotation marks for Belarusian: these are its own, as Russian's. */
q:lang(be) { quotes: '«' '»' '„' '“'; }
[part='header'] > .note { border: 1px solid var(--rule); border-radius: 6px; padding: 0.4em 0.75em; margin: 0 0 1em; }
`;

/** Paper: black on white whatever the theme, every source's address spelled out. */
const PRINT = `
@media print {
  :root { color-scheme: light; --accent: #000; --bg: #fff; --text: #000; --muted: #000; --rule: #000; }
  html, main { background: #fff; }
  main { border: 0; padding: 0; }
  .languages, .page-link { display: none; }
  [part='sources'] a::after { content: ' (' attr(href) ')'; }
  figure, li, h2 { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

/** The canonical page: an article column, the language switcher over it; the system's theme. */
export const PAGE_STYLE = `${BOX}
:root { color-scheme: light dark; background: var(--bg); }
main { max-width: 44rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
.languages { max-width: 44rem; margin: 0 auto; padding: 0.75rem 1rem 0; font-size: 0.9em; }
.languages ul { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; list-style: none; margin: 0; padding: 0; }
.languages li { margin: 0; }
.languages [aria-current='page'] { color: var(--text); font-weight: 600; text-decoration: none; }
${PRINT}`;

/**
 * The iframe page: the frame is the box (padding, border, the box's background unless
 * `transparent`), as tall as its content, which /embed.js reports to the host; no wider than
 * `maxWidth` where the frame is wider (the rest of the frame shows the host's page).
 */
export function embedStyle({ theme, transparent, maxWidth }: EmbedOptions): string {
  return `${BOX}
:root { color-scheme: ${theme === 'auto' ? 'light dark' : theme}; background: transparent; }
main { box-sizing: border-box; padding: 16px; border: 1px solid var(--rule); border-radius: 8px; background: ${transparent ? 'transparent' : 'var(--bg)'};${maxWidth ? ` max-width: ${maxWidth}px;` : ''} }
h1 { font-size: 1.3em; }
.page-link { margin: 1em 0 0; }
${PRINT}`;
}
