import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listCurrent, readCurrent } from '../../worker/store';
import { CorruptDataError, RevisionConflictError } from '../../worker/store-errors';
import { writeRevision } from '../../worker/write';
import { SEED_ID, seedDocument, store } from './helpers';

describe('store', () => {
  it('writes numbered revisions and keeps each one in history', async () => {
    const first = await store();
    const edited = { ...seedDocument(), headline: 'An edited headline' };
    const second = await writeRevision(env.RELEASES, edited, { author: 'ed', message: 'edit', baseRevision: 1 });
    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'en'))?.document.headline).toBe('An edited headline');
    const history = await env.RELEASES.list({ prefix: `revision:${SEED_ID}:en:` });
    expect(history.keys.map((k) => k.name)).toEqual([
      `revision:${SEED_ID}:en:00000001`,
      `revision:${SEED_ID}:en:00000002`,
    ]);
  });

  it('drops the editor-only $schema field', async () => {
    const stored = await store();
    expect(stored.document).not.toHaveProperty('$schema');
  });

  it('lists current documents with their metadata', async () => {
    await store();
    expect(await listCurrent(env.RELEASES)).toEqual([
      { id: SEED_ID, lang: 'en', revision: 1, headline: seedDocument().headline, date: '2025-12-13' },
    ]);
  });

  it('refuses a write based on a stale revision and leaves the store unchanged', async () => {
    await store();
    await store();
    const write = writeRevision(env.RELEASES, seedDocument(), { author: 'ed', message: 'stale', baseRevision: 1 });
    await expect(write).rejects.toBeInstanceOf(RevisionConflictError);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'en'))?.revision).toBe(2);
  });

  it('refuses an invalid document and writes nothing', async () => {
    const write = store({ ...seedDocument(), released: { count: -5, source: 'washington-insider' } });
    await expect(write).rejects.toThrow(/count/);
    expect((await env.RELEASES.list()).keys).toEqual([]);
  });

  it('reports corrupt KV values with the key at fault', async () => {
    await env.RELEASES.put(`current:${SEED_ID}:en`, '{"revision": 1, "document": {"id": 5}}');
    await expect(readCurrent(env.RELEASES, SEED_ID, 'en')).rejects.toThrow(CorruptDataError);
    await env.RELEASES.put(`current:${SEED_ID}:en`, 'not json');
    await expect(readCurrent(env.RELEASES, SEED_ID, 'en')).rejects.toThrow(`KV key "current:${SEED_ID}:en"`);
  });
});
