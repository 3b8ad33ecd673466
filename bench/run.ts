/**
 * `npm run bench`: the real worker against a bare worker, side by side, in the same run.
 *
 * - real: the bundle `wrangler deploy --dry-run` produces (exactly what would be uploaded),
 *   run by Miniflare in workerd against a local KV store seeded from data/.
 * - bare: a worker that returns the same bytes as a constant (the real response's status line,
 *   headers and body, captured once), with no routing, cache or KV: the floor workerd sets.
 *
 * Both are loaded on 127.0.0.1 with autocannon in paired rounds (alternating which goes first).
 * This machine's throughput drifts by ±40% from second to second, so two figures are reported:
 * requests/s (median of each side, and the median of the per-round ratios, where drift hits both
 * alike), and CPU time per request of each workerd process, which other tenants barely move.
 */
import type { Miniflare } from 'miniflare';
import { miniflare, startLocalWorker } from '../cli/local-worker';
import {
  cpuPerRequest,
  findPid,
  median,
  pairedRounds,
  row,
  SETTINGS,
  TABLE_HEAD,
  workerdPids,
  type Round,
  type Target,
} from './measure';

const PATH = process.env.BENCH_PATH ?? '/api/releases/latest';
/** A third-party page asks, so CORS runs as it does in production. */
const HEADERS = { Origin: 'https://news.example' };

const instances: Miniflare[] = [];
const before = new Set(workerdPids());
// The worker alone: at Cloudflare, static assets and their router are not the worker's CPU.
const local = await startLocalWorker({}, { assets: false });
try {
  const real: Target = {
    name: 'real: the deploy bundle, KV-backed',
    url: new URL(PATH, local.origin),
    pid: findPid(before, 'real'),
    headers: HEADERS,
  };
  const reference = await fetch(real.url, { headers: HEADERS });
  const body = await reference.text();
  if (reference.status !== 200) throw new Error(`the real worker answered ${reference.status}: ${body}`);
  // Node's fetch asked for gzip and decoded it; the load generator asks for identity, as the
  // bare worker must answer too, so the transfer headers are not copied.
  const transfer = new Set(['content-length', 'content-encoding', 'transfer-encoding']);
  const headers = Object.fromEntries([...reference.headers].filter(([name]) => !transfer.has(name)));
  const bare = await start('bare: the same response as a constant', {
    script: `const body = ${JSON.stringify(body)};
const headers = ${JSON.stringify(headers)};
export default { fetch: () => new Response(body, { headers }) };`,
  });
  const [bareRounds, realRounds] = await pairedRounds(bare, real);
  report(body.length, bareRounds, realRounds, [bare.name, real.name]);
} finally {
  await Promise.all([local.dispose(), ...instances.map((mf) => mf.dispose())]);
}

async function start(name: string, options: Parameters<typeof miniflare>[0]): Promise<Target> {
  const before = new Set(workerdPids());
  const mf = miniflare(options);
  instances.push(mf);
  const url = new URL(PATH, await mf.ready);
  return { name, url, pid: findPid(before, name), headers: HEADERS };
}

function report(bytes: number, bare: Round[], real: Round[], names: [string, string]): void {
  const ratios = real.map((r, i) => r.requestsPerSecond / bare[i]!.requestsPerSecond);
  const { CONNECTIONS, ROUNDS, SECONDS } = SETTINGS;
  console.log(`GET ${PATH}, ${bytes} bytes, ${CONNECTIONS} connections, ${ROUNDS} paired rounds of ${SECONDS} s`);
  console.log(TABLE_HEAD);
  console.log(row(names[0], bare));
  console.log(row(names[1], real));
  console.log(`per-round throughput ratios real/bare: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  console.log(`median throughput ratio real/bare: ${median(ratios).toFixed(2)}x (target >= 0.90x)`);
  console.log(`CPU-bound throughput ratio real/bare: ${(cpuPerRequest(bare) / cpuPerRequest(real)).toFixed(2)}x`);
}
