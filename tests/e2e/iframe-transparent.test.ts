/**
 * `transparent=1` as Chromium paints it (README, "Embedding without a script"): the box has no
 * background, and the frame shows the host through it when the frame's colour scheme is the
 * one its iframe element has on the host page. Otherwise the browser paints an opaque canvas
 * behind the frame (CSS Color Adjustment, "Color Schemes and iframes"): a dark frame on a page
 * that declares no colour scheme sits on Chromium's dark canvas.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { RELEASE_ID, startForFile } from './embed-host';

const LIGHT_HOST = [255, 238, 204];
const DARK_HOST = [20, 40, 60];
const css = ([r, g, b]: number[]) => `rgb(${r}, ${g}, ${b})`;

const run = startForFile(async (origin) => {
  const host = (background: number[], theme: string, scheme = '') => `<!doctype html><html lang="en">
    ${scheme ? `<meta name="color-scheme" content="${scheme}">` : ''}
    <title>A news site</title><body style="margin: 0; padding: 16px; background: ${css(background)}">
    <iframe src="${origin}/embed/${RELEASE_ID}?theme=${theme}&transparent=1" width="100%" height="300"></iframe>`;
  return {
    '/light': host(LIGHT_HOST, 'light'),
    '/dark-declared': host(DARK_HOST, 'dark', 'dark'),
    '/dark-undeclared': host(DARK_HOST, 'dark'),
    '/dark-on-light': host(LIGHT_HOST, 'dark'),
  };
});

/** The colour on screen inside the box, in its padding, where only backgrounds show. */
async function insideTheBox(page: Page): Promise<number[]> {
  const frame = page.frames().find((f) => f.url().startsWith(`${run.worker.origin}/embed/`))!;
  await frame.waitForLoadState();
  const iframe = (await page.locator('iframe').boundingBox())!;
  const main = await frame.locator('main').evaluate((m) => m.getBoundingClientRect().toJSON() as DOMRect);
  const clip = { x: iframe.x + main.x + 8, y: iframe.y + main.y + 8, width: 1, height: 1 };
  const png = PNG.sync.read(await page.screenshot({ clip }));
  return [...png.data.subarray(0, 3)];
}

describe('transparent=1', () => {
  const cases: [what: string, path: string, shows: number[] | 'opaque'][] = [
    ['a light frame on a page that declares no colour scheme', '/light', LIGHT_HOST],
    ['a dark frame on a page that declares color-scheme: dark', '/dark-declared', DARK_HOST],
    ['a dark frame on a dark page that declares no colour scheme', '/dark-undeclared', 'opaque'],
    ['a dark frame on a light page', '/dark-on-light', 'opaque'],
  ];
  for (const [what, path, shows] of cases) {
    it(`${shows === 'opaque' ? 'is painted on an opaque canvas' : 'shows the host through the box'}: ${what}`, async () => {
      const page = await run.browser.newPage({ viewport: { width: 800, height: 400 } });
      await page.goto(`${run.site.origin}${path}`);
      const seen = await insideTheBox(page);
      if (shows === 'opaque') {
        expect(seen).not.toEqual(LIGHT_HOST);
        expect(seen).not.toEqual(DARK_HOST);
      } else {
        expect(seen).toEqual(shows);
      }
      await page.close();
    });
  }
});
