/**
 * The element as a guest on pages it does not control: it takes the page's colour scheme,
 * renders under a Trusted Types CSP, keeps its buttons under forced colours, keeps its own
 * typography against the page's, wraps words too long for any line, and passes axe-core with
 * two boxes on one page.
 */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { CHROMIUM_LAUNCH } from '../browser';
import seed from '../../data/releases/belarus-2025-12/en.json';
import type { ReleaseDocument } from '../../data/schema';
import { article, faults, hostSite, type HostSite } from './host';
import { unpublishDocument } from '../../worker/publishing';
import { writeRevision } from '../../worker/write';

const seedDocument = () => structuredClone(seed) as ReleaseDocument;

let worker: LocalWorker;
let site: HostSite;
let browser: Browser;
/** The page each path serves: body and headers, set by each test. */
const pages = new Map<string, { body: string; headers?: Record<string, string> }>();

beforeAll(async () => {
  worker = await startLocalWorker();
  site = await hostSite((url) => pages.get(url.pathname) ?? { body: 'not found' });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await worker?.dispose();
});

/** Serves `body` at a fresh path and opens it; resolves when every box has settled. */
async function visit(
  body: string,
  options: { headers?: Record<string, string>; width?: number; height?: number } = {},
) {
  const path = `/${pages.size}`;
  pages.set(path, { body, headers: options.headers });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 740 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(site.url(path));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('belarus-release')].every((el) =>
      el.shadowRoot?.querySelector('[aria-labelledby], [part=error]'),
    ),
  );
  return { page, problems };
}

const widget = () => `${worker.origin}/widget.js`;
const background = (page: Page, nth = 0) =>
  page
    .locator('belarus-release')
    .nth(nth)
    .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part=box]')!).backgroundColor);
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(23, 25, 30)';

describe('theme', () => {
  it('"auto" follows the page: light on a page that declares no colour scheme, even for a reader who prefers dark', async () => {
    const { page } = await visit(article(widget()));
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(WHITE);
    await page.close();
  });

  it('"auto" is dark on a page that supports dark, for a reader who prefers it', async () => {
    const { page } = await visit(article(widget(), '', '<meta name="color-scheme" content="light dark">'));
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(WHITE);
    await page.close();
  });

  it('"light" and "dark" force their palette whatever the page says', async () => {
    const body = article(widget(), 'theme="dark"', '<style>:root { color-scheme: light }</style>').replace(
      '<p id="below">',
      '<belarus-release theme="light" variant="compact" style="color-scheme: dark"></belarus-release><p id="below">',
    );
    const { page } = await visit(body);
    expect(await background(page, 0)).toBe(DARK);
    expect(await background(page, 1)).toBe(WHITE);
    await page.close();
  });
});

