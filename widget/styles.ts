/**
 * Shadow DOM styles. Only font and colour are inherited from the page; everything else is
 * set here or through the documented custom properties. Both palettes meet WCAG AA.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--belarus-release-accent, light-dark(#0b5cad, #8cc4ff));
    --_bg: var(--belarus-release-background, light-dark(#fff, #17191e));
    --_text: var(--belarus-release-text, light-dark(#1b1b1b, #f2f2f2));
    --_muted: var(--belarus-release-muted, light-dark(#555, #b8b8b8));
    --_border: var(--belarus-release-border, light-dark(#d0d0d0, #3a3d45));
    --_radius: var(--belarus-release-radius, 8px);
    --_space: var(--belarus-release-spacing, 16px);
    --_height: var(--belarus-release-height, 480px);
    display: block;
    contain: layout paint;
    font: var(--belarus-release-font, inherit);
    line-height: 1.45;
    text-align: start;
  }
  :host([variant='compact']) {
    --_height: var(--belarus-release-height, 260px);
  }
  :host([hidden]) {
    display: none;
  }
  /* light-dark() picks by color-scheme: the theme attribute sets it, "auto" follows the OS. */
  .auto {
    color-scheme: light dark;
  }
  .light {
    color-scheme: light;
  }
  .dark {
    color-scheme: dark;
  }
  .box {
    box-sizing: border-box;
    position: relative;
    /* The height is reserved before the facts arrive (no layout shift); they scroll inside. */
    height: var(--_height);
    overflow: auto;
    overscroll-behavior: contain;
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
  h3 {
    font-size: 0.8em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-top: var(--_space);
  }
  ul {
    padding-inline-start: 1.2em;
  }
  .count {
    color: var(--_accent);
  }
  .count strong {
    font-size: 2.4em;
  }
  .muted,
  time,
  figcaption {
    color: var(--_muted);
    font-size: 0.9em;
  }
  blockquote {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.75em;
    margin-inline: 0;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: var(--_bg);
    background: var(--_accent);
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.35em 0.9em;
    cursor: pointer;
  }
  /* Text-like bars: a gradient, so the skeleton needs no markup and no inline styles. */
  .skeleton {
    height: 100%;
    background: repeating-linear-gradient(var(--_border) 0 1em, transparent 0 1.8em);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
