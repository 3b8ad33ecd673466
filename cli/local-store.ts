/**
 * The local KV store that `npm start` serves (`.wrangler/state/v3`), opened straight through
 * Miniflare with nothing but the RELEASES namespace. wrangler's getPlatformProxy opens the same
 * files, but importing wrangler alone takes one to three seconds, and it reads .dev.vars and says
 * so on every command; this takes about half a second and says nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KVNamespace } from '../worker/kv';

/** The local KV namespace, and how to close it. */
export interface LocalKv {
  kv: KVNamespace;
  dispose(): Promise<void>;
}

/** What the store needs from wrangler.toml: the worker's name, date and KV namespace id. */
interface WranglerSettings {
  name: string;
  compatibilityDate: string;
  namespaceId: string;
  /** Where `wrangler dev` listens ([dev] ip and port). */
  devOrigin: string;
}

/**
 * wrangler.toml's few settings the store needs, read with patterns: a TOML parser (or wrangler's
 * own reader) would cost more to load than the whole command should take.
 */
export function wranglerSettings(path = fileURLToPath(new URL('../wrangler.toml', import.meta.url))): WranglerSettings {
  const toml = readFileSync(path, 'utf8');
  const setting = (pattern: RegExp, fallback: string) => pattern.exec(toml)?.[1] ?? fallback;
  const kvBlock = /\[\[kv_namespaces\]\][^[]*binding\s*=\s*"RELEASES"[^[]*/.exec(toml)?.[0] ?? '';
  return {
    name: setting(/^name\s*=\s*"([^"]+)"/m, 'belarus-release'),
    compatibilityDate: setting(/^compatibility_date\s*=\s*"([^"]+)"/m, '2026-01-01'),
    namespaceId: /^id\s*=\s*"([^"]+)"/m.exec(kvBlock)?.[1] ?? '00000000000000000000000000000000',
    devOrigin: `http://${setting(/^ip\s*=\s*"([^"]+)"/m, '127.0.0.1')}:${setting(/^port\s*=\s*(\d+)/m, '8787')}`,
  };
}

/**
 * Opens the KV namespace persisted under `persistTo`, as `wrangler dev` and getPlatformProxy lay
 * it out (Miniflare's resource persistence path).
 *
 * @example
 * const { kv, dispose } = await openLocalKv('.wrangler/state/v3');
 */
export async function openLocalKv(persistTo: string): Promise<LocalKv> {
  const { Miniflare, convertV4MiniflareOptions } = await import('miniflare');
  const settings = wranglerSettings();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: settings.name,
      modules: true,
      // The store needs no worker code: this one answers nothing.
      script: 'export default { fetch() { return new Response(null, { status: 404 }); } };',
      compatibilityDate: settings.compatibilityDate,
      kvNamespaces: { RELEASES: { id: settings.namespaceId } },
      resourcePersistencePath: resolve(persistTo),
    }),
  );
  // Miniflare types its KV binding with its own copy of the Workers types; same object.
  const kv = (await mf.getKVNamespace('RELEASES')) as unknown as KVNamespace;
  return { kv, dispose: () => mf.dispose() };
}
