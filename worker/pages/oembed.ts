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
import { publishedLang } from '../../data/lang';
import { CARD_SIZE } from '../../factbox/card';
import type { ReleaseDocument } from '../../data/schema';
import { factPageUrl } from '../../factbox/model';
import { readerLanguage } from '../fact-box-html';
import { notServed } from '../api';
import { cardUrl } from '../card';
import type { AppEnv } from '../headers';
import { servedHeaders, SHARED_MAX_AGE } from '../http-cache';
import { problem } from '../problem';
import type { ReleaseReader } from '../releases';
import { pageOrigin } from './document';
import { embedOptions, embedQuery, type EmbedOptions } from './embed-options';

/**
 * The iframe's size when the host page does not listen to its height messages; the width is the
 * box's largest, the frame itself is as wide as its column (see {@link embedHtml}).
 */
export const EMBED_SIZE = { width: 600, height: 520 };

/**
 * GET /oembed?url=<a release page or iframe page of ours>[&maxwidth&maxheight][&format=json].
 * The language is the URL's `lang` parameter (else the request's), taken as the pages take it;
 * the iframe page's options in the URL (`theme`, `transparent`) are kept in the markup.
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
  const options = { ...embedOptions((name) => target?.searchParams.get(name)), maxWidth: width };
  return c.json(
    {
      type: 'rich',
      version: '1.0',
      title: doc.headline,
      provider_name: 'belarus-release',
      provider_url: `${origin}/`,
      // As long as a shared cache may keep the page (s-maxage): the headline in this markup
      // follows an edit as the page does. A fallback is asked for again soon, as its page is.
      cache_age: served.fallback ? 15 : SHARED_MAX_AGE,
      width,
      height,
      html: await embedHtml(origin, doc, lang, height, options),
      ...thumbnail(origin, doc, c.req.query('maxwidth'), c.req.query('maxheight')),
    },
    200,
    servedHeaders(served.fallback),
  );
}

/**
 * The card the page names in og:image as the thumbnail: all three fields, or none when the
 * consumer's maximums are smaller than the card (oEmbed 1.0 §2.3.4: the thumbnail must respect
 * maxwidth and maxheight, and its three fields come together).
 */
function thumbnail(origin: string, doc: ReleaseDocument, maxWidth?: string, maxHeight?: string) {
  const fits = (max: string | undefined, size: number) => clampTo(max, size) === size;
  if (!fits(maxWidth, CARD_SIZE.width) || !fits(maxHeight, CARD_SIZE.height)) return {};
  return { thumbnail_url: cardUrl(origin, doc), thumbnail_width: CARD_SIZE.width, thumbnail_height: CARD_SIZE.height };
}

/**
 * The embed markup of a release for a reader of `lang`: what oEmbed answers and the demo page
 * shows. The blockquote is what a WordPress reader sees until the frame reports its height, and
 * for good when scripts do not run: the headline, linked to the page. WordPress drops its
 * `hidden` (wp_kses keeps no attribute of a blockquote); every other host shows the frame alone,
 * which needs no script to show the facts.
 *
 * The frame is `width="100%"`, its column's width, and the page in it keeps its box to
 * `options.maxWidth` (`?maxwidth=`): a fixed width would push a phone's page sideways, and the
 * usual cure, `style="max-width: 100%"`, is what WordPress strips and a host's strict CSP
 * (`style-src` without 'unsafe-inline') refuses. Attributes survive both.
 *
 * @example
 * await embedHtml('https://facts.example', doc, 'be', 520, { theme: 'light', transparent: false, maxWidth: 600 });
 * // <blockquote hidden lang="be"><a href="…/releases/belarus-2025-12?lang=be">…</a></blockquote><iframe src="…/embed/belarus-2025-12?lang=be&amp;maxwidth=600" width="100%" …></iframe>
 */
export async function embedHtml(
  origin: string,
  doc: ReleaseDocument,
  lang: string,
  height: number,
  options: EmbedOptions,
) {
  const { ui } = readerLanguage(doc, lang);
  const src = `${origin}/embed/${doc.id}${embedQuery(lang, options)}`;
  // One line: WordPress's pattern takes the blockquote only when it comes first.
  // prettier-ignore
  const markup = html`<blockquote hidden lang="${ui}"><a href="${factPageUrl(origin, doc.id, lang)}">${doc.headline}</a></blockquote><iframe src="${src}" width="100%" height="${height}" title="${doc.headline}" frameborder="0"></iframe>`;
  return String(await markup);
}

/** `fallback`, or the consumer's maximum when that is smaller (never below 1). */
function clampTo(max: string | undefined, fallback: number): number {
  const limit = Number(max);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, fallback) : fallback;
}
