/**
 * The worker as it deploys (worker/index.ts: the app and the writers' Durable Object), but with
 * KV reads that fail at the rate the `KV_READ_FAILURE_RATE` binding names (0 to 1): the entry
 * `npm run bench:faults` bundles in place of worker/index.ts. Reads fail in the readers' path
 * and in the writers' path alike; writes (`put`) do not.
 */
import type { KVNamespace } from '../worker/kv';
import Worker, { DocumentWriter } from '../worker/index';

export { RecentChanges } from '../worker/index';

interface FaultyEnv extends Env {
  KV_READ_FAILURE_RATE?: string;
}

const READS = new Set<PropertyKey>(['get', 'getWithMetadata', 'list']);
const faulty = new WeakMap<KVNamespace, KVNamespace>();

/**
 * The binding with failing reads. One wrapper per binding, kept: the app keeps its isolate cache
 * per binding object, as it does for the real one.
 */
function failing(env: FaultyEnv): FaultyEnv {
  const rate = Number(env.KV_READ_FAILURE_RATE ?? 0);
  let kv = faulty.get(env.RELEASES);
  if (!kv) {
    kv = new Proxy(env.RELEASES, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if (!READS.has(property)) return value.bind(target);
        return (...args: unknown[]) =>
          Math.random() < rate
            ? Promise.reject(new Error('KV GET failed: 503 Service Unavailable (injected)'))
            : value.apply(target, args);
      },
    });
    faulty.set(env.RELEASES, kv);
  }
  return { ...env, RELEASES: kv };
}

/** The writers' object, reading through the same failing KV. */
class FaultyDocumentWriter extends DocumentWriter {
  constructor(ctx: DurableObjectState, env: FaultyEnv) {
    super(ctx, failing(env));
  }
}

export { FaultyDocumentWriter as DocumentWriter };

/** The worker's entrypoint, serving through the same failing KV. */
export default class FaultyWorker extends Worker {
  constructor(ctx: ExecutionContext, env: FaultyEnv) {
    super(ctx, failing(env));
  }
}
