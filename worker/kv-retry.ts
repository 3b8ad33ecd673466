/**
 * KV for writers and editors: each operation tried again, after a short pause, when it fails.
 * Workers KV answers an occasional read or write with an error (a 5xx from its backend, a
 * timeout); for a reader the isolate cache and the bundled copy cover that, but an editor's
 * write would fail, so the write path and the admin API's history retry instead. Every
 * operation retried here is idempotent: a `put` of the same value under the same key, a `get`,
 * a `list`, a `delete`.
 */
import type { KVNamespace } from './kv';

export interface RetryOptions {
  /** Attempts per operation, the first included. */
  attempts?: number;
  /** Pause before the second attempt; doubled before each later one. */
  pauseMs?: number;
}

/**
 * `kv` with `get`, `list`, `put` and `delete` retried; what the last attempt throws is thrown.
 *
 * @example
 * const kv = retrying(env.RELEASES);
 * await kv.put(key, value); // up to 4 attempts over about 70 ms
 */
export function retrying(kv: KVNamespace, { attempts = 4, pauseMs = 10 }: RetryOptions = {}): KVNamespace {
  const retry = async <T>(operation: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error: unknown) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, pauseMs * 2 ** (attempt - 1)));
      }
    }
  };
  const wrapped: Pick<KVNamespace, 'get' | 'list' | 'put' | 'delete'> = {
    get: ((key: string, type: 'text') => retry(() => kv.get(key, type))) as KVNamespace['get'],
    list: ((options) => retry(() => kv.list(options))) as KVNamespace['list'],
    put: (key, value, options) => retry(() => kv.put(key, value, options)),
    delete: (key) => retry(() => kv.delete(key)),
  };
  return wrapped as KVNamespace;
}
