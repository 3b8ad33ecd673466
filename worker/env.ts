/**
 * The bindings wrangler.toml gives the worker. The KV type is imported rather than taken from
 * the Workers globals so that the CLI, type-checked against Node's globals, shares it.
 */
import type { KVNamespace } from '@cloudflare/workers-types/2023-07-01/index.ts';

export type { KVNamespace };

export interface Env {
  /** Release documents and their revisions; see worker/store.ts for the key layout. */
  RELEASES: KVNamespace;
  /** Bearer token of the admin API (`wrangler secret put ADMIN_TOKEN`; `.dev.vars` locally). Unset: no writes. */
  ADMIN_TOKEN?: string;
}
