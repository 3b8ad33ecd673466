/**
 * oEmbed as WordPress consumes it (wp_filter_oembed_result): a blockquote first, then the
 * iframe, and nothing the filter strips that the embed would need.
 */
import { describe, expect, it } from 'vitest';
import { SEED_ID, freshApp, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';
const PAGE = `${ORIGIN}/releases/${SEED_ID}`;

async function oembed(query: string) {
  const response = await freshApp().request(`${ORIGIN}/oembed?${query}`);
  return { response, body: (await response.json()) as Record<string, unknown> };
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
    expect(body.cache_age).toBeGreaterThan(0);
  });

  it('answers a blockquote with the linked headline, then the iframe, with no style', async () => {
    await store();
    const { body } = await oembed(`url=${encodeURIComponent(PAGE)}`);
    const headline = seedDocument().headline;
    expect(body.html).toBe(
      `<blockquote hidden lang="en"><a href="${PAGE}">${headline}</a></blockquote>` +
        `<iframe src="${ORIGIN}/embed/${SEED_ID}" width="600" height="520" title="${headline}" frameborder="0"></iframe>`,
    );
  });

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
    expect(iframe).toContain(`src="${ORIGIN}/embed/${SEED_ID}?lang=ru"`);
  });

  it('takes lang as the pages do: canonical, English when the release lacks it, the note in the frame', async () => {
    await store({ ...seedDocument(), id: 'belarus-2026-01' });
    const url = encodeURIComponent(`${ORIGIN}/releases/belarus-2026-01?lang=be-BY`);
    const { body } = await oembed(`url=${url}`);
    expect(body.title).toBe(seedDocument().headline);
    expect(body.html).toContain(`<blockquote hidden lang="en"><a href="${ORIGIN}/releases/belarus-2026-01?lang=be">`);
    expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/belarus-2026-01?lang=be"`);
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
