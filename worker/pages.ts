/**
 * The HTML an embedder or a crawler gets: the canonical page of a release (readable with
 * JavaScript off, with meta tags, JSON-LD and oEmbed discovery), the iframe page, the oEmbed
 * endpoint, and the demo page with the three ways to embed.
 */
import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import { DEFAULT_LANG, publishedLang } from '../data/lang';
import type { ReleaseDocument } from '../data/schema';
import { RESERVE_STYLE } from '../factbox/snippet';
import { factBoxHtml, fallbackHtml, jsonLd } from './fact-box-html';
import { EMBED_CSP, PAGE_CSP, SECURITY_HEADERS, type AppEnv } from './headers';
import { servedHeaders } from './http-cache';
import { publicOrigin } from './origin';
import { problem } from './problem';
import type { ReleaseReader } from './releases';

/** The iframe's size when the host page does not listen to its height messages. */
const EMBED_SIZE = { width: 600, height: 520 };

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:2rem auto;padding:0 1rem}
.count strong{font-size:2em;color:#0b5cad}blockquote{margin:0;border-inline-start:3px solid #0b5cad;padding-inline-start:.75em}
pre{background:#f3f3f3;padding:1rem;overflow-x:auto;white-space:pre-wrap}`;

/**
 * The page routes and oEmbed, to mount at /.
 *
 * @example
 * app.route('/', pageRoutes(readerFor));
 */
export function pageRoutes(readerFor: (env: Env) => ReleaseReader): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/releases/:id', async (c) => {
    const { doc, ui, origin, fallback } = await release(c, readerFor);
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
    return c.html(body, 200, { 'Content-Security-Policy': PAGE_CSP, ...servedHeaders(fallback) });
  });

  app.get('/embed/:id', async (c) => {
    const { doc, ui, origin, fallback } = await release(c, readerFor);
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
    // Complete headers, so securityHeaders adds no X-Frame-Options: this page is made to be framed.
    const { 'X-Frame-Options': _framed, ...security } = SECURITY_HEADERS;
    return c.html(body, 200, { ...security, 'Content-Security-Policy': EMBED_CSP, ...servedHeaders(fallback) });
  });

  app.get('/oembed', async (c) => {
    const url = c.req.query('url');
    if (!url) throw problem(400, 'Bad Request', 'The "url" parameter is required: the URL of a release page.');
    const format = c.req.query('format') || 'json';
    if (format !== 'json') throw problem(501, 'Not Implemented', `Only format=json is served, not "${format}".`);
    const origin = publicOrigin(c.env);
    const target = URL.canParse(url) ? new URL(url) : null;
    const id = target?.origin === origin ? /^\/(?:releases|embed)\/([^/]+)$/.exec(target.pathname)?.[1] : undefined;
    const served = id ? await readerFor(c.env).get(id, publishedLang(target!.searchParams.get('lang'))) : null;
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
        cache_age: served.fallback ? 15 : 3600,
        width,
        height,
        html: await iframeHtml(origin, doc, lang, width, height),
      },
      200,
      servedHeaders(served.fallback, 'public, max-age=3600'),
    );
  });

  app.get('/', async (c) => {
    const reader = readerFor(c.env);
    const { value: releases } = await reader.list(DEFAULT_LANG);
    // A release with no English document has no snippet here, rather than breaking the page.
    const served = await Promise.all(releases.map(({ id }) => reader.get(id, DEFAULT_LANG)));
    const docs = served.flatMap((s) => (s ? [s.value.document] : []));
    const origin = publicOrigin(c.env);
    const snippets = await Promise.all(docs.map((doc) => embedSnippets(origin, doc)));
    return c.html(demoPage(origin, snippets), 200, {
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-cache',
    });
  });
  return app;
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

async function release(c: Context<AppEnv>, readerFor: (env: Env) => ReleaseReader) {
  const id = c.req.param('id')!;
  const ui = publishedLang(c.req.query('lang'));
  const served = await readerFor(c.env).get(id, ui);
  if (!served) throw problem(404, 'Not Found', `There is no release "${id}". GET /api/releases lists them.`);
  return { doc: served.value.document, ui, origin: publicOrigin(c.env), fallback: served.fallback };
}

