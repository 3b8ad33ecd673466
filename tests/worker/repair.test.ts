/**
 * What KV may hold after a failed write or a careless operator, and how the next write, a forced
 * write or a rollback repairs it: nothing may leave a document unwritable (issue 11, "What broke").
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { listRevisions, readCurrent } from '../../worker/store';
import { SEED_ID, adminInit, freshApp, russianDocument, seedDocument, store } from './helpers';

const CURRENT = `current:${SEED_ID}:en`;
const URL_EN = `/api/releases/${SEED_ID}?lang=en`;

const rollbackTo = (revision: number) =>
  adminInit('POST', JSON.stringify({ revision }), { 'Content-Type': 'application/json' });

/** The ETag of revision `n`, as the admin API gives it (the public one may serve a fallback). */
async function etagOf(n: number): Promise<string> {
  const response = await freshApp().request(`/api/releases/${SEED_ID}/revisions/${n}?lang=en`, adminInit('GET'));
  expect(response.status).toBe(200);
  return response.headers.get('ETag')!;
}

describe('a long non-Latin headline', () => {
  it('stores a Russian headline of 158 characters, and the document stays writable', async () => {
    await store();
    const { request } = freshApp();
    const doc = { ...russianDocument(), headline: 'Б'.repeat(158) };
    const first = await request(`/api/releases/${SEED_ID}?lang=ru`, adminInit('PUT', doc, { 'If-None-Match': '*' }));
    expect(first.status).toBe(200);
    const second = await request(
      `/api/releases/${SEED_ID}?lang=ru`,
      adminInit('PUT', { ...doc, headline: 'Ж'.repeat(200) }, { 'If-Match': first.headers.get('ETag')! }),
    );
    expect(second.status).toBe(200);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'ru'))?.document.headline).toBe('Ж'.repeat(200));
  });

  it('stores an English headline of one letter and 199 combining accents', async () => {
    await store();
    const headline = `a${'\u0301'.repeat(199)}`;
    const response = await freshApp().request(
      `${URL_EN}&force=true`,
      adminInit('PUT', { ...seedDocument(), headline }),
    );
    expect(response.status).toBe(200);
    const index = (await (await freshApp().request('/api/releases')).json()) as { releases: { headline: string }[] };
    expect(index.releases[0]!.headline).toBe(headline);
  });
});

describe('a missing current pointer', () => {
  it('is repaired by a forced write, a rollback or a write based on the latest revision', async () => {
    await store();
    await env.RELEASES.delete(CURRENT);
    const { request } = freshApp();
    expect((await request(`${URL_EN}&force=true`, adminInit('PUT', seedDocument()))).status).toBe(200);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'en'))?.revision).toBe(2);
    await env.RELEASES.delete(CURRENT);
    expect((await request(`/api/releases/${SEED_ID}/rollback?lang=en`, rollbackTo(1))).status).toBe(200);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'en'))?.revision).toBe(3);
    await env.RELEASES.delete(CURRENT);
    const based = await request(URL_EN, adminInit('PUT', seedDocument(), { 'If-Match': await etagOf(3) }));
    expect(based.status).toBe(200);
    expect((await listRevisions(env.RELEASES, SEED_ID, 'en')).map((r) => r.revision)).toEqual([1, 2, 3, 4]);
  });

  it('still refuses to "create" a document whose history exists, naming its latest revision', async () => {
    await store();
    await env.RELEASES.delete(CURRENT);
    const response = await freshApp().request(URL_EN, adminInit('PUT', seedDocument(), { 'If-None-Match': '*' }));
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ currentRevision: 1 });
  });
});

describe('a corrupt current value', () => {
  for (const [what, value] of [
    ['text that is not JSON', '{not json'],
    ['a revision without a document', '{"revision":16,"document":null}'],
  ]) {
    it(`(${what}) is repaired by a forced write and by a rollback, readers unharmed`, async () => {
      await store();
      await store({ ...seedDocument(), headline: 'Second' });
      await env.RELEASES.put(CURRENT, value!, { metadata: '{"revision":16,"headline":"x","date":"2025-12-13"}' });
      const { request } = freshApp();
      expect((await request(URL_EN)).status).toBe(200);
      const forced = await request(`${URL_EN}&force=true`, adminInit('PUT', seedDocument()));
      expect(forced.status).toBe(200);
      expect(await forced.json()).toMatchObject({ revision: 3 });
      await env.RELEASES.put(CURRENT, value!);
      const rolled = await request(`/api/releases/${SEED_ID}/rollback?lang=en`, rollbackTo(2));
      expect(rolled.status).toBe(200);
      const current = await readCurrent(env.RELEASES, SEED_ID, 'en');
      expect([current?.revision, current?.document.headline]).toEqual([4, 'Second']);
    });
  }

  it('does not hide the history from the admin API', async () => {
    await store();
    await env.RELEASES.put(CURRENT, '{not json');
    const response = await freshApp().request(`/api/releases/${SEED_ID}/revisions?lang=en`, adminInit('GET'));
    expect(response.status).toBe(200);
    const { revisions } = (await response.json()) as { revisions: { revision: number }[] };
    expect(revisions.map((r) => r.revision)).toEqual([1]);
  });
});

describe('a revision whose current pointer was never written', () => {
  it('is adopted: the next write numbers after it and the pointer catches up', async () => {
    await store();
    const orphan = { revision: 2, savedAt: new Date().toISOString(), author: 'x', message: 'y' };
    await env.RELEASES.put(
      `revision:${SEED_ID}:en:00000002`,
      JSON.stringify({ ...orphan, document: { ...seedDocument(), headline: 'Orphan' } }),
      { metadata: JSON.stringify(orphan) },
    );
    const { request } = freshApp();
    const response = await request(URL_EN, adminInit('PUT', seedDocument(), { 'If-Match': await etagOf(2) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ revision: 3 });
    const read = (await (await request(URL_EN)).json()) as ReleaseDocument;
    expect(read.headline).toBe(seedDocument().headline);
  });
});
