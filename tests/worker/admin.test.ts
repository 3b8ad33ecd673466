import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { listRevisions, readCurrent } from '../../worker/store';
import { SEED_ID, belarusianDocument, freshApp, seedDocument, store } from './helpers';

const TOKEN = 'test-admin-token';
const URL_EN = `/api/releases/${SEED_ID}?lang=en`;

function put(body: unknown, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return {
    method: 'PUT',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    ...init,
  };
}

async function currentEtag(request: ReturnType<typeof freshApp>['request']) {
  return (await request(URL_EN)).headers.get('ETag')!;
}

/** The store, untouched: revision and headline as they were. */
async function expectUnchanged(revision: number) {
  const current = await readCurrent(env.RELEASES, SEED_ID, 'en');
  expect(current?.revision).toBe(revision);
  expect((await listRevisions(env.RELEASES, SEED_ID, 'en')).length).toBe(revision);
}

describe('PUT /api/releases/:id', () => {
  it('writes a new revision based on the ETag, visible to readers of this isolate at once', async () => {
    await store();
    const { request } = freshApp();
    const etag = await currentEtag(request);
    const edited = { ...seedDocument(), headline: 'An edited headline' };
    const response = await request(URL_EN, put(edited, { 'If-Match': etag, 'X-Revision-Message': 'Fix%20headline' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const body = (await response.json()) as { revision: number; etag: string; message: string };
    expect(body).toMatchObject({ revision: 2, message: 'Fix headline' });
    const read = await request(URL_EN);
    expect(read.headers.get('ETag')).toBe(body.etag);
    expect(((await read.json()) as ReleaseDocument).headline).toBe('An edited headline');
  });

  it('creates a document with If-None-Match: *', async () => {
    await store();
    const response = await freshApp().request(
      `/api/releases/${SEED_ID}?lang=be`,
      put(belarusianDocument(), { 'If-None-Match': '*' }),
    );
    expect(response.status).toBe(200);
    expect((await readCurrent(env.RELEASES, SEED_ID, 'be'))?.revision).toBe(1);
  });

  it('lets exactly one of two writers racing from the same base win; the other gets 412', async () => {
    await store();
    const { request } = freshApp();
    const etag = await currentEtag(request);
    const [a, b] = await Promise.all([
      request(URL_EN, put({ ...seedDocument(), headline: 'Writer A' }, { 'If-Match': etag })),
      request(URL_EN, put({ ...seedDocument(), headline: 'Writer B' }, { 'If-Match': etag })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(await loser.json()).toMatchObject({ status: 412, currentRevision: 2 });
    const history = await listRevisions(env.RELEASES, SEED_ID, 'en');
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
  });

  it('refuses a stale base with 412 and the current revision, and writes with ?force=true', async () => {
    await store();
    await store();
    const { request } = freshApp();
    const stale = '"r1-00000000"';
    const refused = await request(URL_EN, put(seedDocument(), { 'If-Match': stale }));
    expect(refused.status).toBe(412);
    expect(((await refused.json()) as { detail: string }).detail).toContain('current revision is 2');
    await expectUnchanged(2);
    const forced = await request(`${URL_EN}&force=true`, put(seedDocument()));
    expect(forced.status).toBe(200);
  });

  it('refuses an ETag naming the current revision with another hash, and a weak one, with 412', async () => {
    await store();
    const { request } = freshApp();
    const etag = await currentEtag(request);
    for (const ifMatch of ['"r1-00000000"', `W/${etag}`]) {
      const response = await request(URL_EN, put({ ...seedDocument(), headline: 'Forged' }, { 'If-Match': ifMatch }));
      expect(response.status, ifMatch).toBe(412);
      expect(await response.json()).toMatchObject({ status: 412 });
    }
    await expectUnchanged(1);
  });

  const badRequests: [string, () => RequestInit, number, RegExp][] = [
    ['no token', () => put(seedDocument(), { Authorization: '' }), 401, /Bearer/],
    ['a wrong token', () => put(seedDocument(), { Authorization: 'Bearer wrong-token' }), 401, /Bearer/],
    ['a blank token', () => put(seedDocument(), { Authorization: 'Bearer ' }), 401, /Bearer/],
    [
      'a token of the right length but wrong',
      () => put(seedDocument(), { Authorization: `Bearer ${'x'.repeat(TOKEN.length)}` }),
      401,
      /Bearer/,
    ],
    ['no precondition', () => put(seedDocument()), 428, /If-Match/],
    ['a foreign If-Match', () => put(seedDocument(), { 'If-Match': '"abc"' }), 412, /ETag/],
    ['invalid JSON', () => put('{"id": ', { 'If-Match': '"r1-0"' }), 400, /not JSON/],
    [
      'a form body',
      () => put('id=x', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      /application\/json/,
    ],
    [
      'an oversized body',
      () => put({ ...seedDocument(), summary: 'x'.repeat(70_000) }, { 'If-Match': '"r1-0"' }),
      413,
      /65536/,
    ],
    [
      'an id that does not match the URL',
      () => put({ ...seedDocument(), id: 'other-release' }, { 'If-Match': '"r1-0"' }),
      400,
      /other-release/,
    ],
  ];
  for (const [what, init, status, detail] of badRequests) {
    it(`answers ${status} for ${what} and leaves the store unchanged`, async () => {
      await store();
      const response = await freshApp().request(URL_EN, init());
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      const body = (await response.json()) as { detail: string };
      expect(body.detail).toMatch(detail);
      if (status === 401) expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm=/);
      await expectUnchanged(1);
    });
  }

  it('lists every failing JSON path of an invalid document', async () => {
    await store();
    const doc = seedDocument();
    doc.headline = '<script>alert(1)</script>';
    doc.sources[0]!.url = 'javascript:alert(1)';
    doc.released.count = -3;
    const response = await freshApp().request(URL_EN, put(doc, { 'If-Match': '"r1-0"' }));
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/headline', '/sources/0/url', '/released/count']),
    );
    await expectUnchanged(1);
  });

  it('answers 503 and writes nothing when no ADMIN_TOKEN is configured', async () => {
    await store();
    // wrangler types declares the secret as a string, but a worker without it gets undefined.
    const withoutToken = { ...env, ADMIN_TOKEN: undefined } as unknown as Cloudflare.Env;
    const response = await freshApp().request(URL_EN, put(seedDocument(), { 'If-Match': '"r1-0"' }), withoutToken);
    expect(response.status).toBe(503);
    await expectUnchanged(1);
  });

  it('does not answer preflights for writes from other origins', async () => {
    const response = await freshApp().request(URL_EN, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(response.headers.get('Access-Control-Allow-Methods')).not.toContain('PUT');
  });
});

describe('parameters', () => {
  const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
  const invalid: [string, string, RequestInit, string][] = [
    ['a malformed lang', `/api/releases/${SEED_ID}/revisions?lang=EN`, auth, '/lang'],
    ['a revision number that is not one', `/api/releases/${SEED_ID}/revisions/first?lang=en`, auth, '/n'],
    ['force=yes', `${URL_EN}&force=yes`, put(seedDocument()), '/force'],
  ];
  for (const [what, path, init, failing] of invalid) {
    it(`answers 400 with the failing parameter for ${what}, and writes nothing`, async () => {
      await store();
      const response = await freshApp().request(path, init);
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      const { errors } = (await response.json()) as { errors: { path: string }[] };
      expect(errors.map((e) => e.path)).toEqual([failing]);
      await expectUnchanged(1);
    });
  }
});

describe('history and rollback', () => {
  it('lists revisions and reads each one, with no caching and no CORS', async () => {
    await store();
    await store({ ...seedDocument(), headline: 'Second' });
    const { request } = freshApp();
    const auth = { headers: { Authorization: `Bearer ${TOKEN}`, Origin: 'https://news.example' } };
    const list = await request(`/api/releases/${SEED_ID}/revisions?lang=en`, auth);
    expect(list.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(list.headers.get('Cache-Control')).toBe('no-store');
    const { revisions } = (await list.json()) as { revisions: { revision: number; author: string }[] };
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const first = await request(`/api/releases/${SEED_ID}/revisions/1?lang=en`, auth);
    expect(((await first.json()) as { document: ReleaseDocument }).document.headline).toBe(seedDocument().headline);
    expect((await request(`/api/releases/${SEED_ID}/revisions/9?lang=en`, auth)).status).toBe(404);
    expect((await request(`/api/releases/${SEED_ID}/revisions?lang=en`)).status).toBe(401);
  });

  it('rolls back by writing a new revision equal to the old one', async () => {
    await store();
    await store({ ...seedDocument(), headline: 'Second' });
    const { request } = freshApp();
    const rollback = (revision: unknown) =>
      request(`/api/releases/${SEED_ID}/rollback?lang=en`, {
        method: 'POST',
        body: JSON.stringify({ revision }),
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      });
    const response = await rollback(1);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ revision: 3, message: 'Roll back to revision 1' });
    expect(((await (await request(URL_EN)).json()) as ReleaseDocument).headline).toBe(seedDocument().headline);
    expect((await rollback(7)).status).toBe(404);
    expect((await rollback('one')).status).toBe(400);
    await expectUnchanged(3);
  });
});
