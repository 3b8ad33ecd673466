/**
 * The Cloudflare Workers entry point: the app, the purge the writers send through it, and the
 * Durable Objects that write and that remember recent changes.
 */
import { WorkerEntrypoint } from 'cloudflare:workers';
import { createApp } from './app';
import { purgeEdge } from './edge-cache';

export { RecentChanges } from './recent-changes';
export { DocumentWriter } from './writer';

const app = createApp();

/** What a writer (worker/writer.ts) asks of this entrypoint over its loopback binding. */
export interface EdgePurger {
  purgeEdge(tags: string[]): Promise<void>;
}

export default class Worker extends WorkerEntrypoint<Env> implements EdgePurger {
  override fetch(request: Request): Response | Promise<Response> {
    return app.fetch(request, this.env, this.ctx);
  }

  /**
   * Purges `tags` from the edge cache in front of this entrypoint, which holds every cached
   * answer (a purge reaches only the cache of the entrypoint that sends it, and a Durable Object
   * is not this one). An RPC method: never reachable over HTTP. Throws when the purge fails, so
   * that the writer tries again; logs each purge sent, so that Workers Logs show them.
   */
  async purgeEdge(tags: string[]): Promise<void> {
    const { cache } = this.ctx;
    if (!(await purgeEdge(cache, tags))) throw new Error(`Workers Cache purge failed for ${tags.join(', ')}`);
    if (cache) console.log('Purged the edge cache again after a change', JSON.stringify({ tags }));
  }
}
