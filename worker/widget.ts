/**
 * What an embedder loads: `/widget.js` (the element, built from widget/ by cli/build-widget.ts),
 * `/widget/strings/:lang.json` (its labels in a language other than English) and `/embed.js`
 * (the iframe page's script, built from embed/frame.ts).
 */
import { Hono } from 'hono';
import { EMBED_JS } from '../dist/embed-bundle';
import { WIDGET_JS } from '../dist/widget-bundle';
import { stringsFor, UI_LANGUAGES } from '../factbox/translations';
import { READ_CORS_HEADERS, SECURITY_HEADERS, type AppEnv } from './headers';
import { fingerprint, ifNoneMatchHits } from './http-cache';

/** Module scripts are fetched in CORS mode, so other origins need the CORS headers too. */
const assetHeaders = (code: string, type = 'text/javascript') => ({
  ...SECURITY_HEADERS,
  ...READ_CORS_HEADERS,
  'Content-Type': `${type}; charset=utf-8`,
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
  return app;
}
