/**
 * What the side-by-side benchmarks share (`npm run bench`, `npm run bench:misses`): loading a
 * worker on 127.0.0.1 with autocannon, the CPU time its workerd process spent meanwhile (from
 * /proc, the figure other tenants of this machine move least), and paired rounds.
 */
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';

export interface Target {
  name: string;
  url: URL;
  /** The workerd process serving it, for CPU accounting. */
  pid: number;
  /** Request headers that pick or shape what is measured. */
  headers: Record<string, string>;
}

export interface Round {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  socketErrors: number;
}

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** The settings of a run, as its report states them. */
export const SETTINGS = { CONNECTIONS, ROUNDS, SECONDS };

/**
 * Warms both targets, then loads them in `ROUNDS` paired rounds, alternating which goes first
 * so that neither always runs on a machine the other just warmed.
 */
export async function pairedRounds(baseline: Target, measured: Target): Promise<[Round[], Round[]]> {
  await load(baseline, 2);
  await load(measured, 2);
  const results: [Round[], Round[]] = [[], []];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const side of round % 2 ? [0, 1] : [1, 0])
      results[side]!.push(await load(side ? measured : baseline, SECONDS));
    const last = (side: 0 | 1) => Math.round(results[side].at(-1)!.requestsPerSecond);
    console.error(`round ${round}/${ROUNDS}: ${baseline.name} ${last(0)} req/s, ${measured.name} ${last(1)} req/s`);
  }
  return results;
}

/** The report's table row of one side. */
export function row(name: string, rounds: Round[]): string {
  const rates = rounds.map((r) => Math.round(r.requestsPerSecond));
  const mid = medianRound(rounds);
  const cells = [
    Math.round(median(rates)),
    `${Math.min(...rates)}-${Math.max(...rates)}`,
    Math.round(cpuPerRequest(rounds)),
  ];
  return `| ${name} | ${[...cells, mid.p50, mid.p99, mid.socketErrors].join(' | ')} |`;
}

/** The median CPU time per request of a side's rounds, in µs. */
export const cpuPerRequest = (rounds: Round[]) => median(rounds.map((r) => r.cpuMicrosPerRequest));

export const TABLE_HEAD = [
  '| worker | req/s (median) | req/s range | CPU µs/req | p50 ms | p99 ms | socket errors |',
  '|---|---|---|---|---|---|---|',
].join('\n');

async function load(target: Target, seconds: number): Promise<Round> {
  const cpuBefore = cpuMicros(target.pid);
  const result = await autocannon({
    url: target.url.href,
    headers: target.headers,
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

export function findPid(before: Set<number>, name: string): number {
  const pid = workerdPids().find((p) => !before.has(p));
  if (pid === undefined) throw new Error(`cannot find the workerd process of "${name}"`);
  return pid;
}

/** workerd processes started by this process (Miniflare spawns one per instance). */
export function workerdPids(): number[] {
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

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
