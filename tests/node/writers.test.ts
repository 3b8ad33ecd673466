/**
 * Writes are serialised by the Durable Object, not by any isolate: two workers from the deploy
 * bundle, each in its own isolate, share one KV namespace and one writers' namespace, and
 * editors race through both. From each base revision exactly one write wins; the rest get 412,
 * and the history stays contiguous.
 */
import { rm } from 'node:fs/promises';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, bundleWorker, miniflare } from '../../cli/local-worker';
import { readJson } from '../../cli/data-files';
import type { KVNamespace } from '../../worker/kv';
import { listRevisions } from '../../worker/store';
import { writeRevision } from '../../worker/write';

const TOKEN = 'writers-test-token';
const ID = 'belarus-2025-12';
const URL_EN = `http://writers.test/api/releases/${ID}?lang=en`;
let mf: Miniflare;
let work: string;
let kv: KVNamespace;

beforeAll(async () => {
  const bundle = await buildBundle();
  work = bundle.work;
  const bindings = { ADMIN_TOKEN: TOKEN, PUBLIC_ORIGIN: 'http://writers.test' };
  mf = miniflare({
    workers: [
      { name: 'a', ...bundleWorker(bundle, bindings) },
      { name: 'b', ...bundleWorker(bundle, bindings, 'a') },
    ],
  });
  await mf.ready;
  kv = (await mf.getKVNamespace('RELEASES', 'a')) as unknown as KVNamespace;
  await writeRevision(kv, await readJson(`data/releases/${ID}/en.json`), { author: 'seed', message: 'seed' });
});
afterAll(async () => {
  await mf?.dispose();
  await rm(work, { recursive: true, force: true });
});

describe('concurrent writers through separate worker instances', () => {
  it('give exactly one winner per base revision', async () => {
    const workers = [await mf.getWorker('a'), await mf.getWorker('b')];
    const document = (await readJson(`data/releases/${ID}/en.json`)) as Record<string, unknown>;
    for (let base = 1; base <= 3; base++) {
      // The admin API's ETag of the base: a reader's isolate cache may still hold the one before.
      const revision = await workers[base % 2]!.fetch(`http://writers.test/api/releases/${ID}/revisions/${base}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const etag = revision.headers.get('ETag')!;
      expect(etag).toMatch(new RegExp(`^"r${base}-`));
      const attempts = Array.from({ length: 8 }, (_, i) =>
        workers[i % 2]!.fetch(URL_EN, {
          method: 'PUT',
          body: JSON.stringify({ ...document, headline: `Writer ${i} from revision ${base}` }),
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'If-Match': etag },
        }),
      );
      const statuses = (await Promise.all(attempts)).map((response) => response.status);
      expect(
        statuses.filter((s) => s === 200),
        `base ${base}: ${statuses}`,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(statuses.length - 1);
    }
    const history = await listRevisions(kv, ID, 'en');
    expect(history.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
  });
});
