/**
 * The worker's Hono app: headers every response carries, the routes, and one error shape.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ADMIN_PATH, addAdminRoutes } from './admin';
import { documentAdminRoutes } from './admin-openapi';
import { addReadRoutes } from './api';
import type { KVNamespace } from './kv';
import { edgeHeaders } from './headers';
import { problem, problemResponse } from './problem';
import { ReleaseReader, type ReleaseReaderOptions } from './releases';
import { addPageRoutes } from './pages';
import { addWidgetRoutes } from './widget';

export type AppOptions = ReleaseReaderOptions;

/**
 * Builds the app. Each app keeps its own isolate cache, so tests get a cold one per app.
 *
 * @example
 * export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>;
 */
export function createApp(options: AppOptions = {}): OpenAPIHono<{ Bindings: Env }> {
  const app = new OpenAPIHono<{ Bindings: Env }>();
  // One reader per KV binding: the binding is the same object for every request an isolate
  // serves, so the cache survives across requests.
  const readers = new WeakMap<KVNamespace, ReleaseReader>();
  const readerFor = (env: Env) => {
    let reader = readers.get(env.RELEASES);
    if (!reader) readers.set(env.RELEASES, (reader = new ReleaseReader(env.RELEASES, options)));
    return reader;
  };

  // Reads are public: any origin, no credentials. Everything else gets the security headers only.
  const isPublic = (method: string, path: string) =>
    ['GET', 'HEAD', 'OPTIONS'].includes(method) &&
    !ADMIN_PATH.test(path) &&
    (path.startsWith('/api/') || ['/healthz', '/widget.js', '/embed.js', '/oembed'].includes(path));
  app.use(edgeHeaders({ isPublic }));

  addReadRoutes(app, readerFor);
  addWidgetRoutes(app, readerFor);
  addPageRoutes(app, readerFor);
  addAdminRoutes(app, readerFor);
  documentAdminRoutes(app);
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'belarus-release API',
      version: '1.0.0',
      description: 'Facts about the December 2025 release of 123 Belarusian political prisoners, with sources.',
    },
  });

  const reads = ['GET', 'HEAD', 'OPTIONS'];
  allowOnly(app, '/api/releases', reads);
  allowOnly(app, '/api/releases/:id', [...reads, 'PUT']);
  allowOnly(app, '/api/releases/:id/revisions', ['GET', 'HEAD']);
  allowOnly(app, '/api/releases/:id/revisions/:n', ['GET', 'HEAD']);
  allowOnly(app, '/api/releases/:id/rollback', ['POST']);
  allowOnly(app, '/api/openapi.json', reads);
  allowOnly(app, '/healthz', reads);
  allowOnly(app, '/widget.js', reads);
  allowOnly(app, '/embed.js', reads);
  allowOnly(app, '/oembed', reads);
  allowOnly(app, '/releases/:id', ['GET', 'HEAD']);
  allowOnly(app, '/embed/:id', ['GET', 'HEAD']);
  allowOnly(app, '/', ['GET', 'HEAD']);

  app.notFound((c) =>
    problemResponse({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `Nothing is served at ${new URL(c.req.url).pathname}. The API lives under /api/releases; /api/openapi.json describes it.`,
    }),
  );
  app.onError((error) => {
    if (error instanceof HTTPException) return error.getResponse();
    console.error('unhandled error', error);
    return problemResponse({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The worker failed to answer this request. Try again; if it persists, report it.',
    });
  });
  return app;
}

/**
 * Answers 405 with `Allow` for the methods a path does not serve. Registered after the real
 * handlers, so it only runs when none of them matched.
 */
function allowOnly(app: Hono<{ Bindings: Env }>, path: string, methods: string[]): void {
  const allow = methods.join(', ');
  app.all(path, (c) => {
    throw problem(405, 'Method Not Allowed', `${c.req.method} is not supported here. Allowed: ${allow}.`, {
      headers: { Allow: allow },
    });
  });
}
