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
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import type { Miniflare } from 'miniflare';
import { miniflare, startLocalWorker } from '../cli/local-worker';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PATH = process.env.BENCH_PATH ?? '/api/releases/latest';
/** A third-party page asks, so CORS runs as it does in production. */
const HEADERS = { Origin: 'https://news.example' };

interface Target {
  name: string;
  url: URL;
  /** The workerd process serving it, for CPU accounting. */
  pid: number;
}

interface Round {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  socketErrors: number;
}

const instances: Miniflare[] = [];
const before = new Set(workerdPids());
// The worker alone: at Cloudflare, static assets and their router are not the worker's CPU.
const local = await startLocalWorker({}, { assets: false });
try {
  const real: Target = {
    name: 'real: the deploy bundle, KV-backed',
    url: new URL(PATH, local.origin),
    pid: findPid(before, 'real'),
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

  await load(real, 2); // warm both isolates and the JIT
  await load(bare, 2);
  const results = new Map<Target, Round[]>([
    [bare, []],
    [real, []],
  ]);
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a machine the other just warmed.
    for (const target of round % 2 ? [bare, real] : [real, bare])
      results.get(target)!.push(await load(target, SECONDS));
    const last = (t: Target) => Math.round(results.get(t)!.at(-1)!.requestsPerSecond);
    console.error(`round ${round}/${ROUNDS}: bare ${last(bare)} req/s, real ${last(real)} req/s`);
  }
  report(body.length, results.get(bare)!, results.get(real)!, [bare.name, real.name]);
} finally {
  await Promise.all([local.dispose(), ...instances.map((mf) => mf.dispose())]);
}

async function start(name: string, options: Parameters<typeof miniflare>[0]): Promise<Target> {
  const before = new Set(workerdPids());
  const mf = miniflare(options);
  instances.push(mf);
  const url = new URL(PATH, await mf.ready);
  return { name, url, pid: findPid(before, name) };
}

function findPid(before: Set<number>, name: string): number {
  const pid = workerdPids().find((p) => !before.has(p));
  if (pid === undefined) throw new Error(`cannot find the workerd process of "${name}"`);
  return pid;
}

async function load(target: Target, seconds: number): Promise<Round> {
  const cpuBefore = cpuMicros(target.pid);
  const result = await autocannon({
    url: target.url.href,
    headers: HEADERS,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = cpuMicros(target.pid) - cpuBefore;
  if (result.non2xx > 0) {
    throw new Error(`${target.name} answered with non-2xx statuses: ${JSON.stringify(result.statusCodeStats)}`);
  }
  return {
    requestsPerSecond: result.requests.average,
    cpuMicrosPerRequest: cpu / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    socketErrors: result.errors + result.timeouts,
  };
}

function report(bytes: number, bare: Round[], real: Round[], names: [string, string]): void {
  const ratios = real.map((r, i) => r.requestsPerSecond / bare[i]!.requestsPerSecond);
  const cpu = (rounds: Round[]) => median(rounds.map((r) => r.cpuMicrosPerRequest));
  const row = (name: string, rounds: Round[]) => {
    const rates = rounds.map((r) => Math.round(r.requestsPerSecond));
    const mid = medianRound(rounds);
    const cells = [Math.round(median(rates)), `${Math.min(...rates)}-${Math.max(...rates)}`, Math.round(cpu(rounds))];
    return `| ${name} | ${[...cells, mid.p50, mid.p99, mid.socketErrors].join(' | ')} |`;
  };
  console.log(`GET ${PATH}, ${bytes} bytes, ${CONNECTIONS} connections, ${ROUNDS} paired rounds of ${SECONDS} s`);
  console.log('| worker | req/s (median) | req/s range | CPU µs/req | p50 ms | p99 ms | socket errors |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row(names[0], bare));
  console.log(row(names[1], real));
  console.log(`per-round throughput ratios real/bare: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  console.log(`median throughput ratio real/bare: ${median(ratios).toFixed(2)}x (target >= 0.90x)`);
  console.log(`CPU-bound throughput ratio real/bare: ${(cpu(bare) / cpu(real)).toFixed(2)}x`);
}

/** workerd processes started by this process (Miniflare spawns one per instance). */
function workerdPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = procStat(pid);
        return stat.comm === 'workerd' && stat.ppid === process.pid;
      } catch {
        return false; // the process ended while we looked
      }
    });
}

/** User + system CPU time of a process, in microseconds (from /proc, in clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const { utime, stime } = procStat(pid);
  return (utime + stime) * 10_000;
}

function procStat(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after "(comm)": state ppid ... utime is field 14 and stime 15 of the whole line.
  return { comm, ppid: Number(fields[1]), utime: Number(fields[11]), stime: Number(fields[12]) };
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
