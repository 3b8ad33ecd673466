/**
 * The iframe markup as a news site pastes it (the oEmbed `html`, the README's "Anything else"),
 * on a host with a strict CSP (no inline style or script) and no listener, in Chromium: it fits
 * its column at any width, and a frame shorter than the facts ends the box on whole blocks
 * above "All facts", with nothing to scroll inside; a host that grows the frame gets every
 * block back. Also what an unknown release looks like in a frame.
 */
import type { Frame, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { RELEASE_ID, fullHeight, startForFile } from './embed-host';

/** A host that allows no inline style or script: its CSS and its scripts are files of its own. */
const HOST_CSS = `body { margin: 0; padding: 16px; font-family: Georgia, serif; background: #fbf8f1 }
main { max-width: 680px; margin: auto }`;
/** What the host page hears, for the test to read: nothing here resizes the frame. */
const RECORDER = `window.heard = []; addEventListener('message', (e) => heard.push(e.data));`;

const cases = [
  { name: 'en-light', url: `/embed/${RELEASE_ID}`, link: 'All facts' },
  { name: 'ru-dark', url: `/embed/${RELEASE_ID}?lang=ru&theme=dark`, link: 'Все факты' },
] as const;

const run = startForFile(async (origin) => {
  const csp = `default-src 'self'; frame-src ${origin}`;
  const host = (body: string) => `<!doctype html><html lang="en">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>A news site</title><link rel="stylesheet" href="/host.css"><script src="/recorder.js"></script>
    <main><p>Our report from Minsk.</p>${body}<p>More reporting.</p></main>`;
  const snippet = async (url: string) => {
    const answer = await fetch(`${origin}/oembed?url=${encodeURIComponent(origin + url)}&format=json`);
    return ((await answer.json()) as { html: string }).html;
  };
  const pages = Object.fromEntries(
    await Promise.all(cases.map(async (c) => [`/${c.name}`, host(await snippet(c.url))] as const)),
  );
  return {
    ...pages,
    '/host.css': { body: HOST_CSS, type: 'text/css' },
    '/recorder.js': { body: RECORDER, type: 'text/javascript' },
    '/missing': host(`<iframe src="${origin}/embed/belarus-2025-13?lang=ru" width="100%" height="300"></iframe>`),
  };
});

const embedFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(`${run.worker.origin}/embed/`))!;

/** Opens a host page at `width` and waits until the frame has fitted its box. */
async function open(path: string, width: number) {
  const page = await run.browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  // The 404 of an unknown release is logged as a failed load: only a refusal is an error here.
  page.on('console', (m) => (/Content Security Policy|Refused/i.test(m.text()) ? errors.push(m.text()) : undefined));
  await page.goto(`${run.site.origin}${path}`);
  const frame = embedFrame(page);
  await frame.waitForLoadState();
  await expect.poll(() => heard(page)).not.toHaveLength(0);
  return { page, frame, errors };
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: unknown[] }).heard);

/** Every line of text in the frame that the frame's bottom edge cuts or hides. */
const cutLines = (frame: Frame) =>
  frame.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const rect of range.getClientRects())
        if (rect.height > 0 && rect.bottom > innerHeight + 0.5) found.push(text.textContent!.trim().slice(0, 40));
    }
    return found;
  });

describe('the iframe markup on a host with a strict CSP', () => {
  for (const width of [232, 300, 360, 632, 1280]) {
    it(`fits its column at a ${width} px viewport: nothing scrolls sideways, the box at most 600 px`, async () => {
      const { page, frame, errors } = await open('/en-light', width);
      const column = await page.locator('main').evaluate((main) => main.clientWidth);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const iframe = await page.locator('iframe').boundingBox();
      expect(iframe!.width).toBe(column);
      const box = await frame.locator('main').evaluate((main) => main.getBoundingClientRect().width);
      expect(box).toBe(Math.min(column, 600));
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      // Nothing of the markup needed what the CSP refuses.
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('a frame no host resizes', () => {
  for (const { name, link } of cases) {
    for (const width of [360, 1280]) {
      it(`ends the box on the last whole block above "${link}", nothing to scroll (${name}, ${width} px)`, async () => {
        const { page, frame } = await open(`/${name}`, width);
        expect(await page.locator('iframe').getAttribute('height')).toBe('520');
        await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBeGreaterThan(0);
        expect(await frame.locator('.fact-box > :not([hidden]) h1').count()).toBe(1);
        expect(await frame.locator('.page-link a').textContent()).toBe(link);
        expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
        expect(await cutLines(frame)).toEqual([]);
        // What it posts is every block's height, for a host that would listen.
        const full = await fullHeight(frame);
        expect(full).toBeGreaterThan(520);
        expect(await heard(page)).toContainEqual({ type: 'belarus-release:resize', height: full });
        await page.close();
      });
    }
  }

  it('settles: no block is shown or hidden again once it fits (no resize loop)', async () => {
    const { page, frame } = await open('/en-light', 360);
    await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBeGreaterThan(0);
    const changes = await frame.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          new MutationObserver((records) => (count += records.length)).observe(document.body, {
            attributes: true,
            attributeFilter: ['hidden'],
            subtree: true,
          });
          setTimeout(() => resolve(count), 1500);
        }),
    );
    expect(changes).toBe(0);
    await page.close();
  });

  it('shows every block again when the host grows the frame, and cuts again when it shrinks it', async () => {
    const { page, frame } = await open('/ru-dark', 360);
    const full = await fullHeight(frame);
    await page.locator('iframe').evaluate((iframe, height) => iframe.setAttribute('height', String(height)), full);
    await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBe(0);
    expect(await frame.locator('.page-link a').textContent()).toBe('Страница с фактами');
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await page.locator('iframe').evaluate((iframe) => iframe.setAttribute('height', '700'));
    await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBeGreaterThan(0);
    expect(await cutLines(frame)).toEqual([]);
    await page.close();
  });
});

describe('an unknown release in a frame', () => {
  it("shows the reader a page in the frame's language, not a blocked frame, and posts its height", async () => {
    const { page, frame, errors } = await open('/missing', 360);
    expect(await frame.locator('h1').textContent()).toBe('Такого освобождения нет');
    expect(await frame.locator('a').getAttribute('href')).toBe(`${run.worker.origin}/releases/${RELEASE_ID}?lang=ru`);
    const height = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(await heard(page)).toContainEqual({ type: 'belarus-release:resize', height });
    expect(errors).toEqual([]);
    await page.close();
  });
});
