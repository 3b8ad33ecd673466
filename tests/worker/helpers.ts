/** Shared set-up for worker tests: the seed document, a fresh app, and KV that misbehaves. */
import { env } from 'cloudflare:workers';
import seed from '../../data/releases/belarus-2025-12/en.json';
import belarusian from '../../data/releases/belarus-2025-12/be.json';
import russian from '../../data/releases/belarus-2025-12/ru.json';
import { createApp, type AppOptions } from '../../worker/app';
import type { ReleaseDocument } from '../../data/schema';
import { writeRevision } from '../../worker/write';

export const SEED_ID = 'belarus-2025-12';

/** A deep copy of the shipped English document, to edit freely in a test. */
export function seedDocument(): ReleaseDocument {
  return structuredClone(seed) as ReleaseDocument;
}

/** A deep copy of the shipped Belarusian translation (of English revision 1). */
export function belarusianDocument(): ReleaseDocument {
  return structuredClone(belarusian) as ReleaseDocument;
}

/** A deep copy of the shipped Russian translation (of English revision 1). */
export function russianDocument(): ReleaseDocument {
  return structuredClone(russian) as ReleaseDocument;
}

/** The admin token the worker tests configure (vitest.config.ts). */
export const ADMIN_TOKEN = 'test-admin-token';

/** An authenticated admin request: `body` is sent as JSON unless it is a string already. */
export function adminInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...headers },
  };
}

/** Writes `doc` as the next revision in the test's (isolated) KV. */
export function store(doc: unknown = seedDocument(), kv: KVNamespace = env.RELEASES) {
  return writeRevision(kv, doc, { author: 'test', message: 'test write' });
}

/** A fresh app (cold isolate cache) whose faults are collected instead of printed. */
export function freshApp(options: AppOptions = {}) {
  const faults: string[] = [];
  const app = createApp({ log: (message, detail) => faults.push(`${message} ${JSON.stringify(detail)}`), ...options });
  const request = (path: string, init?: RequestInit, bindings: Cloudflare.Env = env) =>
    app.request(path, init, bindings);
  return { app, request, faults };
}

/**
 * A KV binding that wraps the real one and can be switched to fail: throw, hang, or return
 * something that is not a stored document. Real KV cannot be made to fail on demand.
 */
export function faultyKv(real: KVNamespace = env.RELEASES) {
  const state: { mode: 'ok' | 'throw' | 'hang'; reads: number } = { mode: 'ok', reads: 0 };
  const misbehave = <T>(call: () => Promise<T>): Promise<T> => {
    state.reads++;
    if (state.mode === 'throw') return Promise.reject(new Error('KV GET failed: 503 Service Unavailable'));
    if (state.mode === 'hang') return new Promise<T>(() => {});
    return call();
  };
  const kv = {
    get: (key: string, type: 'text') => misbehave(() => real.get(key, type)),
    getWithMetadata: (key: string, type: 'arrayBuffer') => misbehave(() => real.getWithMetadata(key, type)),
    list: (options: KVNamespaceListOptions) => misbehave(() => real.list(options)),
    put: real.put.bind(real),
  } as unknown as KVNamespace;
  return { kv, state, env: { ...env, RELEASES: kv } };
}

/**
 * A stand-in for Workers Cache's purge API (it has no local simulation): records each call and
 * answers as told. Hand `ctx` to `app.request()` as the execution context.
 */
export function cloudflareCache(answer: () => Promise<CachePurgeResult> = async () => ({ success: true, errors: [] })) {
  const purges: CachePurgeOptions[] = [];
  const cache: CacheContext = {
    purge: async (options) => {
      purges.push(options);
      return answer();
    },
    invalidate: async () => ({ success: false, errors: [{ code: 0, message: 'not used' }] }),
  };
  const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {}, cache };
  return { purges, ctx };
}
