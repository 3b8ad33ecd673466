/**
 * Only the six languages of data/lang.ts can be stored: a document in any other is refused by
 * the schema (the CLI's validate and local mode), by the store and by every admin route that
 * takes a language, with the field and the list; a reader asking for one gets English.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../data/lang';
import { ReleaseDocumentSchema } from '../../data/schema';
import { languagesOf } from '../../worker/store';
import { SEED_ID, adminInit, freshApp, russianDocument, store } from './helpers';

const LIST = LANGUAGES.join(', ');

/** Russian text relabelled as `lang`: what the reviewer pushed as "de". */
const relabelled = (lang: string) => ({ ...russianDocument(), lang });

describe('the schema', () => {
  for (const lang of ['de', 'fr', 'EN', 'en-GB', 'english']) {
    it(`refuses "${lang}" at /lang, listing the languages there are`, () => {
      const result = ReleaseDocumentSchema.safeParse(relabelled(lang));
      expect(result.success).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join('/') === 'lang');
      expect(issue?.message).toContain(LIST);
      expect(issue?.message).toContain(`not "${lang}"`);
    });
  }
});

describe('the store (the CLI local mode)', () => {
  it('writes nothing for a document in German', async () => {
    await store();
    await expect(store(relabelled('de'))).rejects.toThrow(LIST);
    expect(await languagesOf(env.RELEASES, SEED_ID)).toEqual(['en']);
  });
});

describe('the admin API', () => {
  const routes: [string, string, RequestInit][] = [
    ['PUT', `/api/releases/${SEED_ID}?lang=de&force=true`, adminInit('PUT', relabelled('de'))],
    ['rollback', `/api/releases/${SEED_ID}/rollback?lang=de`, adminInit('POST', { revision: 1 })],
    ['history', `/api/releases/${SEED_ID}/revisions?lang=de`, adminInit('GET')],
    ['one revision', `/api/releases/${SEED_ID}/revisions/1?lang=de`, adminInit('GET')],
    ['publish', `/api/releases/${SEED_ID}/publish?lang=de`, adminInit('POST')],
    ['preview', `/api/releases/${SEED_ID}/preview?lang=de`, adminInit('POST')],
  ];
  for (const [what, url, init] of routes) {
    it(`refuses lang=de on ${what} with 400 problem+json naming /lang and the list`, async () => {
      const { request } = freshApp();
      await store();
      const response = await request(url, init);
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      const body = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(body.errors).toContainEqual({ path: '/lang', message: expect.stringContaining(LIST) as string });
      expect(await languagesOf(env.RELEASES, SEED_ID)).toEqual(['en']);
    });
  }

  it('refuses a body in German sent to ?lang=de, and writes no revision', async () => {
    const { request } = freshApp();
    await store();
    const response = await request(
      `/api/releases/${SEED_ID}?lang=de`,
      adminInit('PUT', relabelled('de'), { 'If-None-Match': '*' }),
    );
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toContain('/lang');
    expect((await request(`/api/releases/${SEED_ID}?lang=de`)).headers.get('Content-Language')).toBe('en');
  });
});

describe('a reader asking for another language', () => {
  it('gets English, as documented', async () => {
    const { request } = freshApp();
    await store();
    const response = await request(`/api/releases/${SEED_ID}?lang=de`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Language')).toBe('en');
  });
});
