/**
 * The worker as it deploys, with no isolate memory: every request loads what it serves from KV,
 * as at Cloudflare, where the worker runs only when the edge cache misses. Two readers side by
 * side, picked per request by `X-Bench-Reader`: `asking` (the worker's own: each load also asks
 * the Durable Objects whether a change has not reached KV yet) and `trusting` (KV alone, the
 * worker before edits settled through them). The entry `npm run bench:misses` bundles.
 */
import { createApp } from '../worker/app';
import Worker from '../worker/index';

export { DocumentWriter, RecentChanges } from '../worker/index';

const asking = createApp({ ttlMs: 0 });
const trusting = createApp({ ttlMs: 0, recentChange: async () => undefined, recentChanges: async () => [] });

export default class MissWorker extends Worker {
  override fetch(request: Request): Response | Promise<Response> {
    const app = request.headers.get('X-Bench-Reader') === 'trusting' ? trusting : asking;
    return app.fetch(request, this.env, this.ctx);
  }
}
