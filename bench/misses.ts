/**
 * `npm run bench:misses`: what a worker run costs now that a load from KV also asks the Durable
 * Objects whether a change has not reached KV yet (worker/writer.ts, worker/recent-changes.ts),
 * against the same load trusting KV alone, side by side in the same workerd process.
 *
 * At Cloudflare the worker runs only on an edge-cache miss, and then (its isolate memory being
 * seconds old at most) mostly loads from KV: bench/miss-worker.ts keeps no isolate memory, so
 * every request here is such a run. Locally KV and the objects are in the same process, so this
 * measures the CPU and local latency of the asks, not the network round trip to the objects
 * that production adds (one per miss, to wherever they run).
 */
import { startLocalWorker } from '../cli/local-worker';
import { cpuPerRequest, findPid, median, pairedRounds, row, SETTINGS, TABLE_HEAD, workerdPids } from './measure';

const PATH = process.env.BENCH_PATH ?? '/api/releases/belarus-2025-12?lang=ru';

const before = new Set(workerdPids());
const local = await startLocalWorker({}, { assets: false, entry: 'bench/miss-worker.ts' });
try {
  const url = new URL(PATH, local.origin);
  const pid = findPid(before, 'miss-worker');
  const side = (reader: string, name: string) => ({ name, url, pid, headers: { 'X-Bench-Reader': reader } });
  const trusting = side('trusting', 'KV alone');
  const asking = side('asking', 'KV + the objects asked');
  for (const target of [trusting, asking]) {
    const response = await fetch(url, { headers: target.headers });
    if (response.status !== 200)
      throw new Error(`${target.name} answered ${response.status}: ${await response.text()}`);
  }
  const [kvAlone, asked] = await pairedRounds(trusting, asking);
  const ratios = asked.map((r, i) => r.requestsPerSecond / kvAlone[i]!.requestsPerSecond);
  const { CONNECTIONS, ROUNDS, SECONDS } = SETTINGS;
  console.log(
    `GET ${PATH}, every request a load from KV, ${CONNECTIONS} connections, ${ROUNDS} paired rounds of ${SECONDS} s`,
  );
  console.log(TABLE_HEAD);
  console.log(row(trusting.name, kvAlone));
  console.log(row(asking.name, asked));
  console.log(`per-round throughput ratios asked/alone: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  console.log(`median throughput ratio asked/alone: ${median(ratios).toFixed(2)}x`);
  console.log(
    `CPU per request: ${Math.round(cpuPerRequest(asked))} µs against ${Math.round(cpuPerRequest(kvAlone))} µs`,
  );
} finally {
  await local.dispose();
}
