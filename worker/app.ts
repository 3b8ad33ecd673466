/**
 * The worker's Hono app: the route files mounted as sub-apps, who may read what (by path), the
 * answers to methods a path does not serve (derived from the routes), and one error shape.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { adminRoutes } from './admin';
import { cardRoutes } from './card';
import { cardAdminRoutes } from './card-admin';
import { publishingRoutes } from './admin-publishing';
import { readRoutes } from './api';
import type { KVNamespace } from './kv';
import { edgeCaching } from './edge-cache';
import { publicReads, securityHeaders, type AppEnv } from './headers';
import { answerOtherMethods } from './methods';
import { errorResponse, invalidRequest, problemResponse } from './problem';
import { ReleaseReader, type ReleaseReaderOptions } from './releases';
import { pageRoutes } from './pages/index';
import { recentChange, recentChanges } from './writer-client';

export type AppOptions = ReleaseReaderOptions;

/**
 * Builds the app. Each app keeps its own isolate cache, so tests get a cold one per app.
 *
 * @example
 * export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>;
 */
export function createApp(options: AppOptions = {}): OpenAPIHono<AppEnv> {
  // Sub-apps mounted below inherit the hook: a request that fails a route's schemas gets a problem.
  const app = new OpenAPIHono<AppEnv>({ defaultHook: invalidRequest });
  // One reader per KV binding: the binding is the same object for every request an isolate
  // serves, so the cache survives across requests.
  const readers = new WeakMap<KVNamespace, ReleaseReader>();
  const readerFor = (env: Env) => {
    let reader = readers.get(env.RELEASES);
    if (!reader) {
      const asked = {
        recentChange: (id: string, lang: string) => recentChange(env, id, lang),
        recentChanges: () => recentChanges(env),
      };
      reader = new ReleaseReader(env.RELEASES, { ...asked, ...options });
      readers.set(env.RELEASES, reader);
    }
    return reader;
  };

  app.use(securityHeaders);
  // Reads open to every origin: the JSON API, oEmbed, link-preview cards, the health check (the
  // scripts an embedder loads are static assets with the same headers: cli/static-assets.ts).
  // The admin API shares /api/releases and closes its own paths (worker/admin.ts).
  for (const path of ['/api/*', '/oembed', '/cards/*', '/healthz']) app.use(path, publicReads);
  // What Cloudflare's cache may answer without the worker, and the tags a write purges (a card
  // is tagged with its release, so that unpublishing takes it off the edge too).
  for (const path of ['/api/releases', '/api/releases/*', '/releases/*', '/embed/*', '/oembed', '/cards/*'])
    app.use(path, edgeCaching);

  app.route('/api/releases', readRoutes(readerFor));
  app.route('/api/releases', adminRoutes(readerFor));
  app.route('/api/releases', cardAdminRoutes());
  app.route('/', cardRoutes(readerFor, options.log));
  app.route('/api/releases', publishingRoutes(readerFor));
  app.route('/', pageRoutes(readerFor));
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'belarus-release API',
      version: '1.0.0',
      description: 'Facts about the December 2025 release of 123 Belarusian political prisoners, with sources.',
    },
  });
  answerOtherMethods(app);

  app.notFound((c) =>
    problemResponse({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `Nothing is served at ${new URL(c.req.url).pathname}. The API lives under /api/releases; /api/openapi.json describes it.`,
    }),
  );
  app.onError(errorResponse);
  return app;
}
