/**
 * What a path answers to a method none of its routes serves: `405 Method Not Allowed` with an
 * `Allow` header naming the methods it does serve (RFC 9110 §15.5.6), or, on a public read, the
 * answer to a CORS preflight. Both come from the routes the app has registered, so a new route
 * needs no entry here.
 */
import type { Hono } from 'hono';
import { METHOD_NAME_ALL } from 'hono/router';
import { PREFLIGHT_HEADERS, type AppEnv } from './headers';
import { problem } from './problem';

/**
 * Adds a last handler on every path `app` serves, for the methods its routes do not. Call it
 * after the last route: it sees the routes registered before it, and runs only when none of
 * them matched the method.
 *
 * @example
 * app.route('/api/releases', readRoutes(readerFor));
 * answerOtherMethods(app);
 */
export function answerOtherMethods(app: Hono<AppEnv>): void {
  for (const [path, methods] of servedMethods(app)) {
    app.all(path, (c) => {
      // A preflight asks whether a cross-origin GET may follow: only where reads are public.
      const preflights = c.get('public') === true && methods.has('GET');
      if (preflights && c.req.method === 'OPTIONS') {
        return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
      }
      const allow = [...methods, ...(preflights ? ['OPTIONS'] : [])].sort().join(', ');
      throw problem(405, 'Method Not Allowed', `${c.req.method} is not supported here. Allowed: ${allow}.`, {
        headers: { Allow: allow },
      });
    });
  }
}

/** Each path's methods, from the routes registered so far (middleware serves no method). */
function servedMethods(app: Hono<AppEnv>): Map<string, Set<string>> {
  const served = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (method === METHOD_NAME_ALL) continue;
    const methods = served.get(path) ?? new Set<string>();
    methods.add(method);
    // hono answers HEAD with the GET route, less the body (RFC 9110 §9.3.2).
    if (method === 'GET') methods.add('HEAD');
    served.set(path, methods);
  }
  return served;
}
