/**
 * oEmbed (https://oembed.com, "rich" type) for the release pages, shaped for WordPress, which
 * publishes much of the press and treats us as an unknown provider: `wp_filter_oembed_result`
 * (wp-includes/embed.php) keeps a leading `<blockquote>` and the `<iframe>`, strips every other
 * tag and every attribute but `src width height frameborder marginwidth marginheight scrolling
 * title` (no `style`), adds `sandbox="allow-scripts"` and a `#?secret=` to the src, and hides
 * the iframe behind the blockquote until the frame speaks (embed/frame.ts answers). So the
 * answer is exactly that: a blockquote with the headline linked to the page, then the iframe,
 * with no attribute that WordPress would drop and the frame would need.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { DEFAULT_LANG, publishedLang } from '../../data/lang';
import { CARD_SIZE } from '../../factbox/card';
import type { ReleaseDocument } from '../../data/schema';
import { factPageUrl } from '../../factbox/model';
import { readerLanguage } from '../fact-box-html';
import { notServed } from '../api';
import { cardUrl } from '../card';
import type { AppEnv } from '../headers';
import { servedHeaders } from '../http-cache';
import { problem } from '../problem';
import type { ReleaseReader } from '../releases';
import { pageOrigin } from './document';

/** The iframe's size when the host page does not listen to its height messages. */
export const EMBED_SIZE = { width: 600, height: 520 };

/**
 * GET /oembed?url=<a release page or iframe page of ours>[&maxwidth&maxheight][&format=json].
 * The language is the URL's `lang` parameter (else the request's), taken as the pages take it.
 *
 * @example
 * app.get('/oembed', (c) => oembed(c, readerFor(c.env)));
 */
export async function oembed(c: Context<AppEnv>, reader: ReleaseReader): Promise<Response> {
  const url = c.req.query('url');
  if (!url) throw problem(400, 'Bad Request', 'The "url" parameter is required: the URL of a release page.');
  const format = c.req.query('format') ?? 'json';
  if (format !== 'json') throw problem(501, 'Not Implemented', `Only format=json is served, not "${format}".`);
  const origin = pageOrigin(c);
  const target = URL.canParse(url) ? new URL(url) : null;
  const id = target?.origin === origin ? /^\/(?:releases|embed)\/([^/]+)$/.exec(target.pathname)?.[1] : undefined;
  const lang = publishedLang(target?.searchParams.get('lang') ?? c.req.query('lang'));
  const served = id ? await reader.get(id, lang) : null;
  if (!served) {
    // An unpublished release's pages answer 410, and so does their oEmbed.
    if (id && (await reader.withdrawal(id))) throw await notServed(reader, id);
    throw problem(404, 'Not Found', `${url} is not a release page of ${origin}.`);
  }
  const doc = served.value.document;
  const width = clampTo(c.req.query('maxwidth'), EMBED_SIZE.width);
  const height = clampTo(c.req.query('maxheight'), EMBED_SIZE.height);
  return c.json(
    {
      type: 'rich',
      version: '1.0',
      title: doc.headline,
      provider_name: 'belarus-release',
      provider_url: `${origin}/`,
      // A fallback is asked for again soon, as its page is (./document.ts).
      cache_age: served.fallback ? 15 : 3600,
      width,
      height,
      html: await embedHtml(origin, doc, lang, width, height),
      // The card the page names in og:image (all three or none, oEmbed 1.0 §2.3.4).
      thumbnail_url: cardUrl(origin, doc),
      thumbnail_width: CARD_SIZE.width,
      thumbnail_height: CARD_SIZE.height,
    },
    200,
    servedHeaders(served.fallback, 'public, max-age=3600'),
  );
}

/**
 * The embed markup of a release for a reader of `lang`: what oEmbed answers and the demo page
 * shows. The blockquote is what a WordPress reader sees until the frame reports its height, and
 * for good when scripts do not run: the headline, linked to the page. WordPress drops its
 * `hidden` (wp_kses keeps no attribute of a blockquote); every other host shows the frame alone,
 * which needs no script to show the facts.
 *
 * @example
 * await embedHtml('https://facts.example', doc, 'be', 600, 520);
 * // <blockquote hidden lang="be"><a href="…/releases/belarus-2025-12?lang=be">…</a></blockquote><iframe src="…/embed/belarus-2025-12?lang=be" …></iframe>
 */
export async function embedHtml(origin: string, doc: ReleaseDocument, lang: string, width: number, height: number) {
  const { ui } = readerLanguage(doc, lang);
  const query = lang === DEFAULT_LANG ? '' : `?lang=${lang}`;
  // One line: WordPress's pattern takes the blockquote only when it comes first.
  // prettier-ignore
  const markup = html`<blockquote hidden lang="${ui}"><a href="${factPageUrl(origin, doc.id, lang)}">${doc.headline}</a></blockquote><iframe src="${origin}/embed/${doc.id}${query}" width="${width}" height="${height}" title="${doc.headline}" frameborder="0"></iframe>`;
  return String(await markup);
}

/** `fallback`, or the consumer's maximum when that is smaller (never below 1). */
function clampTo(max: string | undefined, fallback: number): number {
  const limit = Number(max);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, fallback) : fallback;
}
