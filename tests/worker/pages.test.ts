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

const count = (page: string, text: string) => page.split(text).length - 1;

describe('GET /releases/:id', () => {
  it('is a page readable without JavaScript, with meta tags, canonical link, JSON-LD and oEmbed discovery', async () => {
    await store();
    const response = await freshApp().request(`${ORIGIN}/releases/latest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Content-Language')).toBe('en');
    const page = await response.text();
    const canonical = `${ORIGIN}/releases/${SEED_ID}`;
    expect(page).toContain(`<link rel="canonical" href="${canonical}" />`);
    expect(page).toContain('<meta property="og:title" content="Belarus frees 123 political prisoners');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />');
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

  it('shows every fact itself, under one h1, with no element and no script to shrink it', async () => {
    await store();
    const page = await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}`)).text();
    const doc = seedDocument();
    expect(count(page, '<h1')).toBe(1);
    expect(page).not.toContain('<belarus-release');
    expect(page).not.toMatch(/<script(?! type="application\/ld\+json")/);
    const facts = [
      ...doc.people.filter((p) => p.released).map((p) => p.name),
      ...doc.quotes.map((q) => q.text),
      ...doc.sources.map((s) => s.title),
      ...doc.context.map((c) => c.text),
      ...doc.deal.terms.map((t) => t.text),
    ];
    for (const fact of facts) expect(page).toContain(fact.replaceAll("'", '&#39;').replaceAll('"', '&quot;'));
  });

  it('escapes data everywhere: text, attributes and JSON-LD', async () => {
    await store({ ...seedDocument(), headline: 'Quotes " and \' & ampersands /script' });
    const page = await (await freshApp().request(`${ORIGIN}/releases/${SEED_ID}`)).text();
    expect(page).toContain('<title>Quotes &quot; and &#39; &amp; ampersands /script</title>');
    expect(page).toContain('<meta property="og:title" content="Quotes &quot; and &#39; &amp; ampersands /script" />');
    expect(jsonLdOf(page).headline).toBe('Quotes " and \' & ampersands /script');
  });

  it('answers 404 for an unknown release', async () => {
    await store();
    expect((await freshApp().request(`${ORIGIN}/releases/nope`)).status).toBe(404);
  });
});

describe('a page made from a fallback', () => {
  it('says so and is cached briefly, on the canonical page, the iframe page and oEmbed', async () => {
    // Nothing in KV: the reader serves the copy bundled at build time.
    const { request } = freshApp();
    for (const path of [
      `/releases/${SEED_ID}`,
      `/embed/${SEED_ID}`,
      `/oembed?url=${encodeURIComponent(`${ORIGIN}/releases/${SEED_ID}`)}`,
    ]) {
      const response = await request(`${ORIGIN}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('X-Data-Fallback'), path).toBe('bundled');
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=15, s-maxage=15');
    }
  });
});

describe('GET /embed/:id', () => {
  it('may be framed by any site, and by nothing else more permissive', async () => {
    await store();
    await store(belarusianDocument());
    const response = await freshApp().request(`${ORIGIN}/embed/${SEED_ID}?theme=dark&lang=be&transparent=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors *",
    );
    expect(response.headers.get('X-Frame-Options')).toBeNull();
    expect(response.headers.get('Content-Language')).toBe('be');
    const page = await response.text();
    expect(page).toContain('<html lang="be">');
    expect(page).toContain('<script type="module" src="/embed.js"></script>');
    expect(page).toMatch(/main \{[^}]*background: transparent/);
  });

  it('is the whole box, server-rendered: every fact, no element, links out of the frame', async () => {
    await store();
    await store(belarusianDocument());
    const page = await (await freshApp().request(`${ORIGIN}/embed/${SEED_ID}?lang=be`)).text();
    expect(page).not.toContain('<belarus-release');
    expect(count(page, '<h1')).toBe(1);
    const doc = belarusianDocument();
    const facts = [...doc.people.filter((p) => p.released).map((p) => p.name), ...doc.quotes.map((q) => q.text)];
    for (const fact of facts) expect(page).toContain(fact);
    const links = [...page.matchAll(/<a [^>]*>/g)].map(([tag]) => tag);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toContain('target="_blank"');
    expect(page).toContain(`<a href="${ORIGIN}/releases/${SEED_ID}?lang=be" target="_blank"`);
  });

  const themes: [query: string, scheme: string][] = [
    ['', 'light'],
    ['?theme=light', 'light'],
    ['?theme=dark', 'dark'],
    ['?theme=auto', 'light dark'],
    ['?theme=%22%3E', 'light'],
  ];
  for (const [query, scheme] of themes) {
    it(`is color-scheme: ${scheme} for ${query || 'no theme'}: an iframe cannot see its host's`, async () => {
      await store();
      const page = await (await freshApp().request(`${ORIGIN}/embed/${SEED_ID}${query}`)).text();
      expect(page).toContain(`:root { color-scheme: ${scheme}; background: transparent; }`);
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
