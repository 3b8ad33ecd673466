/**
 * The iframe page on a news site of another origin, in Chromium: complete without JavaScript
 * and in a sandbox, and sized to its content by the protocols hosts already run (ours, NPR's
 * Pym.js from npm, AMP's embed-size), with no code of ours on the host. The Pym.js host and the
 * host listening to our own message paste the README's snippets as they are written there.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { RELEASE_ID, everyFact, fullHeight, shippedDocument, shownHeight, squash, startForFile } from './embed-host';

/** The README's HTML example that holds `marker`, pointed at the worker at `origin`. */
async function readmeExample(marker: string, origin: string): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const examples = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const example = examples.find((e) => e.includes(marker));
  if (!example) throw new Error(`README has no HTML example with ${marker}`);
  return example.replaceAll('https://<worker-host>', origin);
}

const run = startForFile(async (origin) => {
  const embed = `${origin}/embed/${RELEASE_ID}`;
  const pym = await readFile(new URL(import.meta.resolve('pym.js/dist/pym.v1.min.js')), 'utf8');
  const page = (body: string) => `<!doctype html><html lang="en"><title>A news site</title><p>Our report.</p>${body}`;
  return {
    '/plain': `<!doctype html><html lang="en"><title>A blog</title>
      <iframe src="${embed}" width="600" height="600" title="Fact box"></iframe>
      <iframe src="${embed}?lang=ru" sandbox width="600" height="600" title="Fact box, sandboxed"></iframe>`,
    '/pym.v1.min.js': { body: pym, type: 'text/javascript' },
    // NPR's own markup, as the README gives it, with Pym.js from npm instead of NPR's CDN.
    '/pym': page((await readmeExample('pym.Parent', origin)).replace('https://pym.nprapps.org/', '/')),
    '/listener': page(await readmeExample('belarus-release:resize', origin)),
    // What an amp-iframe resizable hears: the frame's messages, collected for the test.
    '/amp': `<!doctype html><html lang="en"><title>An AMP page</title>
      <script>window.heard = []; addEventListener('message', (e) => heard.push({ origin: e.origin, data: e.data }));</script>
      <iframe src="${embed}" width="360" height="300" title="Fact box"></iframe>`,
  };
});
const embedUrl = () => `${run.worker.origin}/embed/${RELEASE_ID}`;

const embedFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(embedUrl()))!;

describe('the iframe page without JavaScript', () => {
  for (const [what, javaScriptEnabled, frameIndex] of [
    ['with JavaScript disabled', false, 0],
    ['in a sandbox without allow-scripts', true, 1],
  ] as const) {
    it(`contains every fact ${what}`, async () => {
      const context = await run.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${run.site.origin}/plain`);
      const frame = page.frames().filter((f) => f.url().startsWith(embedUrl()))[frameIndex]!;
      await frame.waitForLoadState();
      const text = squash(await frame.locator('body').innerText());
      const doc = await shippedDocument(frameIndex === 0 ? 'en' : 'ru');
      for (const fact of everyFact(doc)) expect(text).toContain(squash(fact));
      // Links leave the frame: none would open inside it, where the canonical page refuses to be.
      const targets = await frame.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('target')));
      expect(new Set(targets)).toEqual(new Set(['_blank']));
      await context.close();
    });
  }
});

describe('the iframe page sizing its frame', () => {
  it('speaks its own message: a host listening to belarus-release:resize fits the frame to the content', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.origin}/listener`);
    const frame = embedFrame(page);
    await frame.waitForLoadState();
    await expect
      .poll(async () => Number(await page.locator('iframe').getAttribute('height')))
      .toBe(await fullHeight(frame));
    // Grown to all of it: no block is cut any more, and the link names the page.
    await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBe(0);
    expect(await shownHeight(frame)).toBe(await fullHeight(frame));
    expect(await frame.locator('.page-link a').textContent()).toBe('Fact page');
    // The blockquote is for WordPress, which drops `hidden`; here the frame stands alone.
    expect(await page.locator('blockquote').isVisible()).toBe(false);
    await page.close();
  });

  it('is sized by the real Pym.js parent from npm, and again when the width changes', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${run.site.origin}/pym`);
    const iframe = page.locator('#belarus-release iframe');
    await iframe.waitFor();
    const frame = embedFrame(page);
    await frame.waitForLoadState();
    const pymHeight = async () => parseInt((await iframe.getAttribute('height')) ?? '0', 10);
    await expect.poll(pymHeight, { timeout: 15_000 }).toBe(await fullHeight(frame));
    const wide = await pymHeight();
    // Nothing scrolls inside: the frame shows all of its document.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(pymHeight, { timeout: 15_000 }).toBeGreaterThan(wide);
    await expect.poll(async () => (await pymHeight()) - (await shownHeight(frame)), { timeout: 15_000 }).toBe(0);
    expect(await frame.locator('.fact-box [hidden]').count()).toBe(0);
    await page.close();
  });

  it("posts AMP's embed-size with the content height, from the frame's origin", async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.origin}/amp`);
    const frame = embedFrame(page);
    await frame.waitForLoadState();
    // The frame stays 300 px: the box is cut to fit it, and the height sent is all of it.
    await expect.poll(() => frame.locator('.fact-box [hidden]').count()).toBeGreaterThan(0);
    const height = await fullHeight(frame);
    expect(height).toBeGreaterThan(300);
    const heard = () =>
      page.evaluate(() => (window as unknown as { heard: { origin: string; data: unknown }[] }).heard);
    await expect
      .poll(async () => (await heard()).filter((m) => (m.data as { sentinel?: string })?.sentinel === 'amp').at(-1))
      .toEqual({ origin: run.worker.origin, data: { sentinel: 'amp', type: 'embed-size', height } });
    await page.close();
  });
});
