/** The bindings wrangler.toml gives the worker. */
export interface Env {
  /** Release documents and their revisions; see worker/store.ts for the key layout. */
  RELEASES: KVNamespace;
}
