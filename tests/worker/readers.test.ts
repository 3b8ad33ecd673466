/**
 * Readers never see a 500 for anything KV holds, pages served from a fallback say so, absolute
 * URLs come from the configured origin and never from the Host header, and `lang` is canonical
 * before it reaches a page (issue 11, "What broke").
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { SEED_ID, belarusianDocument, faultyKv, freshApp, seedDocument, store } from './helpers';

const ORIGIN = env.PUBLIC_ORIGIN;
const NEWER = 'belarus-2026-01';
const page = (id: string) => encodeURIComponent(`${ORIGIN}/releases/${id}`);
const READ_PATHS = ['/api/releases', '/api/releases/latest', '/', '/releases/latest', '/embed/latest'];

describe('garbled list metadata', () => {
  const garbled: [string, unknown][] = [
    ['without a date', JSON.stringify({ revision: 1, headline: 'x' })],
    ['that is not JSON', '{"revision":'],
    ['of the wrong types', { revision: 'one', headline: 7, date: null }],
    ['missing altogether', undefined],
  ];
  for (const [what, metadata] of garbled) {
    it(`(${what}) is skipped or repaired: every reader still gets a 200`, async () => {
      await store();
      const other = { ...seedDocument(), id: NEWER, date: '2026-01-20', headline: 'A newer release' };
      await store(other);
      const { value } = (await env.RELEASES.getWithMetadata(`current:${NEWER}:en`, 'text')) as { value: string };
      await env.RELEASES.put(`current:${NEWER}:en`, value, metadata === undefined ? {} : { metadata });
      const { request, faults } = freshApp();
      for (const path of READ_PATHS) expect((await request(path)).status, path).toBe(200);
      const index = (await (await request('/api/releases')).json()) as { releases: { id: string; date: string }[] };
      expect(index.releases.map((r) => [r.id, r.date])).toEqual([
        [NEWER, '2026-01-20'],
        [SEED_ID, '2025-12-13'],
      ]);
      expect(faults.join('\n')).toContain(`current:${NEWER}:en`);
    });
  }
});

describe('an unreadable newest release', () => {
  it('makes `latest` fall back to the newest readable release, briefly cached and flagged', async () => {
    await store();
    const meta = JSON.stringify({ revision: 1, headline: 'Newer', date: '2026-01-20' });
    await env.RELEASES.put(`current:${NEWER}:en`, 'garbage', { metadata: meta });
    const { request } = freshApp();
    for (const path of ['/api/releases/latest', '/releases/latest', '/embed/latest', `/oembed?url=${page('latest')}`]) {
      const response = await request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('X-Data-Fallback'), path).not.toBeNull();
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=15, s-maxage=15');
    }
    const doc = (await (await request('/api/releases/latest')).json()) as ReleaseDocument;
    expect(doc.id).toBe(SEED_ID);
  });
});

describe('pages and oEmbed served from a fallback', () => {
  it('carry X-Data-Fallback and the short fallback cache, like the API', async () => {
    await store();
    const faulty = faultyKv();
    faulty.state.mode = 'throw';
    for (const path of [`/releases/${SEED_ID}`, `/embed/${SEED_ID}`, `/oembed?url=${page(SEED_ID)}`]) {
      const response = await freshApp().request(path, undefined, faulty.env);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('X-Data-Fallback'), path).toBe('bundled');
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=15, s-maxage=15');
    }
  });
});

describe('one public origin', () => {
  for (const path of [`/releases/${SEED_ID}`, `/embed/${SEED_ID}`, `/oembed?url=${page(SEED_ID)}`, '/']) {
    it(`never puts the Host header into ${path.split('?')[0]}`, async () => {
      await store();
      const { request } = freshApp();
      for (const init of [{ headers: { Host: 'evil.example' } }, {}]) {
        const response = await request(`https://evil.example${path}`, init);
        expect(response.status).toBe(200);
        const body = await response.text();
        expect(body).not.toContain('evil.example');
        expect(body).toContain(ORIGIN);
      }
    });
  }

  it('recognises its own pages in oEmbed whatever Host the request names', async () => {
    await store();
    const response = await freshApp().request(`http://127.0.0.1/oembed?url=${page(SEED_ID)}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { html: string }).html).toContain(
      `src="${ORIGIN}/embed/${SEED_ID}?maxwidth=600"`,
    );
  });
});

describe('the requested language', () => {
  it('is canonicalised before <html lang>, the canonical URL and Content-Language', async () => {
    await store();
    await store(belarusianDocument());
    const { request } = freshApp();
    const html = await (await request(`/releases/${SEED_ID}?lang=zzz`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/releases/${SEED_ID}" />`);
    expect(html).not.toContain('zzz');
    const upper = await (await request(`/releases/${SEED_ID}?lang=BE-by`)).text();
    expect(upper).toContain('<html lang="be">');
  });

  it('names English in Content-Language when the index has nothing in the language asked for', async () => {
    await store();
    const response = await freshApp().request('/api/releases?lang=be');
    expect(response.headers.get('Content-Language')).toBe('en');
  });
});

describe('ids no release can have', () => {
  it('answer 404 without a KV read of their own, however long', async () => {
    await store();
    const faulty = faultyKv();
    const { request, faults } = freshApp();
    const ids = ['x'.repeat(600), 'Ж'.repeat(300), 'a_b', 'UPPER'];
    for (const id of ids) {
      const response = await request(`/api/releases/${encodeURIComponent(id)}`, undefined, faulty.env);
      expect(response.status).toBe(404);
    }
    expect(faulty.state.reads).toBe(0);
    // The page links the latest release (worker/pages/missing.ts): read once, then from memory.
    expect((await request(`/releases/${encodeURIComponent(ids[0]!)}`, undefined, faulty.env)).status).toBe(404);
    const forTheLink = faulty.state.reads;
    for (const id of ids) {
      expect((await request(`/releases/${encodeURIComponent(id)}`, undefined, faulty.env)).status).toBe(404);
    }
    expect(faulty.state.reads).toBe(forTheLink);
    expect(faults).toEqual([]);
  });
});
