/**
 * `npm run bench`: the real worker against a bare worker, side by side, in the same run.
 *
 * - real: the bundle `wrangler deploy --dry-run` produces (exactly what would be uploaded),
 *   run by Miniflare in workerd against a local KV store seeded from data/.
 * - bare: a worker that returns the same bytes as a constant (the real response's status line,
 *   headers and body, captured once), with no routing, cache or KV: the floor workerd sets.
 *
 * Both are loaded on 127.0.0.1 with autocannon in paired rounds (alternating which goes first).
 * This machine's throughput drifts by ±40% from second to second, so the ratio is taken within
 * each pair, where drift hits both alike, and its median over the rounds is the figure.
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { readJson } from '../cli/data-files';
import type { KVNamespace } from '../worker/env';
import { writeRevision } from '../worker/store';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PATH = '/api/releases/latest';
/** A third-party page asks, so CORS runs as it does in production. */
const HEADERS = { Origin: 'https://news.example' };

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const work = await mkdtemp(join(tmpdir(), 'belarus-release-bench-'));
try {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', join(work, 'dist')], {
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const real = new Miniflare({
    scriptPath: join(work, 'dist', 'index.js'),
    modulesRoot: join(work, 'dist'),
    modules: true,
    compatibilityDate: '2026-04-26',
    kvNamespaces: ['RELEASES'],
    kvPersist: join(work, 'kv'),
  });
  const seed = await readJson('data/releases/belarus-2025-12/en.json');
  // Miniflare types its KV binding with its own older copy of the Workers types; same object.
  const kv = (await real.getKVNamespace('RELEASES')) as unknown as KVNamespace;
  await writeRevision(kv, seed, { author: 'bench', message: 'bench seed' });
  const realUrl = new URL(PATH, await real.ready);
  const reference = await fetch(realUrl, { headers: HEADERS });
  const body = await reference.text();
  if (reference.status !== 200) throw new Error(`the real worker answered ${reference.status}: ${body}`);
  // Node's fetch asked for gzip and decoded it; the load generator asks for identity, as the
  // bare worker must answer too, so the transfer headers are not copied.
  const transfer = new Set(['content-length', 'content-encoding', 'transfer-encoding']);
  const headers = Object.fromEntries([...reference.headers].filter(([name]) => !transfer.has(name)));

  const bare = new Miniflare({
    modules: true,
    compatibilityDate: '2026-04-26',
    script: `const body = ${JSON.stringify(body)};
const headers = ${JSON.stringify(headers)};
export default { fetch: () => new Response(body, { headers }) };`,
  });
  const bareUrl = new URL(PATH, await bare.ready);

  const results: Record<'real' | 'bare', Round[]> = { real: [], bare: [] };
  await load(realUrl, 2); // warm both isolates and the JIT
  await load(bareUrl, 2);
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a machine the other just warmed.
    const order = round % 2 ? (['bare', 'real'] as const) : (['real', 'bare'] as const);
    for (const name of order) results[name].push(await load(name === 'bare' ? bareUrl : realUrl, SECONDS));
    const last = (name: 'bare' | 'real') => Math.round(results[name].at(-1)!.requestsPerSecond);
    console.error(`round ${round}/${ROUNDS}: bare ${last('bare')} req/s, real ${last('real')} req/s`);
  }
  await Promise.all([real.dispose(), bare.dispose()]);

  const real50 = medianRound(results.real);
  const bare50 = medianRound(results.bare);
  const range = (rounds: Round[]) => {
    const rates = rounds.map((r) => Math.round(r.requestsPerSecond));
    return `${Math.min(...rates)}-${Math.max(...rates)}`;
  };
  const row = (name: string, r: Round, rounds: Round[]) =>
    `| ${name} | ${Math.round(r.requestsPerSecond)} | ${range(rounds)} | ${r.p50} | ${r.p99} | ${r.errors} |`;
  console.log(
    `GET ${PATH}, ${body.length} bytes, ${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s`,
  );
  console.log('| worker | requests/s (median) | range | p50 ms | p99 ms | socket errors |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('bare: the same response as a constant', bare50, results.bare));
  console.log(row('real: the deploy bundle, KV-backed', real50, results.real));
  const ratios = results.real.map((r, i) => r.requestsPerSecond / results.bare[i]!.requestsPerSecond);
  console.log(`per-round ratios real/bare: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  console.log(`median ratio real/bare: ${median(ratios).toFixed(2)}x (target >= 0.90x)`);
} finally {
  await rm(work, { recursive: true, force: true });
}

async function load(url: URL, seconds: number): Promise<Round> {
  const result = await autocannon({ url: url.href, headers: HEADERS, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0) {
    throw new Error(`${url.href} answered with non-2xx statuses: ${JSON.stringify(result.statusCodeStats)}`);
  }
  const errors = result.errors + result.timeouts;
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/** The round with the median throughput (its latencies come with it). */
function medianRound(rounds: Round[]): Round {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
