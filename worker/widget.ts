/**
 * What an embedder loads: `/widget.js` (the element, built from widget/ by cli/build-widget.ts)
 * and `/`, a demo page with the element in each theme, variant and a few languages, and the
 * snippet to copy.
 */
import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { WIDGET_JS } from '../dist/widget-bundle';
import type { Env } from './env';
import { READ_CORS_HEADERS, SECURITY_HEADERS } from './headers';
import { fingerprint, ifNoneMatchHits } from './http-cache';

const WIDGET_ETAG = `"w-${fingerprint(WIDGET_JS)}"`;

/** Module scripts are fetched in CORS mode, so other origins need the CORS headers too. */
const WIDGET_HEADERS = {
  ...SECURITY_HEADERS,
  ...READ_CORS_HEADERS,
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
  ETag: WIDGET_ETAG,
};

/**
 * The demo page runs only our own script and styles; it embeds nothing from elsewhere.
 * Its inline <style> is its own markup, never data.
 */
const DEMO_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function addWidgetRoutes(app: Hono<{ Bindings: Env }>): void {
  app.get('/widget.js', (c) => {
    const notModified = ifNoneMatchHits(c.req.header('If-None-Match'), WIDGET_ETAG);
    return new Response(notModified ? null : WIDGET_JS, { status: notModified ? 304 : 200, headers: WIDGET_HEADERS });
  });

  app.get('/', (c) => {
    const origin = new URL(c.req.url).origin;
    const snippet = `<script type="module" src="${origin}/widget.js"></script>\n<belarus-release></belarus-release>`;
    return c.html(demoPage(snippet), 200, { 'Content-Security-Policy': DEMO_CSP, 'Cache-Control': 'no-cache' });
  });
}

function demoPage(snippet: string) {
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
        <p>A fact box about the December 2025 release of Belarusian political prisoners. Paste this into any page:</p>
        <pre><code>${snippet}</code></pre>
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
        <p><a href="/api/openapi.json">The API (OpenAPI 3.1)</a></p>
      </body>
    </html>`;
}
