/**
 * What an iframe page's URL may say besides its language, read the same way by the page
 * (./embed.ts) and by oEmbed (./oembed.ts), which keeps them in the markup it answers: a
 * consumer that asks for `/embed/:id?theme=dark` gets a dark frame, not the default.
 */
import { DEFAULT_LANG } from '../../data/lang';

const THEMES = ['light', 'dark', 'auto'] as const;
type Theme = (typeof THEMES)[number];

/** Below this a box has no room for its count and headline: a narrower `maxwidth` is ignored. */
const MIN_WIDTH = 200;

/** The iframe page's options: its theme, whether it has a background, how wide its box may grow. */
export interface EmbedOptions {
  theme: Theme;
  transparent: boolean;
  /** The box's largest width in CSS pixels; none, the frame's whole width. */
  maxWidth?: number | undefined;
}

/**
 * The options in a URL's query (`theme`, `transparent=1`, `maxwidth`). Anything else, or a value
 * out of range, is the default: light, opaque, as wide as the frame.
 *
 * @example
 * embedOptions((name) => new URL(url).searchParams.get(name)); // { theme: 'dark', transparent: false, maxWidth: 600 }
 */
export function embedOptions(query: (name: string) => string | null | undefined): EmbedOptions {
  const asked = query('theme');
  const width = Number(query('maxwidth'));
  return {
    theme: THEMES.find((t) => t === asked) ?? 'light',
    transparent: query('transparent') === '1',
    maxWidth: Number.isInteger(width) && width >= MIN_WIDTH ? width : undefined,
  };
}

/**
 * The query of an iframe page's URL for `lang` and `options`, defaults left out, or `''`.
 *
 * @example
 * embedQuery('be', { theme: 'dark', transparent: false, maxWidth: 600 }); // '?lang=be&theme=dark&maxwidth=600'
 */
export function embedQuery(lang: string, { theme, transparent, maxWidth }: EmbedOptions): string {
  const query = new URLSearchParams();
  if (lang !== DEFAULT_LANG) query.set('lang', lang);
  if (theme !== 'light') query.set('theme', theme);
  if (transparent) query.set('transparent', '1');
  if (maxWidth !== undefined) query.set('maxwidth', String(maxWidth));
  const text = query.toString();
  return text ? `?${text}` : '';
}
