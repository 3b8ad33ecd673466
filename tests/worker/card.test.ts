/**
 * Link-preview cards in the worker: the admin API stores a card only when it is a whole
 * 1200 × 630 PNG within the size limit, with the token, for a revision that exists; the card is
 * served at the URL the pages name, with an ETag and a year of caching, while it is the
 * published document's; a release whose card is not stored, or that KV cannot give, gets the
 * default card, never a broken image; an unpublished release's card is gone (410).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_PNG } from '../../dist/card-bundle';
import { cardContent, cardKey } from '../../factbox/card';
import { MAX_CARD_BYTES } from '../../worker/png';
import { ADMIN_TOKEN, SEED_ID, adminInit, faultyKv, freshApp, russianDocument, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';
/** A real card: the default one the build drew (cli/build-card.ts). */
const CARD = Uint8Array.from(atob(DEFAULT_CARD_PNG), (c) => c.charCodeAt(0));

const upload = (body: BodyInit, { type = 'image/png', token = ADMIN_TOKEN, lang = 'en', revision = 1 } = {}) =>
  freshApp().request(`/api/releases/${SEED_ID}/card?lang=${lang}&revision=${revision}`, {
    method: 'PUT',
    body,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
  });

/** `CARD` with IHDR saying another size. */
function sized(width: number, height: number): Uint8Array {
  const copy = CARD.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return copy;
}

/** The og:image URL of a page. */
const ogImage = (page: string) => /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];

async function expectProblem(response: Response, status: number, detail: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await response.json()) as { status: number; detail: string };
  expect(body.status).toBe(status);
  expect(body.detail).toMatch(detail);
}

const storedCards = async () => (await env.RELEASES.list({ prefix: 'card:' })).keys.length;

