/**
 * oEmbed as WordPress consumes it (wp_filter_oembed_result): a blockquote first, then the
 * iframe, and nothing the filter strips that the embed would need.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_PNG } from '../../dist/card-bundle';
import { ADMIN_TOKEN, SEED_ID, freshApp, russianDocument, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';
const PAGE = `${ORIGIN}/releases/${SEED_ID}`;

async function oembed(query: string) {
  const response = await freshApp().request(`${ORIGIN}/oembed?${query}`);
  return { response, body: (await response.json()) as Record<string, unknown> };
}

/** A real card: the default one the build drew (cli/build-card.ts). */
const CARD = Uint8Array.from(atob(DEFAULT_CARD_PNG), (c) => c.charCodeAt(0));

/** The og:image a release page names. */
async function ogImage(page: string) {
  const html = await (await freshApp().request(page)).text();
  return /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
}

/** Stores `png` as the card of revision 1 of `lang`, through the admin API. */
async function uploadCard(lang: string, png: Uint8Array) {
  const response = await freshApp().request(`/api/releases/${SEED_ID}/card?lang=${lang}&revision=1`, {
    method: 'PUT',
    body: png,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'image/png' },
  });
  expect(response.status).toBe(200);
}

describe('GET /oembed', () => {
  it('describes a rich embed within the consumer maximums', async () => {
    await store();
    const { response, body } = await oembed(`url=${encodeURIComponent(PAGE)}&maxwidth=400&maxheight=900`);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      type: 'rich',
      version: '1.0',
      width: 400,
      height: 520,
      provider_name: 'belarus-release',
    });
    // No longer than the page itself may be kept: an edited headline reaches the markup as fast.
    expect(body.cache_age).toBe(300);
    const page = await freshApp().request(PAGE);
    expect(response.headers.get('Cache-Control')).toBe(page.headers.get('Cache-Control'));
  });

  it('answers a blockquote with the linked headline, then the iframe as wide as its column, with no style', async () => {
    await store();
    const { body } = await oembed(`url=${encodeURIComponent(PAGE)}`);
    const headline = seedDocument().headline;
    expect(body.html).toBe(
      `<blockquote hidden lang="en"><a href="${PAGE}">${headline}</a></blockquote>` +
        `<iframe src="${ORIGIN}/embed/${SEED_ID}?maxwidth=600" width="100%" height="520" title="${headline}" frameborder="0"></iframe>`,
    );
  });

  const options: [what: string, url: string, src: string][] = [
    [
      'theme and transparent',
      `embed/${SEED_ID}?theme=dark&lang=pl&transparent=1`,
      '?lang=pl&amp;theme=dark&amp;transparent=1',
    ],
    ['theme=auto on the canonical page', `releases/${SEED_ID}?theme=auto`, '?theme=auto'],
    ['nothing of a hostile theme', `embed/${SEED_ID}?theme=%22%3E%3Cscript%3E&transparent=yes`, '?'],
  ];
  for (const [what, url, src] of options) {
    it(`keeps the iframe page's options the URL gives: ${what}`, async () => {
      await store();
      const { body } = await oembed(`url=${encodeURIComponent(`${ORIGIN}/${url}`)}&maxwidth=450`);
      const query = src === '?' ? '?maxwidth=450' : `${src}&amp;maxwidth=450`;
      expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/${SEED_ID}${query}" width="100%"`);
    });
  }

  const thumbnails: [query: string, shown: boolean][] = [
    ['', true],
    ['&maxwidth=1200&maxheight=630', true],
    ['&maxwidth=2000&maxheight=2000', true],
    ['&maxwidth=400', false],
    ['&maxheight=600', false],
    ['&maxwidth=1199&maxheight=900', false],
  ];
  for (const [query, shown] of thumbnails) {
    it(`${shown ? 'names' : 'leaves out'} the 1200 × 630 thumbnail for ${query || 'no maximums'}`, async () => {
      await store();
      const { body } = await oembed(`url=${encodeURIComponent(PAGE)}${query}`);
      const fields = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((name) => name in body);
      expect(fields).toHaveLength(shown ? 3 : 0);
    });
  }

  it('keeps what WordPress keeps: its pattern finds the blockquote and the iframe, and only allowed attributes', async () => {
    await store();
    const { body } = await oembed(`url=${encodeURIComponent(`${PAGE}?lang=ru`)}`);
    const html = String(body.html);
    // wp-includes/embed.php, wp_filter_oembed_result, once wp_kses has left blockquote bare.
    const bare = html.replace(/<blockquote[^>]*>/, '<blockquote>');
    const match = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(bare);
    expect(match?.[1]).toContain('<a href=');
    const iframe = match?.[2] ?? '';
    const names = [...iframe.matchAll(/ ([a-z-]+)="/g)].map((m) => m[1]);
    expect(names.every((name) => ['src', 'width', 'height', 'frameborder', 'title'].includes(name!))).toBe(true);
    expect(iframe).toContain(`src="${ORIGIN}/embed/${SEED_ID}?lang=ru&amp;maxwidth=600"`);
  });

  it('takes lang as the pages do: canonical, English when the release lacks it, the note in the frame', async () => {
    await store({ ...seedDocument(), id: 'belarus-2026-01' });
    const url = encodeURIComponent(`${ORIGIN}/releases/belarus-2026-01?lang=be-BY`);
    const { body } = await oembed(`url=${url}`);
    expect(body.title).toBe(seedDocument().headline);
    expect(body.html).toContain(`<blockquote hidden lang="en"><a href="${ORIGIN}/releases/belarus-2026-01?lang=be">`);
    expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/belarus-2026-01?lang=be&amp;maxwidth=600"`);
  });

  it("names as thumbnail the card the page's og:image names, in English and in Russian, served from the worker", async () => {
    await store();
    await store(russianDocument());
    // Not the default card: the stored one proves the URL reaches each language's own card.
    const card = CARD.slice();
    card[CARD.length - 13] ^= 0xff; // the CRC before IEND: no check reads it (worker/png.ts)
    await uploadCard('en', CARD);
    await uploadCard('ru', card);
    for (const [lang, page, png] of [
      ['en', PAGE, CARD],
      ['ru', `${PAGE}?lang=ru`, card],
    ] as const) {
      const { body } = await oembed(`url=${encodeURIComponent(page)}`);
      expect(body.thumbnail_url, lang).toBe(await ogImage(page));
      expect(body.thumbnail_url, lang).toMatch(new RegExp(`^${ORIGIN}/cards/${SEED_ID}/${lang}/[0-9a-f]{8}\\.png$`));
      expect([body.thumbnail_width, body.thumbnail_height], lang).toEqual([1200, 630]);
      const image = await freshApp().request(String(body.thumbnail_url));
      expect(image.status, lang).toBe(200);
      expect(image.headers.get('Content-Type'), lang).toBe('image/png');
      expect(image.headers.get('X-Data-Fallback'), lang).toBeNull();
      expect(new Uint8Array(await image.arrayBuffer()), lang).toEqual(png);
    }
  });

  it('names the URL that answers the default card while a release has no card stored', async () => {
    await store();
    const { body } = await oembed(`url=${encodeURIComponent(PAGE)}`);
    expect(body.thumbnail_url).toBe(await ogImage(PAGE));
    const image = await freshApp().request(String(body.thumbnail_url));
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(image.headers.get('X-Data-Fallback')).toBe('default-card');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(CARD);
  });

  it("names the English card for a language the release lacks, as the page's og:image does", async () => {
    await store();
    const page = `${PAGE}?lang=pl`;
    const { body } = await oembed(`url=${encodeURIComponent(page)}`);
    expect(body.thumbnail_url).toBe(await ogImage(page));
    expect(body.thumbnail_url).toContain(`/cards/${SEED_ID}/en/`);
  });

  const errors: [string, string, number][] = [
    ['a missing url', '', 400],
    ['format=xml', `url=${encodeURIComponent(PAGE)}&format=xml`, 501],
    ['an unknown release', `url=${encodeURIComponent(`${ORIGIN}/releases/nope`)}`, 404],
    ['a URL of another site', `url=${encodeURIComponent(`https://evil.example/releases/${SEED_ID}`)}`, 404],
    ['a URL that is not one', 'url=javascript%3Aalert(1)', 404],
  ];
  for (const [what, query, status] of errors) {
    it(`answers ${status} for ${what}`, async () => {
      await store();
      const response = await freshApp().request(`${ORIGIN}/oembed?${query}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    });
  }
});
