/**
 * Cloudflare's cache in front of the worker (worker/edge-cache.ts): the tags and edge lifetime
 * of each cacheable answer, and the purge a write or a rollback sends. Workers Cache has no
 * local simulation (`ctx.cache` is undefined in workerd outside Cloudflare), so the purge goes
 * to a stand-in for Cloudflare's API, handed to the app as its execution context's `cache`.
 */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { EDGE_CACHE_CONTROL, INDEX_TAG, purgeTags } from '../../worker/edge-cache';
import {
  adminInit,
  belarusianDocument,
  cloudflareCache,
  faultyKv,
  freshApp,
  SEED_ID,
  seedDocument,
  store,
} from './helpers';

const ORIGIN = 'https://facts.example';

const tagsOf = (response: Response) => response.headers.get('Cache-Tag')?.split(',') ?? [];

describe('cacheable answers', () => {
  const cases: [path: string, tags: string[]][] = [
    ['/api/releases', [INDEX_TAG]],
    ['/api/releases?lang=be', [INDEX_TAG]],
    ['/api/releases/latest?lang=be', [INDEX_TAG]],
    [`/api/releases/${SEED_ID}`, [`release:${SEED_ID}:en`]],
    [`/api/releases/${SEED_ID}?lang=be-BY`, [`release:${SEED_ID}:be`, `release:${SEED_ID}:en`]],
    // A language the release is not published in: English, which a later translation replaces.
    [`/api/releases/${SEED_ID}?lang=de`, [`release:${SEED_ID}:de`, `release:${SEED_ID}:en`]],
    [`/releases/${SEED_ID}?lang=be`, [`release:${SEED_ID}`]],
    ['/releases/latest', [INDEX_TAG]],
    [`/embed/${SEED_ID}?theme=dark`, [`release:${SEED_ID}`]],
    [`/oembed?url=${encodeURIComponent(`${ORIGIN}/releases/${SEED_ID}?lang=be`)}`, [`release:${SEED_ID}`]],
    [`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/latest`)}`, [INDEX_TAG]],
  ];
  for (const [path, tags] of cases) {
    it(`tags ${path} with ${tags.join(', ')} and lets the edge keep it`, async () => {
      await store();
      await store(belarusianDocument());
      const response = await freshApp().request(path);
      expect(response.status).toBe(200);
      expect(tagsOf(response)).toEqual(tags);
      expect(response.headers.get('Cloudflare-CDN-Cache-Control')).toBe(EDGE_CACHE_CONTROL);
    });
  }

  it('leaves errors, the admin API, the health check and the demo page untagged', async () => {
    await store();
    const { request } = freshApp();
    const answers = [
      await request('/api/releases/no-such-release'),
      await request('/api/releases/%E2%80%AEevil'),
      await request(`/oembed?url=${encodeURIComponent('https://evil.example/releases/x')}`),
      await request(`/api/releases/${SEED_ID}/revisions?lang=en`, adminInit('GET')),
      await request('/healthz'),
      await request('/'),
    ];
    for (const response of answers) {
      expect(response.headers.get('Cache-Tag'), response.url).toBeNull();
      expect(response.headers.get('Cloudflare-CDN-Cache-Control')).toBeNull();
    }
  });

  it('keeps a fallback at the edge only as briefly as its own Cache-Control says', async () => {
    await store();
    const faulty = faultyKv();
    faulty.state.mode = 'throw';
    const response = await freshApp().request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    expect(response.headers.get('X-Data-Fallback')).toBe('bundled');
    expect(response.headers.get('Cloudflare-CDN-Cache-Control')).toBeNull();
    expect(response.headers.get('Cache-Control')).toContain('s-maxage=15');
  });
});

describe('purging on a write', () => {
  it('purges the document, the pages of its release and the index when a revision is written', async () => {
    await store();
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const put = adminInit('PUT', belarusianDocument(), { 'If-None-Match': '*' });
    const response = await app.request(`/api/releases/${SEED_ID}?lang=be`, put, env, ctx);
    expect(response.status).toBe(200);
    expect(purges).toEqual([{ tags: [`release:${SEED_ID}:be`, `release:${SEED_ID}`, INDEX_TAG] }]);
  });

  it('purges the same way when a rollback makes an old revision current', async () => {
    await store();
    await store({ ...seedDocument(), headline: 'Second' });
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const response = await app.request(
      `/api/releases/${SEED_ID}/rollback?lang=en`,
      adminInit('POST', { revision: 1 }),
      env,
      ctx,
    );
    expect(response.status).toBe(200);
    expect(purges).toEqual([{ tags: purgeTags(SEED_ID, 'en') }]);
  });

  it('purges nothing when the write is refused', async () => {
    await store();
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const put = adminInit('PUT', seedDocument(), { 'If-Match': '"r9-00000000"' });
    const response = await app.request(`/api/releases/${SEED_ID}?lang=en`, put, env, ctx);
    expect(response.status).toBe(412);
    expect(purges).toEqual([]);
  });

  for (const [what, answer] of [
    ['refuses', async () => ({ success: false, errors: [{ code: 1134, message: 'rate limited' }] })],
    ['throws', async () => Promise.reject(new Error('network lost'))],
  ] as const) {
    it(`keeps the write and logs it when Cloudflare ${what} the purge`, async () => {
      await store();
      const { app } = freshApp();
      const { purges, ctx } = cloudflareCache(answer);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const put = adminInit('PUT', { ...seedDocument(), headline: 'Edited' }, { 'If-Match': '*' });
      const response = await app.request(`/api/releases/${SEED_ID}?lang=en&force=true`, put, env, ctx);
      expect(response.status).toBe(200);
      expect(purges).toHaveLength(1);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('purge failed'), expect.stringContaining(INDEX_TAG));
      logged.mockRestore();
    });
  }

  it('writes where there is no Workers Cache (wrangler dev, workerd): ctx.cache is undefined', async () => {
    await store();
    const response = await exports.default.fetch(
      `${ORIGIN}/api/releases/${SEED_ID}?lang=be`,
      adminInit('PUT', belarusianDocument(), { 'If-None-Match': '*' }),
    );
    expect(response.status).toBe(200);
    const read = await exports.default.fetch(`${ORIGIN}/api/releases/${SEED_ID}?lang=be`);
    expect(read.headers.get('Content-Language')).toBe('be');
  });

  it('reaches every cached answer that shows the document written, and no other language', async () => {
    await store();
    await store(belarusianDocument());
    const { request } = freshApp();
    const tagsFor = async (path: string) => tagsOf(await request(path));
    const hits = async (tags: string[], path: string) => (await tagsFor(path)).some((tag) => tags.includes(tag));
    const belarusian = purgeTags(SEED_ID, 'be');
    const pageUrl = encodeURIComponent(`${ORIGIN}/releases/${SEED_ID}`);
    for (const path of [
      `/api/releases/${SEED_ID}?lang=be`,
      '/api/releases/latest?lang=be',
      '/api/releases?lang=be',
      // The English pages link the Belarusian one (hreflang, the language switcher).
      `/releases/${SEED_ID}`,
      `/embed/${SEED_ID}?lang=be`,
      `/oembed?url=${pageUrl}`,
    ]) {
      expect(await hits(belarusian, path), path).toBe(true);
    }
    expect(await hits(belarusian, `/api/releases/${SEED_ID}?lang=ru`)).toBe(false);
    // English decides what every translation says it is behind, and what a missing one falls back to.
    expect(await hits(purgeTags(SEED_ID, 'en'), `/api/releases/${SEED_ID}?lang=ru`)).toBe(true);
  });
});
