import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { SEED_ID, belarusianDocument, freshApp, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';

/** The JSON-LD block of a page, parsed. */
function jsonLdOf(page: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
  expect(match, 'no JSON-LD').not.toBeNull();
  return JSON.parse(match![1]!);
}

describe('GET /releases/:id', () => {
  it('is a page readable without JavaScript, with meta tags, canonical link, JSON-LD and oEmbed discovery', async () => {
    await store();
    const response = await freshApp().request(`${ORIGIN}/releases/latest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    const page = await response.text();
    const canonical = `${ORIGIN}/releases/${SEED_ID}`;
    expect(page).toContain(`<link rel="canonical" href="${canonical}" />`);
    expect(page).toContain('<meta property="og:title" content="Belarus frees 123 political prisoners');
    expect(page).toContain('<meta name="twitter:card" content="summary" />');
    expect(page).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=${encodeURIComponent(canonical)}&amp;format=json"`,
    );
    for (const fact of ['<strong>123</strong>', 'Maria Kolesnikova', 'John Coale', 'Vilnius', '<blockquote cite=']) {
      expect(page).toContain(fact);
    }
    const ld = jsonLdOf(page) as {
      '@type': string;
      mentions: { '@type': string; name: string }[];
      citation: { url: string }[];
    };
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2025-12-13' });
    expect(ld.mentions.map((p) => p['@type'])).toEqual(Array(seedDocument().people.length).fill('Person'));
    expect(ld.citation[0]!.url).toMatch(/^https:\/\/washingtoninsider\.us\//);
  });

  // Text that could break out of markup (`<`) cannot be stored; fact-box-html.test.ts renders it.
  it('escapes the quotes and ampersands a document may hold: text, attributes and JSON-LD', async () => {
    await store({ ...seedDocument(), headline: 'Quotes " and \' & ampersands /script' });
    const page = await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}`)).text();
    expect(page).toContain('<title>Quotes &quot; and &#39; &amp; ampersands /script</title>');
    expect(page).toContain('<meta property="og:title" content="Quotes &quot; and &#39; &amp; ampersands /script" />');
    expect(jsonLdOf(page).headline).toBe('Quotes " and \' & ampersands /script');
  });

  it('answers 404 for an unknown release and ignores a hostile lang', async () => {
    await store();
    const { request } = freshApp();
    expect((await request(`${ORIGIN}/releases/nope`)).status).toBe(404);
    const page = await (await request(`${ORIGIN}/releases/${SEED_ID}?lang=%22%3E%3Cscript%3E`)).text();
    expect(page).toContain('<html lang="en">');
  });
});

describe('GET /embed/:id', () => {
  it('may be framed by any site, and by nothing else more permissive', async () => {
    await store();
    const response = await freshApp().request(`${ORIGIN}/embed/${SEED_ID}?theme=dark&lang=be&transparent=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors *",
    );
    expect(response.headers.get('X-Frame-Options')).toBeNull();
    const page = await response.text();
    expect(page).toContain(`<belarus-release release="${SEED_ID}" lang="be" theme="dark"`);
    expect(page).toContain('<script type="module" src="/embed.js"></script>');
    expect(page).toMatch(/background:\s*transparent/);
  });
});

describe('GET /oembed', () => {
  it('describes a rich iframe embed within the consumer maximums', async () => {
    await store();
    const url = `${ORIGIN}/releases/${SEED_ID}`;
    const response = await freshApp().request(
      `${ORIGIN}/oembed?url=${encodeURIComponent(url)}&maxwidth=400&maxheight=900`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'rich',
      version: '1.0',
      width: 400,
      height: 520,
      provider_name: 'belarus-release',
    });
    expect(body.cache_age).toBeGreaterThan(0);
    expect(body.html).toBe(
      `<iframe src="${ORIGIN}/embed/${SEED_ID}" width="400" height="520" title="${seedDocument().headline}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
  });

  const errors: [string, string, number][] = [
    ['a missing url', '', 400],
    ['format=xml', `url=${encodeURIComponent(`${ORIGIN}/releases/${SEED_ID}`)}&format=xml`, 501],
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

describe('GET /', () => {
  it('is a demo page with the snippet for this origin and the element in each theme and variant', async () => {
    const response = await freshApp().request('https://facts.example/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('&lt;script type=&quot;module&quot; src=&quot;https://facts.example/widget.js&quot;&gt;');
    expect(page).toContain('<script type="module" src="/widget.js"></script>');
    for (const tag of ['theme="light"', 'theme="dark"', 'variant="compact"', 'lang="be"']) {
      expect(page).toContain(tag);
    }
  });

  it('still answers when a release has no English document', async () => {
    // The store refuses a translation without English; only a hand-edited KV holds one.
    const orphan = { ...belarusianDocument(), id: 'belarus-2026-01', date: '2026-01-10' };
    const stored = JSON.stringify({ revision: 1, savedAt: '', author: '', message: '', document: orphan });
    const metadata = JSON.stringify({ revision: 1, headline: orphan.headline, date: orphan.date });
    await env.RELEASES.put('current:belarus-2026-01:be', stored, { metadata });
    const response = await freshApp().request('https://facts.example/');
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('/embed/belarus-2026-01');
  });
});
