/**
 * The script-free embeds against the running worker: valid HTML, structured data, an oEmbed
 * consumer library that discovers the embed by itself, and the iframe in a page of another
 * origin, rendering the facts and resizing to its content.
 */
import { extract } from '@extractus/oembed-extractor';
import { HtmlValidate } from 'html-validate';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { CHROMIUM_LAUNCH } from '../browser';

const ID = 'belarus-2025-12';
let worker: LocalWorker;
let site: Server | undefined;

beforeAll(async () => {
  worker = await startLocalWorker();
});
afterAll(async () => {
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await worker?.dispose();
});

describe('the canonical and embed pages', () => {
  for (const path of [`/releases/${ID}`, `/embed/${ID}?theme=dark&lang=be`, '/']) {
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
    const data = await extract(`${worker.origin}/releases/${ID}`, { maxwidth: 480 });
    expect(data).toMatchObject({ type: 'rich', version: '1.0', width: 480, provider_name: 'belarus-release' });
    expect(data.html).toContain(`<iframe src="${worker.origin}/embed/${ID}"`);
  });
});

describe('the iframe embed', () => {
  it('renders the facts inside a page of another origin and resizes to them', async () => {
    site = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>A blog</title>
        <iframe src="${worker.origin}/embed/${ID}" width="600" height="150" title="Fact box" style="border:0"></iframe>
        <script>
          addEventListener('message', (event) => {
            if (event.origin !== '${worker.origin}' || event.data?.type !== 'belarus-release:resize') return;
            document.querySelector('iframe').height = event.data.height;
          });
        </script>`);
    });
    await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      const frame = page.frameLocator('iframe');
      await expect.poll(() => frame.locator('belarus-release h2').textContent(), { timeout: 15_000 }).toContain('123');
      await expect.poll(() => page.locator('iframe').getAttribute('height'), { timeout: 15_000 }).not.toBe('150');
      expect(Number(await page.locator('iframe').getAttribute('height'))).toBeGreaterThanOrEqual(480);
    } finally {
      await browser.close();
    }
  });
});
