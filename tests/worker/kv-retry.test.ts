import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { retrying } from '../../worker/kv-retry';

/** Real KV whose next `failures` operations throw. */
function flaky(failures: number) {
  const state = { failures, calls: 0 };
  const fail = <T>(run: () => Promise<T>) => (
    ++state.calls,
    state.failures-- > 0 ? Promise.reject(new Error('KV 503')) : run()
  );
  const kv = {
    get: (key: string, type: 'text') => fail(() => env.RELEASES.get(key, type)),
    list: (options: KVNamespaceListOptions) => fail(() => env.RELEASES.list(options)),
    put: (key: string, value: string) => fail(() => env.RELEASES.put(key, value)),
  } as unknown as KVNamespace;
  return { kv, state };
}

describe('retrying KV', () => {
  it('tries a failing operation again until it succeeds', async () => {
    const { kv, state } = flaky(3);
    await retrying(kv, { pauseMs: 1 }).put('k', 'v');
    expect(state.calls).toBe(4);
    expect(await env.RELEASES.get('k', 'text')).toBe('v');
  });

  it('gives up after the last attempt with the error it got', async () => {
    const { kv, state } = flaky(10);
    await expect(retrying(kv, { attempts: 3, pauseMs: 1 }).get('k', 'text')).rejects.toThrow('KV 503');
    expect(state.calls).toBe(3);
  });
});
