import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { purgeTags } from '../../worker/edge-cache';
import { signPreview } from '../../worker/preview';
import { listRevisions } from '../../worker/store';
import {
  ADMIN_TOKEN,
  SEED_ID,
  adminInit,
  belarusianDocument,
  cloudflareCache,
  faultyKv,
  freshApp,
  seedDocument,
  store,
} from './helpers';

const ORIGIN = 'https://facts.example';
const NEW_ID = 'draft-2026-01';
/** A second release, newer than the shipped one (so it would be `latest`), that the bundle does not hold. */
const newRelease = (): ReleaseDocument => ({ ...seedDocument(), id: NEW_ID, date: '2026-01-20', headline: 'A draft' });

type Request = ReturnType<typeof freshApp>['request'];

/** The URLs a reader reaches a release by, with what each answers when it is not public. */
const surfaces = (id: string): [string, string][] => [
  ['the API', `/api/releases/${id}`],
  ['the canonical page', `/releases/${id}`],
  ['the iframe page', `/embed/${id}`],
  ['oEmbed', `/oembed?url=${encodeURIComponent(`${ORIGIN}/releases/${id}`)}`],
];

const pushDraft = (request: Request, doc: ReleaseDocument, headers: Record<string, string>) =>
  request(`/api/releases/${doc.id}?lang=${doc.lang}&draft=true`, adminInit('PUT', doc, headers));
const publish = (request: Request, id: string, query = '', headers: Record<string, string> = {}) =>
  request(`/api/releases/${id}/publish${query}`, adminInit('POST', undefined, headers));
const unpublish = (request: Request, id: string) =>
  request(`/api/releases/${id}/unpublish`, adminInit('POST', undefined, { 'X-Revision-Message': 'Legal%20check' }));
const ids = async (response: Response) =>
  ((await response.json()) as { releases: { id: string }[] }).releases.map((r) => r.id);
const headline = async (response: Response) => ((await response.json()) as ReleaseDocument).headline;

async function previewLink(request: Request, id: string, which: 'page' | 'embed' | 'api') {
  const response = await request(`/api/releases/${id}/preview`, adminInit('POST'));
  expect(response.status).toBe(200);
  const { links } = (await response.json()) as { links: Record<string, string> };
  return links[which]!.slice(ORIGIN.length);
}

describe('a new release pushed as a draft', () => {
  for (const [what, path] of surfaces(NEW_ID)) {
    it(`is not on ${what} (404)`, async () => {
      await store();
      const { request } = freshApp();
      expect((await pushDraft(request, newRelease(), { 'If-None-Match': '*' })).status).toBe(200);
      const response = await request(path);
      expect(response.status).toBe(404);
    });
  }

  it('is neither in the index nor latest', async () => {
    await store();
    const { request } = freshApp();
    await pushDraft(request, newRelease(), { 'If-None-Match': '*' });
    expect(await ids(await request('/api/releases'))).toEqual([SEED_ID]);
    expect(((await (await request('/api/releases/latest')).json()) as ReleaseDocument).id).toBe(SEED_ID);
  });

  it('is not served from the bundled copies even when KV holds no published release at all', async () => {
    const { request } = freshApp();
    await pushDraft(request, newRelease(), { 'If-None-Match': '*' });
    const index = await request('/api/releases');
    expect(index.headers.get('X-Data-Fallback')).toBeNull();
    expect(await ids(index)).toEqual([]);
    expect((await request(`/api/releases/${SEED_ID}`)).status).toBe(404);
  });
});

describe('a draft of a published release', () => {
  it('leaves readers on the published revision, and the history says which is which', async () => {
    await store();
    const { request } = freshApp();
    const etag = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
    const draft = await pushDraft(request, { ...seedDocument(), headline: 'Draft headline' }, { 'If-Match': etag });
    expect(await draft.json()).toMatchObject({ revision: 2, draft: true });
    expect(await headline(await request(`/api/releases/${SEED_ID}`))).toBe(seedDocument().headline);
    const history = await request(`/api/releases/${SEED_ID}/revisions`, adminInit('GET'));
    expect(await history.json()).toMatchObject({
      published: 1,
      unpublished: null,
      revisions: [{ revision: 1 }, { revision: 2, draft: true }],
    });
  });

  it('is what the editor sees with the admin token, never stored by a cache', async () => {
    await store();
    const { request } = freshApp();
    const etag = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
    await pushDraft(request, { ...seedDocument(), headline: 'Draft headline' }, { 'If-Match': etag });
    const response = await request(`/api/releases/${SEED_ID}?preview`, adminInit('GET'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(await headline(response)).toBe('Draft headline');
  });

  for (const which of ['page', 'embed', 'api'] as const) {
    it(`is shown by a signed link on the ${which === 'api' ? 'API' : which === 'page' ? 'canonical page' : 'iframe page'}, private and not stored`, async () => {
      await store();
      const { request } = freshApp();
      const etag = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
      await pushDraft(request, { ...seedDocument(), headline: 'Draft headline' }, { 'If-Match': etag });
      const response = await request(await previewLink(request, SEED_ID, which));
      expect(response.status).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('private, no-store');
      expect(await response.text()).toContain('Draft headline');
    });
  }

  it('becomes what readers get when published, unless a newer revision came since the preview', async () => {
    await store();
    const { request } = freshApp();
    const published = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
    const draft = await pushDraft(
      request,
      { ...seedDocument(), headline: 'Draft headline' },
      { 'If-Match': published },
    );
    const previewed = ((await draft.json()) as { etag: string }).etag;
    const stale = await publish(request, SEED_ID, '?lang=en', { 'If-Match': published });
    expect(stale.status).toBe(412);
    expect(await headline(await request(`/api/releases/${SEED_ID}`))).toBe(seedDocument().headline);
    const response = await publish(request, SEED_ID, '?lang=en', { 'If-Match': previewed });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ published: [{ lang: 'en', revision: 2, previous: 1 }] });
    expect(await headline(await request(`/api/releases/${SEED_ID}`))).toBe('Draft headline');
  });
});

