/**
 * Crash safety, by fault injection: a write is stopped at its k-th operation (that operation
 * and every one after it fail, as when the isolate dies or KV goes away), for every k. After
 * each crash the store's invariants hold, and the next write succeeds and repairs what the
 * crash left. Run for the Durable Object's way of writing (an authoritative counter, whose
 * update counts as an operation too) and for the CLI's local mode (the history as the counter).
 */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { KV_METADATA_LIMIT, kvMetadataBytes } from '../../worker/metadata';
import { readCurrent, readLatest, readRevision } from '../../worker/store';
import { rollback, writeRevision, type RevisionCounter } from '../../worker/write';
import { SEED_ID, russianDocument, seedDocument } from './helpers';

/** Operations of KV and of the counter, numbered; from the `crashAt`-th on, each one throws. */
function crashable(real: KVNamespace = env.RELEASES) {
  const state = { ops: 0, crashAt: Infinity, revision: undefined as number | undefined };
  const step = <T>(run: () => Promise<T>): Promise<T> =>
    ++state.ops >= state.crashAt ? Promise.reject(new Error(`crash at operation ${state.ops}`)) : run();
  const kv = {
    get: (key: string, type: 'text') => step(() => real.get(key, type)),
    list: (options: KVNamespaceListOptions) => step(() => real.list(options)),
    put: (key: string, value: string, options?: KVNamespacePutOptions) => step(() => real.put(key, value, options)),
  } as unknown as KVNamespace;
  const counter: RevisionCounter = {
    read: () => step(async () => state.revision),
    record: (revision) => step(async () => void (state.revision = revision)),
  };
  return { kv, counter, state };
}

/** History 1..n with no gap, every value readable, the pointer equal to one of the last two. */
async function expectInvariants(lang: string): Promise<number> {
  const { keys } = await env.RELEASES.list({ prefix: `revision:${SEED_ID}:${lang}:` });
  const numbers = keys.map((key) => Number(key.name.split(':').at(-1)));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  for (const n of numbers) expect((await readRevision(env.RELEASES, SEED_ID, lang, n))?.revision).toBe(n);
  const all = await env.RELEASES.list();
  for (const key of all.keys) expect(kvMetadataBytes(key.metadata)).toBeLessThanOrEqual(KV_METADATA_LIMIT);
  const last = numbers.length;
  const current = await readCurrent(env.RELEASES, SEED_ID, lang);
  expect([last - 1, last]).toContain(current?.revision);
  const atPointer = await readRevision(env.RELEASES, SEED_ID, lang, current!.revision);
  expect(current?.document).toEqual(atPointer?.document);
  return last;
}

/** The stored text of every revision, oldest first. */
async function revisionValues(lang: string): Promise<(string | null)[]> {
  const { keys } = await env.RELEASES.list({ prefix: `revision:${SEED_ID}:${lang}:` });
  return Promise.all(keys.map((key) => env.RELEASES.get(key.name, 'text')));
}

type Mode = 'durable object' | 'local history';
type Operation = (kv: KVNamespace, counter: RevisionCounter | undefined, base: number) => Promise<unknown>;

const note = { author: 'fault', message: 'crash test' };
const operations: [string, string, Operation][] = [
  [
    'a write',
    'en',
    (kv, c, base) => writeRevision(kv, { ...seedDocument(), headline: 'Edited' }, { ...note, baseRevision: base }, c),
  ],
  ['a forced write', 'en', (kv, c) => writeRevision(kv, seedDocument(), { ...note, force: true }, c)],
  ['a rollback', 'en', (kv, c) => rollback(kv, SEED_ID, 'en', 1, note, c)],
  ['a translation', 'ru', (kv, c, base) => writeRevision(kv, russianDocument(), { ...note, baseRevision: base }, c)],
];

// The Durable Object's way is the production path: every kind of write. The local history
// differs only in where the number comes from: a plain write and a translation cover it.
const cases: [Mode, typeof operations][] = [
  ['durable object', operations],
  ['local history', operations.filter(([what]) => what === 'a write' || what === 'a translation')],
];

for (const [mode, modeOperations] of cases) {
  describe(`a write through the ${mode}, crashed at each of its operations`, () => {
    for (const [what, lang, operation] of modeOperations) {
      it(`(${what}) leaves the store consistent and the document writable`, async () => {
        let crashes = 0;
        for (let k = 1; ; k++) {
          await reset();
          const { kv, counter, state } = crashable();
          const c = mode === 'durable object' ? counter : undefined;
          await writeRevision(kv, seedDocument(), note, c);
          if (lang !== 'en') await writeRevision(kv, russianDocument(), note, c);
          state.ops = 0;
          state.crashAt = k;
          const base = (await readLatest(env.RELEASES, SEED_ID, lang))!.revision;
          const outcome = await operation(kv, c, base).then(
            () => 'written',
            (error: unknown) => error,
          );
          state.crashAt = Infinity;
          const last = await expectInvariants(lang);
          if (outcome === 'written') {
            expect(last).toBe(base + 1);
            break; // k is past the write's last operation: every crash point has been tried
          }
          crashes++;
          expect(String(outcome)).toContain(`crash at operation ${k}`);
          // The next write, based on what the history says is latest, succeeds and repairs,
          // and leaves every revision already written as it was: history is never rewritten.
          const before = await revisionValues(lang);
          const next = await operation(kv, c, last);
          expect(next).toMatchObject({ revision: last + 1 });
          expect(await expectInvariants(lang)).toBe(last + 1);
          expect((await revisionValues(lang)).slice(0, last)).toEqual(before);
          expect((await readCurrent(env.RELEASES, SEED_ID, lang))?.revision).toBe(last + 1);
        }
        expect(crashes).toBeGreaterThanOrEqual(mode === 'durable object' ? 5 : 4);
      });
    }
  });
}
