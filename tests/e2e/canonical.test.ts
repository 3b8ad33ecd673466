/**
 * The canonical page and the iframe page as readers get them, in Chromium: the canonical page
 * stays a complete page (one h1, every fact, no element, no second request), passes axe-core,
 * prints every fact in black and white; its language versions resolve; long words wrap.
 */
import { createRequire } from 'node:module';
import type { BrowserContextOptions } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRevision } from '../../worker/write';
import { RELEASE_ID, everyFact, shippedDocument, squash, startForFile } from './embed-host';

/** An English-only release whose summary holds a 200-character word. */
const LONG = 'long-words-2025';

const run = startForFile();
let canonical: string;

beforeAll(async () => {
  canonical = `${run.worker.origin}/releases/${RELEASE_ID}`;
  const doc = await shippedDocument();
  const summary = `${doc.summary} ${'Lukashenko'.repeat(20)}`;
  await writeRevision(
    run.worker.kv,
    { ...doc, id: LONG, date: '2025-01-01', summary },
    { author: 'test', message: '' },
  );
});

async function open(url: string, options: BrowserContextOptions = {}) {
  const context = await run.browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, requests, close: () => context.close() };
}

describe('the canonical page', () => {
  for (const lang of ['en', 'ru']) {
    it(`shows every fact under one h1, with no element and no second request (${lang})`, async () => {
      const { page, requests, close } = await open(lang === 'en' ? canonical : `${canonical}?lang=${lang}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').count()).toBe(1);
      const text = squash(await page.locator('main').innerText());
      for (const fact of everyFact(await shippedDocument(lang))) expect(text).toContain(squash(fact));
      expect(await page.evaluate(() => customElements.get('belarus-release'))).toBeUndefined();
      expect(await page.locator('belarus-release').count()).toBe(0);
      expect(requests).toEqual([page.url()]);
      await close();
    });
  }

  for (const [lang, colorScheme] of [
    ['en', 'light'],
    ['be', 'dark'],
  ] as const) {
    it(`passes axe-core with no violations (${lang}, ${colorScheme})`, async () => {
      const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      for (const path of [
        `/releases/${RELEASE_ID}?lang=${lang}`,
        `/embed/${RELEASE_ID}?lang=${lang}&theme=${colorScheme}`,
      ]) {
        // axe is injected as a script, which the pages' CSP would refuse.
        const { page, close } = await open(`${run.worker.origin}${path}`, { colorScheme, bypassCSP: true });
        await page.addScriptTag({ path: axe });
        const violations = await page.evaluate(async () => {
          const { axe } = window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } };
          return (await axe.run()).violations.map((v) => v.id);
        });
        expect(violations, path).toEqual([]);
        await close();
      }
    });
  }

  it('prints every quote and source, black on white, with the sources’ addresses', async () => {
    const { page, close } = await open(canonical, { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const doc = await shippedDocument();
    for (const quote of doc.quotes) expect(await page.getByText(quote.text).isVisible()).toBe(true);
    for (const source of doc.sources) expect(await page.getByText(source.title).isVisible()).toBe(true);
    const colours = await page.evaluate(() =>
      ['h1', 'blockquote', 'figcaption', '.count', "[part='sources'] a"].map((s) => {
        const style = getComputedStyle(document.querySelector(s)!);
        return [style.color, getComputedStyle(document.documentElement).backgroundColor];
      }),
    );
    for (const [colour, background] of colours) {
      expect([colour, background]).toEqual([
        'rgb(0, 0, 0)',
        expect.stringMatching(/^rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)$/),
      ]);
    }
    const after = await page.evaluate(
      () => getComputedStyle(document.querySelector("[part='sources'] a")!, '::after').content,
    );
    expect(after).toContain(doc.sources[0]!.url);
    expect(await page.locator('nav.languages').isVisible()).toBe(false);
    await close();
  });

  it('quotes in Belarusian with Belarusian quotation marks, which Chromium does not know', async () => {
    const { page, close } = await open(`${canonical}?lang=be`);
    const quotes = await page
      .locator('q')
      .first()
      .evaluate((q) => getComputedStyle(q).quotes);
    expect(quotes).toContain('«');
    await close();
  });

  it('links language versions that each answer 200 in their language', async () => {
    const { page, close } = await open(`${canonical}?lang=uk`);
    const alternates = await page
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!] as const));
    expect(alternates.map(([lang]) => lang)).toEqual(['en', 'be', 'ru', 'uk', 'pl', 'lt', 'x-default']);
    for (const [hreflang, href] of alternates) {
      const lang = hreflang === 'x-default' ? 'en' : hreflang;
      const response = await fetch(href);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Language')).toBe(lang);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<link rel="canonical" href="${href}" />`);
    }
    const switcher = await page
      .locator('nav.languages a')
      .evaluateAll((links) =>
        links.map((a) => [a.getAttribute('lang'), a.getAttribute('hreflang'), (a as HTMLAnchorElement).href]),
      );
    expect(switcher).toEqual(alternates.slice(0, -1).map(([lang, href]) => [lang, lang, href]));
    await close();
  });
});

describe('every page', () => {
  for (const path of [`/releases/${LONG}`, `/embed/${LONG}`, '/']) {
    it(`wraps a 200-character word within a 360 px screen: ${path}`, async () => {
      const { page, close } = await open(`${run.worker.origin}${path}`, { viewport: { width: 360, height: 740 } });
      if (path !== '/') expect(await page.locator('body').innerText()).toContain('Lukashenko'.repeat(20));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await close();
    });
  }

  it('shows a Belarusian reader of an English-only release the English box and a note in Belarusian', async () => {
    const { page, close } = await open(`${run.worker.origin}/releases/${LONG}?lang=be`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const note = page.locator('main [part=header] > .note');
    expect(await note.getAttribute('lang')).toBe('be');
    expect(await note.textContent()).toMatch(/[а-яўі]/);
    expect(await page.locator('h2').first().textContent()).toBe('Who was freed');
    await close();
  });
});