describe('preview links', () => {
  const refusals: [string, () => Promise<string>, number, RegExp][] = [
    ['an expired link', () => signPreview(ADMIN_TOKEN, SEED_ID, Math.floor(Date.now() / 1000) - 1), 403, /expired/],
    [
      'a link for another release',
      () => signPreview(ADMIN_TOKEN, 'other-release', Math.floor(Date.now() / 1000) + 60),
      403,
      /not valid/,
    ],
    [
      'a link with its expiry pushed back',
      async () => (await signPreview(ADMIN_TOKEN, SEED_ID, 1000)).replace(/^\d+/, String(2 ** 40)),
      403,
      /not valid/,
    ],
    [
      'a link signed with another token',
      () => signPreview('another-token', SEED_ID, Math.floor(Date.now() / 1000) + 60),
      403,
      /not valid/,
    ],
    ['no link and no token', async () => '', 401, /signed link or the admin token/],
    ['a value that is no link', async () => 'yes-please', 403, /not valid/],
  ];
  for (const [what, link, status, detail] of refusals) {
    it(`refuses ${what} on the API (${status}, problem+json) and on the page (${status}, HTML)`, async () => {
      await store();
      const { request } = freshApp();
      const query = `?preview=${encodeURIComponent(await link())}`;
      const api = await request(`/api/releases/${SEED_ID}${query}`);
      expect(api.status).toBe(status);
      expect(api.headers.get('Content-Type')).toBe('application/problem+json');
      expect(((await api.json()) as { detail: string }).detail).toMatch(detail);
      const page = await request(`/releases/${SEED_ID}${query}`);
      expect(page.status).toBe(status);
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(detail);
    });
  }

  it('refuses a wrong admin token', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}?preview`, {
      headers: { Authorization: 'Bearer wrong-token' },
    });
    expect(response.status).toBe(401);
  });
});

describe('an unpublished release', () => {
  for (const [what, path] of surfaces(SEED_ID)) {
    it(`answers 410 Gone on ${what}`, async () => {
      await store();
      const { request } = freshApp();
      await request(path); // a copy in this isolate's memory must not outlive the unpublish
      expect((await unpublish(request, SEED_ID)).status).toBe(200);
      const response = await request(path);
      expect(response.status).toBe(410);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    });
  }

  it('answers its canonical page with a readable page, not JSON', async () => {
    await store();
    const { request } = freshApp();
    await unpublish(request, SEED_ID);
    const page = await request(`/releases/${SEED_ID}`);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('This release was unpublished');
  });

  it('is gone from the index and latest, and not served from the bundled copy instead', async () => {
    await store();
    const { request } = freshApp();
    await unpublish(request, SEED_ID);
    const index = await request('/api/releases');
    expect(await ids(index)).toEqual([]);
    expect(index.headers.get('X-Data-Fallback')).toBeNull();
    expect((await request('/api/releases/latest')).status).toBe(404);
  });

  it('stays off the public surface while KV fails, in an isolate that saw it unpublished', async () => {
    await store();
    const faulty = faultyKv();
    const { request } = freshApp({ ttlMs: 0 });
    await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    await unpublish(request, SEED_ID);
    expect((await request(`/api/releases/${SEED_ID}`, undefined, faulty.env)).status).toBe(410);
    faulty.state.mode = 'throw';
    const response = await request(`/api/releases/${SEED_ID}`, undefined, faulty.env);
    expect(response.status).toBe(410);
  });

  it('keeps every later write a draft, and its history whole', async () => {
    await store();
    const { request } = freshApp();
    await unpublish(request, SEED_ID);
    const write = await request(
      `/api/releases/${SEED_ID}?lang=en&force=true`,
      adminInit('PUT', { ...seedDocument(), headline: 'Written while unpublished' }),
    );
    expect(await write.json()).toMatchObject({ revision: 2, draft: true });
    expect((await request(`/api/releases/${SEED_ID}`)).status).toBe(410);
    const history = await request(`/api/releases/${SEED_ID}/revisions`, adminInit('GET'));
    expect(await history.json()).toMatchObject({
      published: null,
      withdrawn: 1,
      unpublished: { message: 'Legal check' },
      revisions: [{ revision: 1 }, { revision: 2, draft: true }],
    });
  });

  it('keeps which revision readers had through a second unpublish, and forgets it once published again', async () => {
    await store();
    const { request } = freshApp();
    const withdrawn = async () =>
      ((await (await request(`/api/releases/${SEED_ID}/revisions`, adminInit('GET'))).json()) as { withdrawn: unknown })
        .withdrawn;
    await unpublish(request, SEED_ID);
    await unpublish(request, SEED_ID);
    expect(await withdrawn()).toBe(1);
    await publish(request, SEED_ID);
    expect(await withdrawn()).toBeNull();
  });

  it('is off the surface in every language, and publish brings every language back', async () => {
    await store();
    await store(belarusianDocument());
    const { request } = freshApp();
    const gone = await unpublish(request, SEED_ID);
    expect(await gone.json()).toMatchObject({ languages: ['en', 'be'] });
    expect((await request(`/api/releases/${SEED_ID}?lang=be`)).status).toBe(410);
    const back = await publish(request, SEED_ID);
    const langs = ((await back.json()) as { published: { lang: string }[] }).published.map((p) => p.lang);
    expect(langs).toEqual(['en', 'be']);
    const read = await request(`/api/releases/${SEED_ID}?lang=be`);
    expect(read.headers.get('Content-Language')).toBe('be');
  });

  it('comes back when published, in every language, with its history intact', async () => {
    await store();
    const { request } = freshApp();
    await request(`/api/releases/${SEED_ID}`);
    await unpublish(request, SEED_ID);
    const response = await publish(request, SEED_ID);
    expect(await response.json()).toMatchObject({ published: [{ lang: 'en', revision: 1, previous: null }] });
    const read = await request(`/api/releases/${SEED_ID}`);
    expect(read.status).toBe(200);
    expect(await ids(await request('/api/releases'))).toEqual([SEED_ID]);
    expect((await listRevisions(env.RELEASES, SEED_ID, 'en')).map((r) => r.revision)).toEqual([1]);
  });
});

describe('the publishing routes', () => {
  const routes: [string, string, RequestInit][] = [
    ['publish', `/api/releases/${SEED_ID}/publish`, { method: 'POST' }],
    ['unpublish', `/api/releases/${SEED_ID}/unpublish`, { method: 'POST' }],
    ['preview', `/api/releases/${SEED_ID}/preview`, { method: 'POST' }],
  ];
  for (const [what, path, init] of routes) {
    it(`refuse ${what} with a wrong token (401) and change nothing`, async () => {
      await store();
      const { request } = freshApp();
      const response = await request(path, { ...init, headers: { Authorization: 'Bearer wrong' } });
      expect(response.status).toBe(401);
      expect((await request(`/api/releases/${SEED_ID}`)).status).toBe(200);
    });
  }

  it('answer 404 for a release with no history', async () => {
    const { request } = freshApp();
    expect((await publish(request, 'no-such-release')).status).toBe(404);
    expect((await unpublish(request, 'no-such-release')).status).toBe(404);
  });
});

describe("Cloudflare's cache", () => {
  it('is not purged by a draft: readers’ copies do not change', async () => {
    await store();
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const draft = adminInit('PUT', { ...seedDocument(), headline: 'Draft' }, { 'If-Match': '*' });
    const response = await app.request(`/api/releases/${SEED_ID}?lang=en&draft=true&force=true`, draft, env, ctx);
    expect(response.status).toBe(200);
    expect(purges).toEqual([]);
  });

  it('is purged of what a publish changes', async () => {
    await store();
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const response = await app.request(`/api/releases/${SEED_ID}/publish?lang=en`, adminInit('POST'), env, ctx);
    expect(response.status).toBe(200);
    expect(purges).toEqual([{ tags: purgeTags(SEED_ID, 'en') }]);
  });

  it('is purged of every language an unpublish takes down', async () => {
    await store();
    await store(belarusianDocument());
    const { app } = freshApp();
    const { purges, ctx } = cloudflareCache();
    const response = await app.request(`/api/releases/${SEED_ID}/unpublish`, adminInit('POST'), env, ctx);
    expect(response.status).toBe(200);
    // One purge call for the whole release (purges are rate-limited per call).
    expect(purges).toHaveLength(1);
    expect(new Set(purges[0]!.tags)).toEqual(new Set([...purgeTags(SEED_ID, 'en'), ...purgeTags(SEED_ID, 'be')]));
  });

  it('is never given a preview to keep', async () => {
    await store();
    const { request } = freshApp();
    const response = await request(`/api/releases/${SEED_ID}?preview`, adminInit('GET'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Tag')).toBeNull();
    expect(response.headers.get('Cloudflare-CDN-Cache-Control')).toBeNull();
  });
});