describe('Trusted Types', () => {
  const csp = (origin: string, policies: string) =>
    `default-src 'none'; script-src ${origin}; connect-src ${origin}; style-src 'unsafe-inline'; ` +
    `require-trusted-types-for 'script'; trusted-types ${policies}`;

  it("renders with no console error on a page that allows only Lit's policy", async () => {
    const { page, problems } = await visit(article(widget(), 'lang="be"'), {
      headers: { 'Content-Security-Policy': csp(worker.origin, 'lit-html') },
    });
    expect(await page.locator('belarus-release h2').textContent()).toContain('123');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders twice, from two copies of the script, with 'allow-duplicates' as the README says", async () => {
    const body = article(widget()).replace(
      '<p id="below">',
      `<script type="module" src="${widget()}?again"></script><belarus-release variant="compact"></belarus-release><p id="below">`,
    );
    const { page, problems } = await visit(body, {
      headers: { 'Content-Security-Policy': csp(worker.origin, "lit-html 'allow-duplicates'") },
    });
    expect(await page.locator('belarus-release h2').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a release that was unpublished', () => {
  it('says the facts are not available and offers neither a retry nor the fact page, which is gone too', async () => {
    const id = 'belarus-2025-11';
    const note = { author: 'test', message: 'test' };
    await writeRevision(worker.kv, { ...seedDocument(), id, date: '2025-11-01' }, note);
    await unpublishDocument(worker.kv, id, 'en', { unpublishedAt: '2026-11-30T00:00:00Z', ...note });
    const { page } = await visit(article(widget(), `release="${id}"`));
    const error = page.locator('belarus-release [part=error]');
    expect(await error.locator('p').textContent()).toBe('These facts are not available.');
    expect(await error.locator('button, a').count()).toBe(0);
    await page.close();
  });
});

describe('forced colours', () => {
  it('keeps the retry and show-all buttons visible as buttons', async () => {
    // An API that does not answer (nothing listens on port 9): the error a retry may help.
    const body = article(widget(), 'api="http://127.0.0.1:9"').replace(
      '<p id="below">',
      '<belarus-release></belarus-release><p id="below">',
    );
    const { page } = await visit(body);
    await page.emulateMedia({ forcedColors: 'active' });
    for (const selector of ['[part=error] button', '.toggle']) {
      const edge = await page
        .locator(`belarus-release ${selector}`)
        .evaluate((button) => getComputedStyle(button))
        .then((style) => ({ style: style.borderTopStyle, width: style.borderTopWidth, colour: style.borderTopColor }));
      expect(edge.style, selector).toBe('solid');
      expect(edge.width, selector).toBe('2px');
      expect(edge.colour, selector).not.toMatch(/rgba\(.*, 0\)|transparent/);
    }
    await page.close();
  });
});

describe('typography and long words', () => {
  it("keeps the box's own spacing and case, and wraps a 200-character word", async () => {
    const doc = seedDocument();
    doc.summary = `${'Ab'.repeat(100)} is one word.`;
    doc.people[0]!.name = 'X'.repeat(200);
    const inline = `<script type="application/json">${JSON.stringify(doc)}</script>`;
    const head =
      '<style>body { text-transform: uppercase; letter-spacing: 0.3em; word-spacing: 1em; line-height: 3; text-indent: 4em }</style>';
    const { page } = await visit(
      article(widget(), 'expanded', head).replace('></belarus-release>', `>${inline}</belarus-release>`),
      {
        width: 360,
      },
    );
    const styles = await page.locator('belarus-release .summary').evaluate((p) => {
      const style = getComputedStyle(p);
      return [style.textTransform, style.letterSpacing, style.wordSpacing, style.lineHeight, style.textIndent];
    });
    expect(styles).toEqual(['none', 'normal', '0px', `${16 * 1.45}px`, '0px']);
    expect(await faults(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});

describe('accessibility', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core');
  for (const theme of ['light', 'dark']) {
    for (const expanded of [false, true]) {
      it(`passes axe-core with two boxes on one page, ${theme}, at 200% zoom, ${expanded ? 'expanded' : 'collapsed'}`, async () => {
        const attrs = `theme="${theme}"${expanded ? ' expanded' : ''}`;
        const body = article(widget(), attrs).replace(
          '<p id="below">',
          `<belarus-release ${attrs} lang="pl"></belarus-release><p id="below">`,
        );
        const { page } = await visit(body, { width: 640, height: 370 });
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
          ).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
        // Two regions, named by their headlines, and not alike.
        const names = await page.locator('belarus-release [part=box]').evaluateAll((boxes) =>
          boxes.map((box) =>
            box
              .getAttribute('aria-labelledby')!
              .split(' ')
              .map(
                (id) =>
                  box.getRootNode() instanceof ShadowRoot &&
                  (box.getRootNode() as ShadowRoot).getElementById(id)?.textContent,
              )
              .join(' ')
              .trim(),
          ),
        );
        expect(names[0]).toBe(seedDocument().headline);
        expect(names[1]).not.toBe(names[0]);
        await page.close();
      });
    }
  }
});

describe('caching', () => {
  it("asks the API on every page view, and an unchanged document costs a 304 from the browser's copy", async () => {
    const { page } = await visit(article(widget()));
    // Playwright reports a revalidated response as the cached 200 the page gets; the DevTools
    // protocol's raw response says what came over the wire.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // The two events travel on different paths and can arrive in either order, so both are
    // kept by request id and matched when asked.
    const urls = new Map<string, string>();
    const wire = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url));
    cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => wire.set(requestId, statusCode));
    const statuses = () =>
      [...urls].filter(([, url]) => url.includes('/api/releases/')).map(([requestId]) => wire.get(requestId));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('belarus-release')?.shadowRoot?.querySelector('.key'));
    // The raw-response event can come after the box has painted: on a busy machine, well after.
    await expect.poll(statuses, { timeout: 10_000 }).toEqual([304]);
    await page.close();
  });
});
