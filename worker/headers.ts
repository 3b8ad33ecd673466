/**
 * The headers every response carries, computed once. Hono's `secureHeaders` and `cors`
 * middleware set them one by one on each response after it is built; on the hot path that cost
 * a quarter of the throughput (bench/README.md), so the read API builds its responses with these
 * constants in one go, and {@link securityHeaders} and {@link publicReads} fill them in on
 * everything else.
 */
import type { MiddlewareHandler } from 'hono';
import { BEHIND_HEADER } from '../factbox/language';

export { BEHIND_HEADER };
export const FALLBACK_HEADER = 'X-Data-Fallback';

/** What every route sees: the bindings, and whether this request is a public read. */
export interface AppEnv {
  Bindings: Env;
  Variables: { public?: boolean };
}

/**
 * What `secureHeaders()` sends by default, less the headers only Internet Explorer read, with
 * two changes: third-party pages may load these resources (CORP cross-origin), and nothing here
 * may be framed or run anything (a JSON API needs no CSP sources at all).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** The HTML pages run our own scripts and inline styles only, and embed nothing from elsewhere. */
const PAGE_SOURCES = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'";
/** The CSP of every HTML page but the iframe page: never framed. */
export const PAGE_CSP = `${PAGE_SOURCES}; frame-ancestors 'none'`;
/** The iframe page may be framed by any site; nothing else is more permissive. */
export const EMBED_CSP = `${PAGE_SOURCES}; frame-ancestors *`;

/**
 * Reads are open to every origin, without credentials. `*` needs no `Vary: Origin` (Fetch
 * standard, CORS protocol and HTTP caches), so one cached copy serves every site.
 */
export const READ_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': `ETag, Content-Language, ${FALLBACK_HEADER}, ${BEHIND_HEADER}`,
};

/** The answer to a CORS preflight for a public read. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  ...READ_CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Max-Age': '86400',
};

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);
const CORS_ENTRIES = Object.entries(READ_CORS_HEADERS);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives every response the security headers it does not carry yet. A response that already
 * has them (the hot path, or a page that chose its own) is left as it is.
 *
 * @example
 * app.use(securityHeaders);
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (headers.has('X-Content-Type-Options')) return;
  for (const [name, value] of SECURITY_ENTRIES) if (!headers.has(name)) headers.set(name, value);
};

/**
 * Opens the reads under a path to every origin: their answers (errors included) get
 * {@link READ_CORS_HEADERS}, and worker/methods.ts answers their preflights. Applied by path,
 * as hono's `cors()` is.
 *
 * @example
 * app.use('/api/*', publicReads);
 */
export const publicReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('public', true);
  await next();
  if (!c.get('public') || !READ_METHODS.has(c.req.method)) return;
  const headers = c.res.headers;
  if (headers.has('Access-Control-Allow-Origin')) return;
  for (const [name, value] of CORS_ENTRIES) headers.set(name, value);
};

/**
 * Closes a path that lies under a public one again: the admin API, which shares /api/releases
 * with the reads. Its answers carry no CORS headers and its preflights are refused.
 *
 * @example
 * admin.use('/:id/revisions/*', notPublic);
 */
export const notPublic: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('public', false);
  await next();
};
