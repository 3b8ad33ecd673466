/**
 * A small cache in isolate memory that keeps serving the last good value when its source fails.
 * It is what lets the hot path skip KV entirely, and what stands between a KV fault and a reader.
 */

export interface IsolateCacheOptions {
  /** How long a loaded value is served without asking the source again. */
  ttlMs: number;
  /** How long a load may take before it counts as a failure. */
  timeoutMs: number;
  now?: () => number;
}

export interface Cached<T> {
  value: T;
  /** The source failed and this is the last good value, kept past its freshness. */
  stale: boolean;
}

interface Entry<T> extends Cached<T> {
  freshUntil: number;
}

/**
 * @example
 * const cache = new IsolateCache<string | null>({ ttlMs: 5_000, timeoutMs: 1_000 });
 * const { value, stale } = await cache.get('key', () => kv.get('key'));
 */
export class IsolateCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #options: Required<IsolateCacheOptions>;

  constructor(options: IsolateCacheOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /**
   * The fresh value for `key`, loading it when there is none. Concurrent misses do not share
   * one load: in Workers a promise must not be awaited across requests, since the request that
   * started the I/O may be cancelled and leave the others hung (the runtime then answers 500).
   * When the load fails and a previous value exists, that value is returned as stale and kept
   * for another `ttlMs`, so a failing source is retried once per interval, not per request.
   * With no previous value the failure is thrown.
   */
  async get(key: string, load: () => Promise<T>): Promise<Cached<T>> {
    const entry = this.#entries.get(key);
    if (entry && entry.freshUntil > this.#options.now()) return entry;
    return this.#refresh(key, load, entry);
  }

  /**
   * Makes `key` due, so the next `get` loads it: after a write this isolate made itself. The
   * value stays as the fallback, should that load fail.
   */
  expire(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) entry.freshUntil = 0;
  }

  async #refresh(key: string, load: () => Promise<T>, previous: Entry<T> | undefined): Promise<Cached<T>> {
    const freshUntil = this.#options.now() + this.#options.ttlMs;
    try {
      const value = await withTimeout(load(), this.#options.timeoutMs);
      const fresh = { value, stale: false, freshUntil };
      this.#entries.set(key, fresh);
      return fresh;
    } catch (error: unknown) {
      if (!previous) throw error;
      const stale = { value: previous.value, stale: true, freshUntil };
      this.#entries.set(key, stale);
      return stale;
    }
  }
}

/** Thrown when a source does not answer within the configured time. */
export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** `promise`, or a {@link TimeoutError} after `ms`; the timer is cleared either way. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== null) clearTimeout(timer);
  });
}
