/**
 * Runs the worker exactly as it would be uploaded (the `wrangler deploy --dry-run` bundle and
 * the static assets beside it) in workerd through Miniflare, on 127.0.0.1, with a fresh local
 * KV store seeded from data/.
 * The benchmark and the browser tests use it; nothing here talks to Cloudflare.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import type { KVNamespace } from '../worker/kv';
import { writeRevision } from '../worker/write';
import { listDataFiles, readJson } from './data-files';

const CONFIG = unstable_readConfig({ config: 'wrangler.toml', env: '' });
/** The compatibility date of wrangler.toml: the worker runs here as it runs at Cloudflare. */
const COMPATIBILITY_DATE = CONFIG.compatibility_date!;
/**
 * The static assets as wrangler dev serves them: Miniflare's asset router puts a request whose
 * path is a file in the directory before the worker, and applies its `_headers` file itself.
 */
const ASSETS = {
  directory: resolve(CONFIG.assets!.directory!),
  routerConfig: { has_user_worker: true },
  assetConfig: { compatibility_date: COMPATIBILITY_DATE },
};

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
 * The deploy bundle (`wrangler deploy --dry-run`) in a new temporary directory; `entry` replaces
 * wrangler.toml's `main` (the fault-injecting worker of `npm run bench:faults`).
 */
export async function buildBundle(entry?: string): Promise<Bundle> {
  const work = await mkdtemp(join(tmpdir(), 'belarus-release-worker-'));
  // --env="": the top-level settings (local KV id and origin), not an environment's.
  const args = ['wrangler', 'deploy', ...(entry ? [entry] : []), '--env=', '--dry-run', '--outdir', join(work, 'dist')];
  execFileSync('npx', args, {
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  // wrangler names the script after the entry: dist/index.js, dist/faulty-worker.js.
  const script = `${basename(entry ?? 'index.ts').replace(/\.ts$/, '')}.js`;
  return { work, dist: join(work, 'dist'), script };
}

/** A built bundle: its temporary directory, the output folder in it, and the script's name. */
export interface Bundle {
  work: string;
  dist: string;
  script: string;
}

/**
 * One worker of `bundle`, with its static assets, its KV namespace and its Durable Objects (the
 * writers and the recent changes, hosted by the worker named `doHost`, this one unless said otherwise).
 */
export function bundleWorker({ dist, script }: Bundle, bindings: Record<string, string>, doHost?: string) {
  const host = doHost ? { scriptName: doHost } : {};
  return {
    modules: true,
    compatibilityDate: COMPATIBILITY_DATE,
    scriptPath: join(dist, script),
    modulesRoot: dist,
    assets: ASSETS,
    kvNamespaces: { RELEASES: 'releases' },
    durableObjects: {
      WRITER: { className: 'DocumentWriter', useSQLite: true, ...host },
      CHANGES: { className: 'RecentChanges', useSQLite: true, ...host },
    },
    bindings,
  };
}

/** A port nobody listens on now, so that the worker's public origin can be known before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `assets: false` leaves the static assets out: Miniflare's asset router, in front of the worker,
 * then no longer runs in the same workerd process on every request (locally it costs about a
 * millisecond of CPU per request; at Cloudflare the router is not the worker's), so a benchmark
 * of the worker measures the worker. `entry` bundles another entry than worker/index.ts (a
 * benchmark's variant of it).
 *
 * @example
 * const worker = await startLocalWorker({ ADMIN_TOKEN: 'secret' });
 * await fetch(`${worker.origin}/api/releases/latest`);
 * await worker.dispose();
 */
export async function startLocalWorker(
  bindings: Record<string, string> = {},
  { assets = true, entry }: { assets?: boolean; entry?: string } = {},
): Promise<LocalWorker> {
  const bundle = await buildBundle(entry);
  // Any free port: 8787 belongs to `npm start`, and test runs may overlap. The worker's public
  // origin is its own, so that its pages link to it.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { assets: served, ...worker } = bundleWorker(bundle, { PUBLIC_ORIGIN: origin, ...bindings });
  const mf = miniflare({ host: '127.0.0.1', port, ...worker, ...(assets ? { assets: served } : {}) });
  await mf.ready;
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
      await rm(bundle.work, { recursive: true, force: true });
    },
  };
}
