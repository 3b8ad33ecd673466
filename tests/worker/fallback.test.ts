import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { SEED_ID, faultyKv, freshApp, seedDocument, store } from './helpers';

const headline = async (response: Response) => ((await response.json()) as ReleaseDocument).headline;

describe('when KV fails, readers still get the facts', () => {
  it('serves the hot path from isolate memory without reading KV', async () => {
    await store();
    const faulty = faultyKv();
    const { request } = freshApp();
    await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    const readsAfterFirst = faulty.state.reads;
    for (let i = 0; i < 5; i++) await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    expect(readsAfterFirst).toBe(1);
    expect(faulty.state.reads).toBe(1);
  });

  it('serves the bundled copy, flagged, when KV throws on a cold isolate', async () => {
    await store({ ...seedDocument(), headline: 'Stored headline' });
    const faulty = faultyKv();
    faulty.state.mode = 'throw';
    const { request, faults } = freshApp();
    const response = await request('/api/releases/latest', undefined, faulty.env);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Data-Fallback')).toBe('bundled');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=15, s-maxage=15');
    expect(await headline(response)).toBe(seedDocument().headline);
    expect(faults.join('\n')).toMatch(/KV fault while listing releases/);
  });

  it('serves the last good document from memory when KV starts failing', async () => {
    await store({ ...seedDocument(), headline: 'Stored headline' });
    const faulty = faultyKv();
    const { request, faults } = freshApp({ ttlMs: 0 });
    expect(await headline(await request(`/api/releases/${SEED_ID}`, undefined, faulty.env))).toBe('Stored headline');
    faulty.state.mode = 'throw';
    const response = await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Data-Fallback')).toBe('memory');
    expect(await headline(response)).toBe('Stored headline');
    expect(faults).toEqual([]); // the stale copy is served quietly; the cache keeps retrying
  });

  it('falls back when KV does not answer in time', async () => {
    await store();
    const faulty = faultyKv();
    faulty.state.mode = 'hang';
    const { request, faults } = freshApp({ kvTimeoutMs: 20 });
    const response = await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Data-Fallback')).toBe('bundled');
    expect(faults.join('\n')).toMatch(/TimeoutError/);
  });

  const corrupt: [string, string][] = [
    ['text that is not JSON', '{"revision": 1, "document": '],
    ['JSON without a revision', JSON.stringify({ document: seedDocument() })],
    [
      'a document that fails the schema',
      JSON.stringify({ revision: 3, document: { ...seedDocument(), released: { count: -1 } } }),
    ],
    [
      'a document with HTML in it',
      JSON.stringify({ revision: 3, document: { ...seedDocument(), headline: '<b>x</b>' } }),
    ],
  ];
  for (const [what, value] of corrupt) {
    it(`serves the bundled copy when KV holds ${what}`, async () => {
      await env.RELEASES.put(`current:${SEED_ID}:en`, value, {
        metadata: { revision: 3, headline: 'x', date: '2025-12-13' },
      });
      const { request, faults } = freshApp();
      const response = await request(`/api/releases/${SEED_ID}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Data-Fallback')).toBe('bundled');
      expect(await headline(response)).toBe(seedDocument().headline);
      expect(faults.join('\n')).toContain(`current:${SEED_ID}:en`);
    });
  }

  it('serves the bundled index and document when KV is empty', async () => {
    const { request } = freshApp();
    const list = await request('/api/releases');
    expect(list.headers.get('X-Data-Fallback')).toBe('bundled');
    expect(((await list.json()) as { releases: { id: string }[] }).releases.map((r) => r.id)).toEqual([SEED_ID]);
    const doc = await request('/api/releases/latest');
    expect(doc.status).toBe(200);
    expect(doc.headers.get('X-Data-Fallback')).toBe('bundled');
    expect(doc.headers.get('ETag')).toMatch(/^"r0-[0-9a-f]{8}"$/);
  });

  it('still answers 404 for a release that exists nowhere while KV fails', async () => {
    const faulty = faultyKv();
    faulty.state.mode = 'throw';
    const response = await freshApp().request('/api/releases/no-such-release', undefined, faulty.env);
    expect(response.status).toBe(404);
  });
});
