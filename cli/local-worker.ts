/**
 * Runs the worker exactly as it would be uploaded (the `wrangler deploy --dry-run` bundle) in
 * workerd through Miniflare, on 127.0.0.1, with a fresh local KV store seeded from data/.
 * The benchmark and the browser tests use it; nothing here talks to Cloudflare.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import type { KVNamespace } from '../worker/kv';
import { writeRevision } from '../worker/store';
import { listDataFiles, readJson } from './data-files';

/** The compatibility date of wrangler.toml: the worker runs here as it runs at Cloudflare. */
const COMPATIBILITY_DATE = unstable_readConfig({ config: 'wrangler.toml' }).compatibility_date!;

/**
 * A Miniflare instance from options in Miniflare 4's flat shape, which Miniflare 5 still
 * accepts through its converter.
 */
export function miniflare(options: Parameters<typeof convertV4MiniflareOptions>[0]): Miniflare {
  return new Miniflare(convertV4MiniflareOptions({ modules: true, compatibilityDate: COMPATIBILITY_DATE, ...options }));
}

export interface LocalWorker {
  mf: Miniflare;
  /** The worker's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  kv: KVNamespace;
  dispose: () => Promise<void>;
}

/**
 * @example
 * const worker = await startLocalWorker({ ADMIN_TOKEN: 'secret' });
 * await fetch(`${worker.origin}/api/releases/latest`);
 * await worker.dispose();
 */
export async function startLocalWorker(bindings: Record<string, string> = {}): Promise<LocalWorker> {
  const work = await mkdtemp(join(tmpdir(), 'belarus-release-worker-'));
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', join(work, 'dist')], {
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  const mf = miniflare({
    // Any free port: 8787 belongs to `npm start`, and test runs may overlap.
    port: 0,
    scriptPath: join(work, 'dist', 'index.js'),
    modulesRoot: join(work, 'dist'),
    kvNamespaces: ['RELEASES'],
    kvPersist: join(work, 'kv'),
    bindings,
  });
  const origin = (await mf.ready).origin;
  // Miniflare types its KV binding with its own older copy of the Workers types; same object.
  const kv = (await mf.getKVNamespace('RELEASES')) as unknown as KVNamespace;
  for (const file of await listDataFiles()) {
    await writeRevision(kv, await readJson(file.path), { author: 'local', message: `Seeded from ${file.path}` });
  }
  return {
    mf,
    origin,
    kv,
    dispose: async () => {
      await mf.dispose();
      await rm(work, { recursive: true, force: true });
    },
  };
}