describe('PUT /api/releases/:id/card', () => {
  it('stores a card for a revision and answers where it is served', async () => {
    await store();
    const response = await upload(CARD);
    expect(response.status).toBe(200);
    const key = cardKey(cardContent(seedDocument()));
    const body = (await response.json()) as { key: string; etag: string; path: string };
    expect(body).toMatchObject({ key, path: `/cards/${SEED_ID}/en/${key}.png` });
    expect(body.etag).toMatch(/^"card-[0-9a-f]{16}"$/);
  });

  const refusals: [string, () => Response | Promise<Response>, number, RegExp][] = [
    ['a wrong token', () => upload(CARD, { token: 'wrong' }), 401, /Bearer/],
    ['a body that is not image/png', () => upload(CARD, { type: 'image/jpeg' }), 415, /image\/png, not "image\/jpeg"/],
    ['a GIF sent as image/png', () => upload('GIF89a\x01\x00\x01\x00'), 415, /not a PNG/],
    ['a PNG of 600 × 315', () => upload(sized(600, 315)), 400, /600 × 315 pixels; a card is 1200 × 630/],
    ['a PNG cut off before its end', () => upload(CARD.slice(0, CARD.length - 100)), 400, /IEND/],
    ['a signature and nothing else', () => upload(CARD.slice(0, 8)), 400, /no IHDR/],
    ['a body over the limit', () => upload(new Uint8Array(MAX_CARD_BYTES + 1)), 413, /larger than 262144 bytes/],
    [
      'a revision that does not exist',
      () => upload(CARD, { revision: 9 }),
      404,
      /no revision 9 of belarus-2025-12\/en/,
    ],
    ['a language with no document', () => upload(CARD, { lang: 'pl' }), 404, /no revision 1 of belarus-2025-12\/pl/],
  ];
  for (const [what, send, status, detail] of refusals) {
    it(`refuses ${what} with ${status} and stores nothing`, async () => {
      await store();
      await expectProblem(await send(), status, detail);
      expect(await storedCards()).toBe(0);
    });
  }

  it('is closed to other origins: no CORS headers, preflight refused', async () => {
    await store();
    const response = await upload(CARD);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await freshApp().request(`/api/releases/${SEED_ID}/card`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(405);
  });
});

describe('GET /cards/…', () => {
  it("serves the stored card at the canonical page's og:image, cached for a year, 304 on its ETag", async () => {
    await store();
    await upload(CARD);
    const { request } = freshApp();
    const page = await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text();
    const url = ogImage(page)!;
    expect(url).toMatch(new RegExp(`^${ORIGIN}/cards/${SEED_ID}/en/[0-9a-f]{8}\\.png$`));
    const response = await request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('X-Data-Fallback')).toBeNull();
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(CARD);
    const etag = response.headers.get('ETag')!;
    const again = await request(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
  });

  it('names a new card URL when a revision changes what the card says, and keeps it when not', async () => {
    await store();
    const { request } = freshApp();
    const first = ogImage(await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text());
    await store({ ...seedDocument(), summary: 'A summary the card does not show.' });
    const same = ogImage(await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}`)).text());
    await store({ ...seedDocument(), headline: 'A new headline' });
    const changed = ogImage(await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}`)).text());
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });

  it("points each language's page at that language's card, with the size and alt text in it", async () => {
    await store();
    await store(russianDocument());
    const page = await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}?lang=ru`)).text();
    expect(ogImage(page)).toContain(`/cards/${SEED_ID}/ru/`);
    expect(page).toContain('<meta property="og:image:width" content="1200" />');
    expect(page).toContain('<meta property="og:image:height" content="630" />');
    expect(page).toContain(
      '<meta property="og:image:alt" content="123 политзаключённых освобождено. Беларусь освободила 123',
    );
    // One full stop after the date, which has its own ("г."), and one at the end.
    expect(page).toContain('13 декабря 2025\u00a0г. Источник: Washington Insider, по данным BBC News." />');
  });

  it('answers with the default card, briefly cached, while a release has no card stored', async () => {
    await store();
    const { request } = freshApp();
    const url = ogImage(await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text())!;
    const response = await request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('X-Data-Fallback')).toBe('default-card');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300, s-maxage=300');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(CARD);
  });

  it('answers with the default card when KV fails or hangs, and for ids no release can have', async () => {
    await store();
    await upload(CARD);
    const key = cardKey(cardContent(seedDocument()));
    const faulty = faultyKv();
    for (const mode of ['throw', 'hang'] as const) {
      faulty.state.mode = mode;
      const { request, faults } = freshApp();
      const failing = await request(`/cards/${SEED_ID}/en/${key}.png`, {}, faulty.env);
      expect(failing.status, mode).toBe(200);
      expect(failing.headers.get('X-Data-Fallback'), mode).toBe('default-card');
      // The document's read falls back to the bundled copy; the card's, to the default card.
      expect(faults, mode).toContainEqual(expect.stringContaining('KV fault while reading a card'));
    }
    for (const path of [`/cards/NOT_AN_ID/en/${key}.png`, `/cards/${'a'.repeat(81)}/en/${key}.png`]) {
      const response = await freshApp().request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Data-Fallback')).toBe('default-card');
    }
    expect((await freshApp().request(`/cards/${SEED_ID}/en/${key}.gif`)).status).toBe(404);
  });

  it("shows a draft's card to no one: the published card stays, the draft's answers the default", async () => {
    await store();
    await upload(CARD);
    const { request } = freshApp();
    const published = ogImage(await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text())!;
    const draft = { ...seedDocument(), headline: 'A headline still in draft' };
    const etag = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
    const pushed = await request(
      `/api/releases/${SEED_ID}?lang=en&draft=true`,
      adminInit('PUT', draft, { 'If-Match': etag }),
    );
    expect(pushed.status).toBe(200);
    expect((await upload(CARD, { revision: 2 })).status).toBe(200);
    const draftCard = `/cards/${SEED_ID}/en/${cardKey(cardContent(draft))}.png`;
    expect((await request(draftCard)).headers.get('X-Data-Fallback')).toBe('default-card');
    const current = await request(published);
    expect(current.headers.get('X-Data-Fallback')).toBeNull();
    expect(current.headers.get('Cache-Tag')).toBe(`release:${SEED_ID}`);
  });

  it("answers 410 for an unpublished release's card, tagged so that unpublishing purges it", async () => {
    await store();
    await upload(CARD);
    const { request } = freshApp();
    const url = ogImage(await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text())!;
    const headers = { 'X-Revision-Message': 'Legal%20check' };
    expect((await request(`/api/releases/${SEED_ID}/unpublish`, adminInit('POST', undefined, headers))).status).toBe(
      200,
    );
    await expectProblem(await request(url), 410, /unpublished/);
  });

  it('serves the default card itself at /cards/default.png, CORS-open, with an ETag', async () => {
    const response = await freshApp().request('/cards/default.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('ETag')).toMatch(/^"card-default-[0-9a-f]{8}"$/);
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
