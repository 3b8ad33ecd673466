/**
 * The headers every response carries, computed once. Hono's `secureHeaders` and `cors`
 * middleware set them one by one on each response after it is built; on the hot path that cost
 * a quarter of the throughput (bench/README.md), so the read API builds its responses with these
 * constants in one go and {@link edgeHeaders} fills them in on everything else.
 */
import type { MiddlewareHandler } from 'hono';

export const FALLBACK_HEADER = 'X-Data-Fallback';

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

/**
 * Reads are open to every origin, without credentials. `*` needs no `Vary: Origin` (Fetch
 * standard, CORS protocol and HTTP caches), so one cached copy serves every site.
 */
export const READ_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': `ETag, Content-Language, ${FALLBACK_HEADER}`,
};

/** Answers to a CORS preflight for the read API. */
const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...READ_CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Max-Age': '86400',
};

export interface EdgeHeadersOptions {
  /** Which requests are public reads: they get {@link READ_CORS_HEADERS} and preflight answers. */
  isPublic: (method: string, path: string) => boolean;
}

/**
 * Gives every response the security (and, on public paths, CORS) headers it does not carry yet.
 * Responses already built with these constants (the hot path) are left as they are.
 *
 * @example
 * app.use(edgeHeaders({ isPublic: (method, path) => method === 'GET' && path.startsWith('/api/') }));
 */
export function edgeHeaders({ isPublic }: EdgeHeadersOptions): MiddlewareHandler {
  const publicEntries = Object.entries({ ...SECURITY_HEADERS, ...READ_CORS_HEADERS });
  const privateEntries = Object.entries(SECURITY_HEADERS);
  return async (c, next) => {
    const open = isPublic(c.req.method, c.req.path);
    if (open && c.req.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: { ...SECURITY_HEADERS, ...PREFLIGHT_HEADERS } });
    }
    await next();
    const target = c.res.headers;
    const complete = target.has('X-Content-Type-Options') && (!open || target.has('Access-Control-Allow-Origin'));
    if (complete) return undefined;
    for (const [name, value] of open ? publicEntries : privateEntries) if (!target.has(name)) target.set(name, value);
    return undefined;
  };
}
