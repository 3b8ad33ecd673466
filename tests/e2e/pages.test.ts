/**
 * The script-free embeds against the running worker: valid HTML, structured data, and an oEmbed
 * consumer library that discovers the embed by itself. (The iframe in Chromium: iframe.test.ts,
 * wordpress.test.ts; the canonical page in Chromium: canonical.test.ts.)
 */
import { extract } from '@extractus/oembed-extractor';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';

const ID = 'belarus-2025-12';
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker();
});
afterAll(async () => {
  await worker?.dispose();
});

describe('the canonical and embed pages', () => {
  for (const path of [`/releases/${ID}`, `/releases/${ID}?lang=be`, `/embed/${ID}?theme=dark&lang=ru`, '/']) {
    it(`${path} is valid HTML`, async () => {
      const page = await (await fetch(`${worker.origin}${path}`)).text();
      const validator = new HtmlValidate({
        extends: ['html-validate:standard', 'html-validate:document'],
        // <belarus-release> is a custom element; its fallback content may be flow content.
        elements: ['html5', { 'belarus-release': { flow: true, phrasing: true, permittedContent: ['@flow'] } }],
        // Our own same-origin scripts need no SRI; a cross-origin one would.
        rules: { 'no-inline-style': 'off', 'require-sri': ['error', { target: 'crossorigin' }] },
      });
      const report = await validator.validateString(page);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    });
  }

  it('carries schema.org NewsArticle data with the people and the sources', async () => {
    const page = await (await fetch(`${worker.origin}/releases/latest`)).text();
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    for (const field of ['headline', 'description', 'datePublished', 'url', 'about', 'mentions', 'citation']) {
      expect(ld, field).toHaveProperty(field);
    }
    expect(ld.mentions.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Maria Kolesnikova', 'Ales Bialiatski', 'John Coale']),
    );
    expect(ld.url).toBe(`${worker.origin}/releases/${ID}`);
  });
});

describe('oEmbed', () => {
  it('is discovered and fetched by an oEmbed consumer library from the page URL alone', async () => {
    // A maximum wider than the card: the card is the thumbnail (a narrower one leaves it out).
    const data = await extract(`${worker.origin}/releases/${ID}`, { maxwidth: 1280 });
    expect(data).toMatchObject({ type: 'rich', version: '1.0', width: 600, provider_name: 'belarus-release' });
    expect(data.html).toContain(`<iframe src="${worker.origin}/embed/${ID}?maxwidth=600" width="100%"`);
    expect(data).toMatchObject({ thumbnail_width: 1200, thumbnail_height: 630 });
    expect(data.thumbnail_url).toMatch(new RegExp(`^${worker.origin}/cards/${ID}/en/[0-9a-f]{8}\\.png$`));
  });
});
