/**
 * What an embedder loads: `/widget.js` (the element, built from widget/ by cli/build-widget.ts),
 * `/widget/strings/:lang.json` (its labels in a language other than English), `/embed.js` (the
 * iframe page's height reporter) and `/`, a demo page with the element in each
 * theme, variant and a few languages, and the three ways to embed each release.
 */
import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { WIDGET_JS } from '../dist/widget-bundle';
import { RESERVE_STYLE } from '../factbox/snippet';
import { stringsFor, UI_LANGUAGES } from '../factbox/translations';
import { fallbackHtml } from './fact-box-html';
import { READ_CORS_HEADERS, SECURITY_HEADERS } from './headers';
import { fingerprint, ifNoneMatchHits } from './http-cache';
import { EMBED_SIZE, iframeHtml, pageUrl } from './pages';
import type { ReleaseReader } from './releases';

/**
 * Runs in the iframe page: tells the parent how tall the page is, whenever that changes, so a
 * host script can size the frame (see README, "Embedding without a script").
 */
const EMBED_JS = `const post = () => parent.postMessage({ type: 'belarus-release:resize', height: document.documentElement.scrollHeight }, '*');
new ResizeObserver(post).observe(document.documentElement);
`;

/** Module scripts are fetched in CORS mode, so other origins need the CORS headers too. */
const assetHeaders = (code: string, type = 'text/javascript') => ({
  ...SECURITY_HEADERS,
  ...READ_CORS_HEADERS,
  'Content-Type': `${type}; charset=utf-8`,
  'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
  ETag: `"w-${fingerprint(code)}"`,
});

/**
 * The demo page runs only our own script and styles; it embeds nothing from elsewhere.
 * Its inline <style> is its own markup, never data.
 */
const DEMO_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function addWidgetRoutes(app: Hono<{ Bindings: Env }>, readerFor: (env: Env) => ReleaseReader): void {
  const assets: [path: string, body: string, type?: string][] = [
    ['/widget.js', WIDGET_JS],
    ['/embed.js', EMBED_JS],
    // The element's labels in the other languages it speaks (factbox/translations.ts).
    ...UI_LANGUAGES.filter((lang) => lang !== 'en').map((lang): [string, string, string] => [
      `/widget/strings/${lang}.json`,
      JSON.stringify(stringsFor(lang)),
      'application/json',
    ]),
  ];
  for (const [path, code, type] of assets) {
    const headers = assetHeaders(code, type);
    app.get(path, (c) => {
      const notModified = ifNoneMatchHits(c.req.header('If-None-Match'), headers.ETag);
      return new Response(notModified ? null : code, { status: notModified ? 304 : 200, headers });
    });
  }

  app.get('/', async (c) => {
    const origin = new URL(c.req.url).origin;
    const reader = readerFor(c.env);
    // A release with no English document has no snippet here, rather than breaking the page.
    const served = await Promise.all((await reader.list('en')).value.map(({ id }) => reader.get(id, 'en')));
    const releases = served.flatMap((s) => (s ? [s.value.document] : []));
    const snippets = await Promise.all(
      releases.map(async (doc) => {
        const page = pageUrl(origin, doc.id, 'en');
        const script = `<script type="module" src="${origin}/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release release="${doc.id}">\n  ${String(fallbackHtml(doc, 'en', page)).trim()}\n</belarus-release>`;
        const iframe = await iframeHtml(origin, doc, 'en', EMBED_SIZE.width, EMBED_SIZE.height);
        return html`<section>
          <h2>${doc.headline}</h2>
          <p>
            A script, a style that keeps the box's place until the script arrives, and the element, with fallback
            content for readers where the script never runs:
          </p>
          <pre><code>${script}</code></pre>
          <p>Where scripts are stripped, an iframe (it reports its height to the parent with postMessage):</p>
          <pre><code>${iframe}</code></pre>
          <p>For CMSs that take oEmbed, the page URL: <code>${page}</code></p>
        </section>`;
      }),
    );
    return c.html(demoPage(snippets), 200, { 'Content-Security-Policy': DEMO_CSP, 'Cache-Control': 'no-cache' });
  });
}

function demoPage(snippets: unknown[]) {
  const examples: [string, string][] = [
    ['Light, full, English', '<belarus-release theme="light" lang="en"></belarus-release>'],
    ['Dark, full, Belarusian labels', '<belarus-release theme="dark" lang="be"></belarus-release>'],
    [
      'Light, compact, Ukrainian labels',
      '<belarus-release theme="light" variant="compact" lang="uk"></belarus-release>',
    ],
    [
      'Dark, compact, Lithuanian labels',
      '<belarus-release theme="dark" variant="compact" lang="lt"></belarus-release>',
    ],
  ];
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>belarus-release: the embeddable fact box</title>
        <script type="module" src="/widget.js"></script>
        ${raw(RESERVE_STYLE)}
        <style>
          body {
            font-family: system-ui, sans-serif;
            max-width: 72rem;
            margin: 2rem auto;
            padding: 0 1rem;
          }
          .grid {
            display: grid;
            grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
            gap: 1.5rem;
          }
          pre {
            background: #f3f3f3;
            padding: 1rem;
            overflow-x: auto;
          }
        </style>
      </head>
      <body>
        <h1>belarus-release</h1>
        <p>A fact box about the December 2025 release of Belarusian political prisoners, in any page.</p>
        <div class="grid">
          ${examples.map(
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
