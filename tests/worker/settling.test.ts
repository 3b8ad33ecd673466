/**
 * An edit reaches readers everywhere within seconds, although KV takes up to a minute to show it
 * at every Cloudflare location (worker/writer.ts): while a change settles, an isolate that loads
 * the document from a KV that still holds the old copy gets the current one from the document's
 * writer, an isolate that builds the index from a lagging listing lays the recent changes over it
 * (worker/recent-changes.ts), and the writer purges the edge cache again once copies refilled
 * from isolate memory may have reached it. A lagging location is a KV binding that answers from a
 * copy of the current keys taken before the change (real KV, read at one place, never lags).
 */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { purgeTags } from '../../worker/edge-cache';
import Worker from '../../worker/index';
import { RecentChanges } from '../../worker/recent-changes';
import { SETTLING_MS } from '../../worker/settling';
import { PURGE_AGAIN_MS } from '../../worker/writer';
import { recentChanges } from '../../worker/writer-client';
import { adminInit, cloudflareCache, freshApp, russianDocument, SEED_ID, seedDocument, store } from './helpers';

const DOCUMENT = `/api/releases/${SEED_ID}?lang=en`;

/**
 * A location whose KV has not seen what happens from now on: `current:` keys (the copies readers
 * read, and their listing) answer as they were; everything else is the real store.
 */
async function laggingLocation() {
  const kept = new Map<string, string | null>();
  const listed = await env.RELEASES.list({ prefix: 'current:' });
  for (const { name } of listed.keys) kept.set(name, await env.RELEASES.get(name, 'text'));
  const real = env.RELEASES;
  const kv = {
    get: (key: string, type: 'text') =>
      key.startsWith('current:') ? Promise.resolve(kept.get(key) ?? null) : real.get(key, type),
    getWithMetadata: real.getWithMetadata.bind(real),
    list: async (options: KVNamespaceListOptions) =>
      options.prefix?.startsWith('current:') ? listed : real.list(options),
    put: real.put.bind(real),
  } as unknown as KVNamespace;
  return { ...env, RELEASES: kv };
}

/** Writes `doc` through the admin API (and so through its writer), replacing what is current. */
async function edit(doc: object, query = '') {
  const response = await freshApp().request(`${DOCUMENT}&force=true${query}`, adminInit('PUT', doc));
  expect(response.status).toBe(200);
}

const headline = async (response: Response) => ((await response.json()) as { headline: string }).headline;
const writer = (lang = 'en') => env.WRITER.getByName(`${SEED_ID}:${lang}`);

afterEach(() => vi.restoreAllMocks());

