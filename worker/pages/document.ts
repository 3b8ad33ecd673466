/**
 * How every release page is put together: the release it shows, the document every page
 * shares and the headers every page sends.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { publishedLang } from '../../data/lang';
import type { ReleaseDocument } from '../../data/schema';
import { SECURITY_HEADERS, type AppEnv } from '../headers';
import { servedHeaders } from '../http-cache';
import { publicOrigin } from '../origin';
import { PREVIEW_HEADERS, previewAccess } from '../preview';
import type { Fallback, ReleaseReader } from '../releases';
import type { EmbedOptions } from './embed-options';
import { missingPage, withdrawnPage } from './missing';
import { noticePage } from './notice';

/** What makes one page: its language, title, canonical URL, CSS, and what goes in head and body. */
export interface PageParts {
  /** The language of the page's text: `<html lang>` and `Content-Language`. */
  lang: string;
  title: string;
  canonical: string;
  /** Our own CSS, never data: it goes in as it is. */
  style: string;
  head?: unknown;
  body: unknown;
}

/**
 * A whole page. Every value in `head` and `body` comes through Hono's `html`, which escapes it.
 *
 * @example
 * c.html(htmlPage({ lang: 'en', title, canonical, style: PAGE_STYLE, body: html`<main>…</main>` }));
 */
export function htmlPage(p: PageParts) {
  return html`<!doctype html>
    <html lang="${p.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title}</title>
        <link rel="canonical" href="${p.canonical}" />
        ${p.head}
        <style>
          ${raw(p.style)}
        </style>
      </head>
      <body>
        ${p.body}
      </body>
    </html>`;
}

/**
 * The headers of a page: security headers with its own CSP, caching, and the language of its
 * text. A page that sets them all goes out as it is (worker/headers.ts adds nothing). A page
 * made from a fallback says so, as the API does, and is cached as briefly; a preview is never
 * cached (worker/preview.ts).
 */
export function pageHeaders(
  csp: string,
  lang: string,
  { framed = false, fallback, preview = false }: { framed?: boolean } & ServedAs = {},
): Record<string, string> {
  // The iframe page is made to be framed: no X-Frame-Options, and its CSP says by whom.
  const { 'X-Frame-Options': _deny, ...framable } = SECURITY_HEADERS;
  return {
    ...(framed ? framable : SECURITY_HEADERS),
    'Content-Security-Policy': csp,
    'Content-Language': lang,
    ...(preview ? PREVIEW_HEADERS : servedHeaders(fallback)),
  };
}

/** How a page's release was had: from a fallback, or as an editor's preview. */
interface ServedAs {
  fallback?: Fallback | undefined;
  preview?: boolean;
}

/**
 * The origin every absolute URL of a page starts with (canonical links, og:url, JSON-LD,
 * oEmbed): the configured public origin (worker/origin.ts), never the request's Host header.
 */
export function pageOrigin(c: Context<AppEnv>): string {
  return publicOrigin(c.env);
}

/**
 * The release a page shows: `:id` (or `latest`) for the reader's canonical `lang` (./language.ts),
 * in that language or else in English; with `?preview` its newest revision, for an editor
 * (worker/preview.ts). Otherwise a page that says why (./notice.ts): 404 when there is no such
 * release (./missing.ts), 410 when it was unpublished, or the preview's refusal; with `frame`
 * (the iframe page's options), in the iframe page's look.
 *
 * @example
 * const { doc, lang, origin, ...served } = await pageRelease(c, readerFor(c.env));
 */
export async function pageRelease(
  c: Context<AppEnv>,
  reader: ReleaseReader,
  frame?: EmbedOptions,
): Promise<
  {
    doc: ReleaseDocument;
    lang: string;
    origin: string;
    /** How many revisions English is ahead of this translation, if it is. */
    behind?: number | undefined;
  } & ServedAs
> {
  const id = c.req.param('id')!;
  const lang = publishedLang(c.req.query('lang'));
  const origin = pageOrigin(c);
  const access = await previewAccess(c, id);
  const home = { href: `${origin}/`, text: 'Other releases' };
  if (typeof access === 'object') {
    const { status, title, detail } = access;
    throw await noticePage({ status, lang: 'en', title, text: detail, link: home }, origin, frame);
  }
  const preview = access === 'preview';
  const served = preview ? await reader.preview(id, lang) : await reader.get(id, lang);
  if (!served) {
    const withdrawal = preview ? null : await reader.withdrawal(id);
    if (withdrawal) throw await withdrawnPage(reader, id, lang, origin, withdrawal.unpublishedAt, frame);
    throw await missingPage(reader, id, lang, origin, frame);
  }
  const { fallback, behind } = served;
  return { doc: served.value.document, lang, origin, fallback, behind, preview };
}