/** The canonical URL of a release page: the id, never `latest`; `lang` only when not English. */
function pageUrl(origin: string, id: string, lang: string): string {
  return `${origin}/releases/${id}${lang === DEFAULT_LANG ? '' : `?lang=${lang}`}`;
}

/** The iframe snippet of a release: what oEmbed returns and the demo page shows. */
async function iframeHtml(origin: string, doc: ReleaseDocument, lang: string, width: number, height: number) {
  const src = `${origin}/embed/${doc.id}${lang === DEFAULT_LANG ? '' : `?lang=${lang}`}`;
  // prettier-ignore
  const iframe = html`<iframe src="${src}" width="${width}" height="${height}" title="${doc.headline}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return String(await iframe);
}

/** `fallback`, or the consumer's maximum when that is smaller (never below 1). */
function clampTo(max: string | undefined, fallback: number): number {
  const limit = Number(max);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, fallback) : fallback;
}

/** The three ways to embed a release, for the demo page: script, iframe and oEmbed. */
async function embedSnippets(origin: string, doc: ReleaseDocument) {
  const page = pageUrl(origin, doc.id, DEFAULT_LANG);
  const fallback = String(fallbackHtml(doc, DEFAULT_LANG, page)).trim();
  const script = `<script type="module" src="${origin}/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release release="${doc.id}">\n  ${fallback}\n</belarus-release>`;
  const iframe = await iframeHtml(origin, doc, DEFAULT_LANG, EMBED_SIZE.width, EMBED_SIZE.height);
  return html`<section>
    <h2>${doc.headline}</h2>
    <p>
      A script, a style that keeps the box's place until the script arrives, and the element, with fallback content for
      readers where the script never runs:
    </p>
    <pre><code>${script}</code></pre>
    <p>Where scripts are stripped, an iframe (it reports its height to the parent with postMessage):</p>
    <pre><code>${iframe}</code></pre>
    <p>For CMSs that take oEmbed, the page URL: <code>${page}</code></p>
  </section>`;
}

/** The element in each theme and variant, with labels in a few languages. */
const DEMO_EXAMPLES: [string, string][] = [
  ['Light, full, English', '<belarus-release theme="light" lang="en"></belarus-release>'],
  ['Dark, full, Belarusian labels', '<belarus-release theme="dark" lang="be"></belarus-release>'],
  ['Light, compact, Ukrainian labels', '<belarus-release theme="light" variant="compact" lang="uk"></belarus-release>'],
  ['Dark, compact, Lithuanian labels', '<belarus-release theme="dark" variant="compact" lang="lt"></belarus-release>'],
];

const DEMO_STYLE = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1.5rem}
pre{background:#f3f3f3;padding:1rem;overflow-x:auto}`;

/** The demo page at `/`: the element as a site owner would use it, and the snippets to copy. */
function demoPage(origin: string, snippets: unknown[]) {
  return html`${opening(DEFAULT_LANG, 'belarus-release: the embeddable fact box', `${origin}/`)}
        <script type="module" src="/widget.js"></script>
        ${raw(RESERVE_STYLE)}
        <style>
          ${DEMO_STYLE}
        </style>
      </head>
      <body>
        <h1>belarus-release</h1>
        <p>A fact box about the December 2025 release of Belarusian political prisoners, in any page.</p>
        <div class="grid">
          ${DEMO_EXAMPLES.map(
            ([title, tag]) =>
              html`<section>
                <h2>${title}</h2>
                ${raw(tag)}
                <pre><code>${tag}</code></pre>
              </section>`,
          )}
        </div>
        <h2>Embed it</h2>
        ${snippets}
        <p><a href="/api/openapi.json">The API (OpenAPI 3.1)</a></p>
      </body>
    </html>`;
}
