/**
 * The HTML an embedder or a crawler gets: the canonical page of a release (readable with
 * JavaScript off, with meta tags, JSON-LD and oEmbed discovery), the iframe page, the oEmbed
 * endpoint, and the demo page with the three ways to embed.
 */
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { ReleaseDocument } from '../data/schema';
import { factBoxHtml, fallbackHtml, jsonLd } from './fact-box-html';
import { SECURITY_HEADERS } from './headers';
import { CACHE_CONTROL } from './http-cache';
import { problem } from './problem';
import { normaliseLang, type ReleaseReader } from './releases';

/** Our own scripts and inline styles only; never framed. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
/** The iframe page may be framed by any site; nothing else is more permissive. */
const EMBED_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors *";
/** The iframe's size when the host page does not listen to its height messages. */
export const EMBED_SIZE = { width: 600, height: 520 };

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:2rem auto;padding:0 1rem}
.count strong{font-size:2em;color:#0b5cad}blockquote{margin:0;border-inline-start:3px solid #0b5cad;padding-inline-start:.75em}
pre{background:#f3f3f3;padding:1rem;overflow-x:auto;white-space:pre-wrap}`;

export function addPageRoutes(app: Hono<{ Bindings: Env }>, readerFor: (env: Env) => ReleaseReader): void {
  app.get('/releases/:id', async (c) => {
    const { doc, ui, origin } = await release(c, readerFor);
    const page = pageUrl(origin, doc.id, ui);
    const oembed = `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
    const body = html`${opening(ui, doc.headline, page)}
          <meta name="description" content="${doc.summary}" />
          <link rel="alternate" type="application/json+oembed" href="${oembed}" title="${doc.headline}" />
          <meta property="og:type" content="article" />
          <meta property="og:site_name" content="belarus-release" />
          <meta property="og:title" content="${doc.headline}" />
          <meta property="og:description" content="${doc.summary}" />
          <meta property="og:url" content="${page}" />
          <meta property="og:locale" content="${doc.lang}" />
          <meta property="article:published_time" content="${doc.date}" />
          <meta name="twitter:card" content="summary" />
          <meta name="twitter:title" content="${doc.headline}" />
          <meta name="twitter:description" content="${doc.summary}" />
          ${jsonLd(doc, page)}
          <script type="module" src="/widget.js"></script>
          <style>
            ${PAGE_STYLE}
          </style>
        </head>
        <body>
          <main>
            <belarus-release release="${doc.id}" lang="${ui}">${factBoxHtml(doc, ui)}</belarus-release>
          </main>
        </body>
      </html>`;
    return c.html(body, 200, { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': CACHE_CONTROL });
  });

  app.get('/embed/:id', async (c) => {
    const { doc, ui, origin } = await release(c, readerFor);
    const theme = ['light', 'dark'].includes(c.req.query('theme') ?? '') ? c.req.query('theme')! : 'auto';
    const background = c.req.query('transparent') === '1' ? 'transparent' : 'Canvas';
    const body = html`${opening(ui, doc.headline, pageUrl(origin, doc.id, ui))}
          <script type="module" src="/widget.js"></script>
          <script type="module" src="/embed.js"></script>
          <style>
            html {
              color-scheme: ${theme === 'auto' ? 'light dark' : theme};
              background: ${background};
            }
            body {
              margin: 0;
              font-family: system-ui, sans-serif;
            }
          </style>
        </head>
        <body>
          <belarus-release release="${doc.id}" lang="${ui}" theme="${theme}"
            >${fallbackHtml(doc, ui, pageUrl(origin, doc.id, ui))}</belarus-release
          >
        </body>
      </html>`;
    // Complete headers, so edgeHeaders adds no X-Frame-Options: this page is made to be framed.
    const { 'X-Frame-Options': _framed, ...security } = SECURITY_HEADERS;
    return c.html(body, 200, { ...security, 'Content-Security-Policy': EMBED_CSP, 'Cache-Control': CACHE_CONTROL });
  });

  app.get('/oembed', async (c) => {
    const url = c.req.query('url');
    if (!url) throw problem(400, 'Bad Request', 'The "url" parameter is required: the URL of a release page.');
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json') throw problem(501, 'Not Implemented', `Only format=json is served, not "${format}".`);
    const origin = new URL(c.req.url).origin;
    const target = URL.canParse(url) ? new URL(url) : null;
    const id = target?.origin === origin ? /^\/(?:releases|embed)\/([^/]+)$/.exec(target.pathname)?.[1] : undefined;
    const served = id
      ? await readerFor(c.env).get(id, normaliseLang(target!.searchParams.get('lang') ?? undefined))
      : null;
    if (!served) throw problem(404, 'Not Found', `${url} is not a release page of ${origin}.`);
    const { document: doc, lang } = served.value;
    const width = clampTo(c.req.query('maxwidth'), EMBED_SIZE.width);
    const height = clampTo(c.req.query('maxheight'), EMBED_SIZE.height);
    return c.json(
      {
        type: 'rich',
        version: '1.0',
        title: doc.headline,
        provider_name: 'belarus-release',
        provider_url: `${origin}/`,
        cache_age: 3600,
        width,
        height,
        html: await iframeHtml(origin, doc, lang, width, height),
      },
      200,
      { 'Cache-Control': 'public, max-age=3600' },
    );
  });
}

/** How every page starts: language, charset, viewport, title and canonical link (head left open). */
function opening(lang: string, title: string, canonical: string) {
  // The fragment is left open on purpose; Prettier would close it.
  // prettier-ignore
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="canonical" href="${canonical}" />`;
}

async function release(c: Context<{ Bindings: Env }>, readerFor: (env: Env) => ReleaseReader) {
  const id = c.req.param('id')!;
  const ui = normaliseLang(c.req.query('lang'));
  const served = await readerFor(c.env).get(id, ui);
  if (!served) throw problem(404, 'Not Found', `There is no release "${id}". GET /api/releases lists them.`);
  return { doc: served.value.document, ui, origin: new URL(c.req.url).origin };
}

/** The canonical URL of a release page: the id, never `latest`; `lang` only when not English. */
export function pageUrl(origin: string, id: string, lang: string): string {
  return `${origin}/releases/${id}${lang === 'en' ? '' : `?lang=${lang}`}`;
}

/** The iframe snippet of a release: what oEmbed returns and the demo page shows. */
export async function iframeHtml(origin: string, doc: ReleaseDocument, lang: string, width: number, height: number) {
  const src = `${origin}/embed/${doc.id}${lang === 'en' ? '' : `?lang=${lang}`}`;
  // prettier-ignore
  const iframe = html`<iframe src="${src}" width="${width}" height="${height}" title="${doc.headline}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return String(await iframe);
}

/** `fallback`, or the consumer's maximum when that is smaller (never below 1). */
function clampTo(max: string | undefined, fallback: number): number {
  const limit = Number(max);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, fallback) : fallback;
}