describe('a location whose KV still holds the old copy', () => {
  it('serves the edit, not the old copy', async () => {
    await store();
    const there = await laggingLocation();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const response = await freshApp().request(DOCUMENT, undefined, there);
    expect(response.status).toBe(200);
    expect(await headline(response)).toBe('Edited');
    expect(response.headers.get('ETag')).toMatch(/^"r2-/);
    expect(response.headers.get('X-Data-Fallback')).toBeNull();
    // The same location without the recent changes: what the lag alone would have served.
    const unaided = freshApp({ recentChanges: async () => [] });
    expect(await headline(await unaided.request(DOCUMENT, undefined, there))).toBe(seedDocument().headline);
  });

  it('serves a release published a moment ago, which it has never seen', async () => {
    const there = await laggingLocation();
    const created = await freshApp().request(DOCUMENT, adminInit('PUT', seedDocument(), { 'If-None-Match': '*' }));
    expect(created.status).toBe(200);
    const response = await freshApp().request(DOCUMENT, undefined, there);
    expect(response.status).toBe(200);
    expect(await headline(response)).toBe(seedDocument().headline);
  });

  it('stops serving a release unpublished a moment ago', async () => {
    await store();
    const there = await laggingLocation();
    const unpublish = adminInit('POST', { message: 'Legal check' });
    expect((await freshApp().request(`/api/releases/${SEED_ID}/unpublish`, unpublish)).status).toBe(200);
    const response = await freshApp().request(DOCUMENT, undefined, there);
    expect(response.status).toBe(410);
  });

  it('keeps the published copy when the edit is a draft', async () => {
    await store();
    const there = await laggingLocation();
    await edit({ ...seedDocument(), headline: 'Draft only' }, '&draft=true');
    for (const bindings of [there, env]) {
      const response = await freshApp().request(DOCUMENT, undefined, bindings);
      expect(await headline(response)).toBe(seedDocument().headline);
    }
  });

  it('serves what KV holds when KV is ahead of the writer (a write made around it)', async () => {
    await store();
    await edit({ ...seedDocument(), headline: 'Through the writer' });
    await store({ ...seedDocument(), headline: 'Around the writer' });
    expect(await headline(await freshApp().request(DOCUMENT))).toBe('Around the writer');
  });

  for (const [what, answer] of [
    ['fails', () => Promise.reject(new Error('Durable Object is overloaded'))],
    ['does not answer', () => new Promise<never>(() => {})],
  ] as const) {
    it(`serves the revision the recent changes name, read by its own key, when the writer ${what}`, async () => {
      await store();
      const there = await laggingLocation();
      await edit({ ...seedDocument(), headline: 'Edited' });
      const { request, faults } = freshApp({ recentChange: answer });
      const response = await request(DOCUMENT, undefined, there);
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Data-Fallback')).toBeNull();
      expect(await headline(response)).toBe('Edited');
      expect(faults.join('\n')).toContain(`Could not ask for what the writer of ${SEED_ID}/en holds`);
    });
  }

  it('stops serving an unpublished release without asking its writer', async () => {
    await store();
    const there = await laggingLocation();
    const unpublish = adminInit('POST', { message: 'Legal check' });
    expect((await freshApp().request(`/api/releases/${SEED_ID}/unpublish`, unpublish)).status).toBe(200);
    const failing = freshApp({ recentChange: () => Promise.reject(new Error('overloaded')) });
    expect((await failing.request(DOCUMENT, undefined, there)).status).toBe(410);
  });

  it('answers within the KV time limit when both objects are slow, without a fallback', async () => {
    await store();
    const there = await laggingLocation();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const slowly = freshApp({
      recentChanges: async () => {
        await new Promise((resolve) => setTimeout(resolve, 450));
        return recentChanges(env);
      },
      recentChange: () => new Promise<never>(() => {}),
    });
    const response = await slowly.request(DOCUMENT, undefined, there);
    expect(response.headers.get('X-Data-Fallback')).toBeNull();
    expect(await headline(response)).toBe('Edited');
  });

  it("serves the edit at once in the editor's own isolate, whose KV lags", async () => {
    await store();
    const there = await laggingLocation();
    const { request } = freshApp();
    expect(await headline(await request(DOCUMENT, undefined, there))).toBe(seedDocument().headline);
    const put = adminInit('PUT', { ...seedDocument(), headline: 'Edited' });
    expect((await request(`${DOCUMENT}&force=true`, put, there)).status).toBe(200);
    expect(await headline(await request(DOCUMENT, undefined, there))).toBe('Edited');
  });

  it('serves a draft once it is published', async () => {
    await store();
    await edit({ ...seedDocument(), headline: 'Draft, then published' }, '&draft=true');
    const there = await laggingLocation();
    const publish = adminInit('POST', {});
    expect((await freshApp().request(`/api/releases/${SEED_ID}/publish?lang=en`, publish)).status).toBe(200);
    expect(await headline(await freshApp().request(DOCUMENT, undefined, there))).toBe('Draft, then published');
  });

  it('asks no writer for a document that has not changed lately, nor for a release that does not exist', async () => {
    await store();
    const asked: string[] = [];
    const { request } = freshApp({ recentChange: async (id, lang) => (asked.push(`${id}/${lang}`), undefined) });
    expect((await request(DOCUMENT)).status).toBe(200);
    expect((await request(`/api/releases/${SEED_ID}?lang=ru`)).status).toBe(200);
    expect((await request('/api/releases/no-such-release')).status).toBe(404);
    expect(asked).toEqual([]);
  });

  it('is forgotten by both objects once it has settled everywhere: KV is trusted again', async () => {
    await store();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const changes = env.CHANGES.getByName('all');
    expect(await writer().recent()).toMatchObject({ revision: 2 });
    expect(await changes.since()).toHaveLength(1);
    const later = Date.now() + SETTLING_MS;
    await runInDurableObject(writer(), async (instance) => {
      vi.spyOn(Date, 'now').mockReturnValue(later);
      expect(await instance.recent()).toBeUndefined();
    });
    await runInDurableObject(changes, async (instance) => {
      vi.spyOn(Date, 'now').mockReturnValue(later);
      expect(await instance.since()).toEqual([]);
    });
  });
});

describe('the index at a location whose KV listing lags', () => {
  const index = async (bindings: Cloudflare.Env, options = {}) => {
    const response = await freshApp(options).request('/api/releases', undefined, bindings);
    expect(response.status).toBe(200);
    return ((await response.json()) as { releases: { id: string; headline: string }[] }).releases;
  };

  it('lists the edited headline', async () => {
    await store();
    const there = await laggingLocation();
    await edit({ ...seedDocument(), headline: 'Edited' });
    expect((await index(there)).map((r) => r.headline)).toEqual(['Edited']);
    // Without the recent changes, the listing's lag shows.
    const unaided = await index(there, { recentChanges: async () => [] });
    expect(unaided.map((r) => r.headline)).toEqual([seedDocument().headline]);
  });

  it('names a release published a moment ago as the latest', async () => {
    await store();
    const there = await laggingLocation();
    const newer = { ...seedDocument(), id: 'belarus-2026-01', date: '2026-01-15', headline: 'Newer release' };
    const put = adminInit('PUT', newer, { 'If-None-Match': '*' });
    expect((await freshApp().request('/api/releases/belarus-2026-01?lang=en', put)).status).toBe(200);
    expect((await index(there)).map((r) => r.id)).toEqual(['belarus-2026-01', SEED_ID]);
    const latest = await freshApp().request('/api/releases/latest', undefined, there);
    expect(await headline(latest)).toBe('Newer release');
  });

  it('drops a release unpublished a moment ago', async () => {
    await store();
    const there = await laggingLocation();
    const unpublish = adminInit('POST', { message: 'Legal check' });
    expect((await freshApp().request(`/api/releases/${SEED_ID}/unpublish`, unpublish)).status).toBe(200);
    expect(await index(there)).toEqual([]);
  });

  it('says at once that a translation is behind an English edit', async () => {
    await store();
    await store(russianDocument());
    const there = await laggingLocation();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const response = await freshApp().request(`/api/releases/${SEED_ID}?lang=ru`, undefined, there);
    expect(response.headers.get('X-Translation-Behind')).toBe('1');
  });

  it('serves the listing, and logs it, when the recent changes cannot be had', async () => {
    await store();
    const { request, faults } = freshApp({ recentChanges: () => Promise.reject(new Error('overloaded')) });
    const response = await request('/api/releases');
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Data-Fallback')).toBeNull();
    expect(faults.join('\n')).toContain('Could not ask for the recent changes');
  });
});

describe('the purges that follow a change', () => {
  it('purges the edge again after isolate memory and KV listings have caught up, then stops', async () => {
    await store();
    const purged = vi.spyOn(Worker.prototype, 'purgeEdge');
    const before = Date.now();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const alarm = async () => runInDurableObject(writer(), (_, state) => state.storage.getAlarm());
    expect((await alarm())! - before).toBeGreaterThanOrEqual(PURGE_AGAIN_MS[0]);
    expect((await alarm())! - before).toBeLessThan(PURGE_AGAIN_MS[1]);

    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect(purged).toHaveBeenCalledWith(purgeTags(SEED_ID, 'en'));
    expect((await alarm())! - before).toBeGreaterThanOrEqual(PURGE_AGAIN_MS[1]);

    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect(purged).toHaveBeenCalledTimes(2);
    expect(await alarm()).toBeNull();
  });

  it('plans no purge for a draft', async () => {
    await store();
    await edit({ ...seedDocument(), headline: 'Draft only' }, '&draft=true');
    expect(await runDurableObjectAlarm(writer())).toBe(false);
  });

  it('tries a purge that failed again a few seconds later', async () => {
    await store();
    await edit({ ...seedDocument(), headline: 'Edited' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const purged = vi.spyOn(Worker.prototype, 'purgeEdge').mockRejectedValueOnce(new Error('purge failed'));
    const alarm = async () => runInDurableObject(writer(), (_, state) => state.storage.getAlarm());
    const failedAt = Date.now();
    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect((await alarm())! - failedAt).toBeLessThan(PURGE_AGAIN_MS[0]);
    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect(purged).toHaveBeenCalledTimes(2);
    // The retried purge was the first of two: the second is still planned.
    expect((await alarm())! - failedAt).toBeGreaterThan(PURGE_AGAIN_MS[0]);
  });

  it('tells the recent changes again when they did not hear, before the purges', async () => {
    await store();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(RecentChanges.prototype, 'note').mockRejectedValueOnce(new Error('overloaded'));
    const before = Date.now();
    await edit({ ...seedDocument(), headline: 'Edited' });
    const changes = env.CHANGES.getByName('all');
    expect(await changes.since()).toEqual([]);
    const alarm = async () => runInDurableObject(writer(), (_, state) => state.storage.getAlarm());
    expect((await alarm())! - before).toBeLessThan(PURGE_AGAIN_MS[0]);
    const purged = vi.spyOn(Worker.prototype, 'purgeEdge');
    expect(await runDurableObjectAlarm(writer())).toBe(true);
    expect(await changes.since()).toMatchObject([
      { id: SEED_ID, lang: 'en', entry: { revision: 2, headline: 'Edited' } },
    ]);
    expect(purged).not.toHaveBeenCalled();
    expect((await alarm())! - before).toBeGreaterThanOrEqual(PURGE_AGAIN_MS[0]);
  });

  it('sends the purge from the entrypoint that holds the cache, and throws when it is refused', async () => {
    const tags = purgeTags(SEED_ID, 'be');
    const accepted = cloudflareCache();
    await new Worker(accepted.ctx as unknown as ExecutionContext, env).purgeEdge(tags);
    expect(accepted.purges).toEqual([{ tags }]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = cloudflareCache(async () => ({
      success: false,
      errors: [{ code: 1134, message: 'rate limited' }],
    }));
    await expect(new Worker(refused.ctx as unknown as ExecutionContext, env).purgeEdge(tags)).rejects.toThrow(
      /purge failed/,
    );
  });
});
