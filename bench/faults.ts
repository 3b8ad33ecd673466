/**
 * `npm run bench:faults`: readers under load while KV fails and an editor writes.
 *
 * The deploy bundle, built from bench/faulty-worker.ts (worker/index.ts with KV reads failing at
 * BENCH_KV_FAILURE_RATE, in the readers' path and the writers' Durable Object alike), runs in
 * workerd through Miniflare on 127.0.0.1. Readers hit six public URLs at BENCH_CONNECTIONS
 * connections for BENCH_SECONDS; an editor PUTs a new English revision through the admin API
 * every second. Passes when readers got no non-2xx answer, every write was applied (200) or
 * refused with a 4xx, and the history is contiguous with one revision per applied write.
 */
import autocannon from 'autocannon';
import { rm } from 'node:fs/promises';
import { buildBundle, bundleWorker, freePort, miniflare } from '../cli/local-worker';
import { listDataFiles, readJson } from '../cli/data-files';
import type { KVNamespace } from '../worker/kv';
import { listRevisions } from '../worker/store';
import { writeRevision } from '../worker/write';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE = Number(process.env.BENCH_KV_FAILURE_RATE ?? 0.2);
const TOKEN = 'bench-faults-token';
const ID = 'belarus-2025-12';

const bundle = await buildBundle('bench/faulty-worker.ts');
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const READS = [
  '/api/releases/latest',
  `/api/releases/${ID}?lang=be`,
  '/api/releases?lang=ru',
  `/releases/${ID}?lang=uk`,
  `/embed/${ID}`,
  `/oembed?url=${encodeURIComponent(`${origin}/releases/${ID}`)}`,
];
const bindings = { ADMIN_TOKEN: TOKEN, PUBLIC_ORIGIN: origin, KV_READ_FAILURE_RATE: String(RATE) };
const mf = miniflare({ port, ...bundleWorker(bundle, bindings) });
try {
  await mf.ready;
  // Seeded straight into KV (no faults): English first, then the translations of its revision 1.
  const kv = (await mf.getKVNamespace('RELEASES')) as unknown as KVNamespace;
  for (const file of await listDataFiles()) {
    await writeRevision(kv, await readJson(file.path), { author: 'seed', message: `Seeded from ${file.path}` });
  }
  const fallbacks = new Map<string, number>();
  const onResponse = (_status: number, _body: string, _context: object, headers?: Record<string, unknown>) => {
    const fallback = headers?.['x-data-fallback'] ?? headers?.['X-Data-Fallback'];
    if (typeof fallback === 'string') fallbacks.set(fallback, (fallbacks.get(fallback) ?? 0) + 1);
  };
  const readers = autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { Origin: 'https://news.example' },
    requests: READS.map((path) => ({ method: 'GET' as const, path, onResponse })),
  });
  const editor = edit(Date.now() + SECONDS * 1000);
  const [reads, writes] = await Promise.all([readers, editor]);
  const history = await listRevisions(kv, ID, 'en');
  const numbers = history.map((r) => r.revision);
  const contiguous = numbers.every((n, i) => n === i + 1);
  const applied = writes.filter((s) => s === 200).length;
  const statuses = countBy(writes);
  const ok = reads.non2xx === 0 && reads.errors === 0 && writes.every((s) => s === 200 || (s >= 400 && s < 500));
  const pass = ok && contiguous && numbers.length === 1 + applied;

  console.log(`${SECONDS} s, ${CONNECTIONS} connections, KV reads failing at ${RATE * 100}%, one write a second`);
  console.log('| readers | requests | req/s | p50 ms | p99 ms | non-2xx | socket errors | served from a fallback |');
  console.log('|---|---|---|---|---|---|---|---|');
  const served = [...fallbacks].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
  console.log(
    `| ${READS.length} URLs | ${reads.requests.total} | ${Math.round(reads.requests.average)} | ${reads.latency.p50} | ${reads.latency.p99} | ${reads.non2xx} | ${reads.errors + reads.timeouts} | ${served} |`,
  );
  console.log(`writes: ${writes.length} attempted, statuses ${JSON.stringify(statuses)}`);
  console.log(`history: revisions 1..${numbers.at(-1)}, ${contiguous ? 'contiguous' : `NOT contiguous: ${numbers}`}`);
  console.log(pass ? 'PASS' : 'FAIL');
  process.exitCode = pass ? 0 : 1;
} finally {
  await mf.dispose();
  await rm(bundle.work, { recursive: true, force: true });
}

/** One PUT a second until `until`, each based on the ETag the last one returned; the statuses. */
async function edit(until: number): Promise<number[]> {
  const document = (await readJson(`data/releases/${ID}/en.json`)) as Record<string, unknown>;
  const auth = { Authorization: `Bearer ${TOKEN}` };
  // The ETag of revision n, from the admin API (a reader's copy may be a fallback).
  const etagOf = async (n: number) =>
    (await fetch(`${origin}/api/releases/${ID}/revisions/${n}?lang=en`, { headers: auth })).headers.get('ETag') ?? '';
  let etag = await etagOf(1);
  const statuses: number[] = [];
  for (let i = 1; Date.now() < until - 1000; i++) {
    const started = Date.now();
    const response = await fetch(`${origin}/api/releases/${ID}?lang=en`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': etag, 'X-Revision-Message': `edit ${i}` },
      body: JSON.stringify({ ...document, headline: `Belarus frees 123 political prisoners (edit ${i})` }),
    }).catch(() => undefined);
    statuses.push(response?.status ?? 0);
    if (response?.ok) etag = response.headers.get('ETag')!;
    else if (response?.status === 412) {
      const { currentRevision } = (await response.json()) as { currentRevision: number };
      etag = await etagOf(currentRevision);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
  }
  return statuses;
}

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
