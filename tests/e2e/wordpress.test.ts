/**
 * Our oEmbed answer in a WordPress post, in Chromium: the markup filtered as WordPress filters
 * an unknown provider's (./wordpress.ts), and WordPress's own wp-embed.js (from Debian's
 * package, fetched by tests/ensure-wordpress.sh) on the host page. Nothing of ours runs on the
 * host: the frame must show itself, size itself and take its links out through wp-embed.js.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { RELEASE_ID, fullHeight, shownHeight, startForFile } from './embed-host';
import { filterOembedResult } from './wordpress';

const WP_EMBED_JS = process.env.WP_EMBED_JS ?? 'node_modules/.cache/wordpress/wp-embed.js';
/** wp-embed.js: `if ( height > 1000 ) … else if ( ~~height < 200 )`. */
const [MIN, MAX] = [200, 1000];

/** A post embedding `url` as WordPress does: oEmbed with its default maximums (wp_embed_defaults), then the filter. */
async function post(origin: string, url: string): Promise<string> {
  const query = `url=${encodeURIComponent(url)}&maxwidth=500&maxheight=750&format=json`;
  const { html } = (await (await fetch(`${origin}/oembed?${query}`)).json()) as { html: string };
  const filtered = filterOembedResult(html);
  if (!filtered) throw new Error(`WordPress would refuse this embed: ${html}`);
  return `<!doctype html><html lang="en"><title>A WordPress post</title>
    <main class="entry-content"><p>Our report from Minsk.</p>${filtered}<p>More reporting.</p></main>
    <script src="/wp-includes/js/wp-embed.js"></script>`;
}

const run = startForFile(async (origin) => {
  const page = `${origin}/releases/${RELEASE_ID}`;
  return {
    '/wp-includes/js/wp-embed.js': { body: await readFile(WP_EMBED_JS, 'utf8'), type: 'text/javascript' },
    '/en': await post(origin, page),
    '/ru': await post(origin, `${page}?lang=ru`),
  };
});

const embedFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(`${run.worker.origin}/embed/`))!;

describe('a WordPress post with our oEmbed', () => {
  it('is filtered as WordPress filters it: sandboxed, secret, hidden behind the blockquote', async () => {
    const html = await post(run.worker.origin, `${run.worker.origin}/releases/${RELEASE_ID}`);
    expect(html).toMatch(/<blockquote class="wp-embedded-content" data-secret="\w{10}"><a href="[^"]+">/);
    expect(html).toMatch(/<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style=/);
    expect(html).toMatch(/ src="[^"]+#\?secret=\w{10}" data-secret="\w{10}"/);
  });

  for (const [path, width] of [
    ['/en', 1280],
    ['/ru', 360],
  ] as const) {
    it(`shows the frame and sizes it to its content, whole blocks within 1000 px (${path}, ${width} px)`, async () => {
      const page = await run.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${run.site.origin}${path}`);
      const iframe = page.locator('iframe');
      // wp-embed.js removes the hiding style and hides the blockquote once the frame speaks.
      await expect.poll(() => iframe.getAttribute('style'), { timeout: 15_000 }).toBeNull();
      expect(await page.locator('blockquote').isVisible()).toBe(false);
      const frame = embedFrame(page);
      // The frame posts its full height; wp-embed.js clamps it to 1000 px, and the box fits that.
      const full = await fullHeight(frame);
      expect(full).toBeGreaterThan(MAX);
      await expect
        .poll(async () => Number(await iframe.getAttribute('height')))
        .toBe(Math.max(MIN, Math.min(MAX, full)));
      await expect.poll(() => shownHeight(frame)).toBeLessThanOrEqual(MAX);
      // Nothing scrolls inside the frame; the box ends on a whole block, above the link to every fact.
      expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
      expect(await frame.locator('.page-link a').isVisible()).toBe(true);
      expect(await frame.locator('.page-link a').textContent()).toBe(path === '/en' ? 'All facts' : 'Все факты');
      const hidden = await frame.locator('.fact-box [hidden]').count();
      expect(hidden).toBeGreaterThan(0);
      expect(await frame.locator('.fact-box > :not([hidden]) h1').count()).toBe(1);
      await page.close();
    });
  }

  for (const [what, link] of [
    ['the link to the fact page', '.page-link a'],
    ['a link to a source on another site', "[part='sources'] a"],
  ] as const) {
    it(`sends ${what} through the link message: the top window opens our page`, async () => {
      const page = await run.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${run.site.origin}/en`);
      await expect.poll(() => page.locator('iframe').getAttribute('style'), { timeout: 15_000 }).toBeNull();
      const frame = embedFrame(page);
      // Focus in the frame, as a reader's click gives it (wp-embed.js follows links only then).
      await frame.locator('h1').click();
      // A link the box may have cut for WordPress's cap: shown and clicked in one task, before
      // the frame fits the box again.
      await frame.evaluate((selector) => {
        document.querySelectorAll('[hidden]').forEach((e) => e.removeAttribute('hidden'));
        document.querySelector<HTMLAnchorElement>(selector)!.click();
      }, link);
      await page.waitForURL(`${run.worker.origin}/releases/${RELEASE_ID}`, { timeout: 15_000 });
      expect(await page.locator('h1').textContent()).toContain('Belarus frees 123');
      await page.close();
    });
  }

  it('without scripts on the host, leaves the blockquote: the headline, linked to the page', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.origin}/ru`);
    const link = page.locator('blockquote a');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(`${run.worker.origin}/releases/${RELEASE_ID}?lang=ru`);
    expect(await link.textContent()).toContain('Беларусь освободила 123');
    await context.close();
  });
});
