/**
 * Shadow DOM styles. The page's font family is inherited on purpose; its text effects and
 * extreme spacing are not. Everything else is set here or through the documented custom
 * properties. Both palettes meet WCAG AA. Nothing in the box ever scrolls: the box is as tall
 * as its facts, or as the height it reserves, whichever is more.
 */
import { unsafeCSS } from 'lit';

export const styles = unsafeCSS(`
  :host {
    --_accent: var(--belarus-release-accent, light-dark(#0b5cad, #8cc4ff));
    --_bg: var(--belarus-release-background, light-dark(#fff, #17191e));
    --_text: var(--belarus-release-text, light-dark(#1b1b1b, #f2f2f2));
    --_muted: var(--belarus-release-muted, light-dark(#555, #b8b8b8));
    --_border: var(--belarus-release-border, light-dark(#d0d0d0, #3a3d45));
    --_radius: var(--belarus-release-radius, 8px);
    --_space: var(--belarus-release-spacing, 16px);
    /* The height the snippet reserves (factbox/snippet.ts, the same expressions): taller the
       narrower the box, so that a collapsed box keeps its key facts on a phone. */
    --_height: var(--belarus-release-height, max(36em, calc(81em - 153cqw), calc(113em - 326cqw)));
    display: block;
    container-type: inline-size;
    font: var(--belarus-release-font, inherit);
    line-height: 1.45;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  :host([variant='compact']) {
    --_height: var(--belarus-release-height, max(30em, calc(67.5em - 160cqw)));
  }
  :host([hidden]) {
    display: none;
  }
  /* light-dark() picks by color-scheme. "auto" (or any other value) sets none: it inherits the
     page's, and a page that declares none is light whatever the OS prefers. Paper is light,
     and prints every fact: on screen a collapsed box hides the rest and the blocks cut to fit
     (widget/fit.ts). */
  @media screen {
    :host([theme='light']) .box {
      color-scheme: light;
    }
    :host([theme='dark']) .box {
      color-scheme: dark;
    }
    .collapsed .more,
    .collapsed .cut {
      display: none;
    }
  }
  .box {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    /* The height the snippet reserves (README): the loading state fills it, a collapsed box
       ends on whole blocks within it (widget/fit.ts), compact is designed to fit it. */
    min-height: var(--_height);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  h2,
  h3,
  p,
  ul,
  blockquote,
  figure {
    margin: 0 0 calc(var(--_space) / 2);
  }
  h2 {
    font-size: 1.2em;
    line-height: 1.25;
  }
  /* Sentence case, in every script: small capitals fall back to lower case in fonts without
     Cyrillic ones, and text-transform would reach the accessibility tree. */
  h3 {
    font-size: 0.95em;
    color: var(--_muted);
    margin-top: calc(var(--_space) / 2);
  }
  ul {
    padding-inline-start: 1.2em;
  }
  /* Tight enough that a wrapped label stays under its number, loose enough for its glyphs. */
  .count {
    color: var(--_accent);
    line-height: 1.2;
  }
  .count strong {
    font-size: 2.4em;
  }
  .muted,
  .date,
  .sent,
  .note,
  figcaption {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Chromium has no quotation marks for Belarusian: these are its own, as Russian's. */
  q:lang(be) {
    quotes: '«' '»' '„' '“';
  }
  blockquote {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.75em;
  }
  a {
    color: var(--_accent);
  }
  /* The transparent border is what forced-colours mode paints: the button stays a button. */
  button {
    font: inherit;
    color: var(--_bg);
    background: var(--_accent);
    border: 2px solid transparent;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.3em 0.9em;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .end {
    margin: auto 0 0;
    padding-top: calc(var(--_space) / 2);
  }
  /* A collapsed box fades out at the foot of its key facts, over their last line when they
     reach it: there is more. */
  .collapsed .key {
    flex: 1;
    mask-image: linear-gradient(#000 calc(100% - 2em), #0003);
  }
  /* An error with nothing to retry (no such release, no api): no facts will come, so the box
     keeps no room for them. */
  .box:has([part='error']):not(:has(button)) {
    min-height: 0;
  }
  /* Text-like bars: a gradient, so the skeleton needs no markup and no inline styles. */
  .skeleton {
    flex: 1;
    background: repeating-linear-gradient(var(--_border) 0 1em, transparent 0 1.8em);
  }
  /* Paper: every fact, dark on white whatever the theme (backgrounds do not print). */
  @media print {
    .box {
      color-scheme: light;
      min-height: 0;
    }
    .toggle {
      display: none;
    }
    .collapsed .key {
      mask: none;
    }
  }
`);
