import { describe, expect, it } from 'vitest';
import { IsolateCache, TimeoutError } from '../../worker/cache';

function clock() {
  const time = { now: 1_000 };
  return { time, now: () => time.now };
}

describe('IsolateCache', () => {
  it('serves a loaded value until it expires, then loads again', async () => {
    const { time, now } = clock();
    const cache = new IsolateCache<number>({ ttlMs: 100, timeoutMs: 50, now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toMatchObject({ value: 1, stale: false });
    time.now += 99;
    expect(await cache.get('k', load)).toMatchObject({ value: 1, stale: false });
    time.now += 1;
    expect(await cache.get('k', load)).toMatchObject({ value: 2, stale: false });
  });

  it('never shares one in-flight load between callers (a cancelled request must not hang others)', async () => {
    const cache = new IsolateCache<string>({ ttlMs: 100, timeoutMs: 50 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(loads).toBe(2);
  });

  it('keeps serving the last good value, marked stale, while the source fails', async () => {
    const { time, now } = clock();
    const cache = new IsolateCache<string>({ ttlMs: 100, timeoutMs: 50, now });
    await cache.get('k', async () => 'good');
    time.now += 100;
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error('KV down');
    };
    expect(await cache.get('k', failing)).toEqual(expect.objectContaining({ value: 'good', stale: true }));
    // Retried once per ttl, not on every request.
    expect(await cache.get('k', failing)).toEqual(expect.objectContaining({ value: 'good', stale: true }));
    expect(attempts).toBe(1);
    time.now += 100;
    expect(await cache.get('k', async () => 'new')).toMatchObject({ value: 'new', stale: false });
  });

  it('loads an expired key again, and keeps its value as the fallback should that fail', async () => {
    const cache = new IsolateCache<string>({ ttlMs: 10_000, timeoutMs: 50 });
    await cache.get('k', async () => 'before the write');
    cache.expire('k');
    expect(await cache.get('k', async () => 'after the write')).toMatchObject({ value: 'after the write' });
    cache.expire('k');
    const failing = () => Promise.reject(new Error('KV down'));
    expect(await cache.get('k', failing)).toMatchObject({ value: 'after the write', stale: true });
  });

  it('rethrows when there is no previous value to fall back on', async () => {
    const cache = new IsolateCache<string>({ ttlMs: 100, timeoutMs: 50 });
    await expect(cache.get('k', () => Promise.reject(new Error('KV down')))).rejects.toThrow('KV down');
  });

  it('gives up on a source that does not answer in time', async () => {
    const cache = new IsolateCache<string>({ ttlMs: 100, timeoutMs: 10 });
    await expect(cache.get('k', () => new Promise<string>(() => {}))).rejects.toBeInstanceOf(TimeoutError);
  });
});
