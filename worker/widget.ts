/**
 * The scripts an embedder loads: `/widget.js` (the element, built from widget/ by
 * cli/build-widget.ts) and `/embed.js` (the iframe page's height reporter).
 */
import { Hono } from 'hono';
import { WIDGET_JS } from '../dist/widget-bundle';
import { READ_CORS_HEADERS, SECURITY_HEADERS, type AppEnv } from './headers';
import { fingerprint, ifNoneMatchHits } from './http-cache';

/**
 * Runs in the iframe page: tells the parent how tall the page is, whenever that changes, so a
 * host script can size the frame (see README, "Embedding without a script").
 */
const EMBED_JS = `const post = () => parent.postMessage({ type: 'belarus-release:resize', height: document.documentElement.scrollHeight }, '*');
new ResizeObserver(post).observe(document.documentElement);
`;

/** Module scripts are fetched in CORS mode, so other origins need the CORS headers too. */
const scriptHeaders = (code: string) => ({
  ...SECURITY_HEADERS,
  ...READ_CORS_HEADERS,
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
  ETag: `"w-${fingerprint(code)}"`,
});

/**
 * The script routes, with their headers built once.
 *
 * @example
 * app.route('/', scriptRoutes());
 */
export function scriptRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const [path, code] of [
    ['/widget.js', WIDGET_JS],
    ['/embed.js', EMBED_JS],
  ] as const) {
    const headers = scriptHeaders(code);
    app.get(path, (c) => {
      const notModified = ifNoneMatchHits(c.req.header('If-None-Match'), headers.ETag);
      return new Response(notModified ? null : code, { status: notModified ? 304 : 200, headers });
    });
  }
  return app;
}
