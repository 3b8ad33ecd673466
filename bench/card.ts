/**
 * `npm run bench:card`: what drawing link-preview cards (cli/card.ts) costs the CLI: the first
 * card of a process (loading satori, resvg and the fonts, then drawing), every later one, per
 * language, with the PNG's size; and what `npm start`'s seed spends on the six cards of a fresh
 * store (drawn and stored through the local store, as cli/seed.ts does). Prints Markdown
 * tables for bench/README.md. Nothing here talks to anything but local files.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCard } from '../cli/card';
import { listDataFiles } from '../cli/data-files';
import { localTarget } from '../cli/targets';
import type { ReleaseDocument } from '../data/schema';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const files = await listDataFiles();
const documents = await Promise.all(
  files.map(async (f) => JSON.parse(await readFile(f.path, 'utf8')) as ReleaseDocument & { $schema?: string }),
);
const ms = (start: number) => performance.now() - start;
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

// The first card of a process: what a push pays once.
let start = performance.now();
await renderCard(documents[0]!);
const cold = ms(start);

const rows: string[] = [];
for (const doc of documents) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    start = performance.now();
    bytes = (await renderCard(doc)).byteLength;
    times.push(ms(start));
  }
  const sorted = [...times].sort((a, b) => a - b);
  rows.push(
    `| ${doc.lang} | ${median(times).toFixed(0)} | ${sorted[0]!.toFixed(0)}-${sorted.at(-1)!.toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`,
  );
}

// The seed's share: six revisions and their cards into a fresh local store.
const work = await mkdtemp(join(tmpdir(), 'belarus-release-bench-card-'));
try {
  const target = await localTarget(join(work, 'store'));
  let writes = 0;
  let cards = 0;
  for (const { $schema: _editorOnly, ...doc } of documents) {
    start = performance.now();
    const { revision } = await target.write(doc, { author: 'bench', message: 'seed', basedOn: null, force: false });
    writes += ms(start);
    start = performance.now();
    await target.card(doc.id, doc.lang, revision, await renderCard(doc));
    cards += ms(start);
  }
  await target.close();
  console.log(`first card of a process (load satori, resvg, fonts; draw): ${cold.toFixed(0)} ms`);
  console.log(['', '| lang | median ms | range ms | PNG KB |', '| --- | --- | --- | --- |', ...rows].join('\n'));
  console.log(
    `\nseed of ${documents.length} documents into a fresh store: revisions ${writes.toFixed(0)} ms, cards (draw + store) ${cards.toFixed(0)} ms`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
