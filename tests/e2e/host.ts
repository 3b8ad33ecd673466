/**
 * A site owner's page on another origin (another port on 127.0.0.1), for the element's tests:
 * an article column in a serif font, the README's snippet, and whatever headers the case needs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { RESERVE_STYLE } from '../../factbox/snippet';
import { CHROMIUM_LAUNCH } from '../browser';

export interface HostSite {
  /** The page at `path` on this origin. */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/** What the site serves at a path: the page's HTML and its headers. */
export type HostPage = (path: URL) => { body: string; headers?: Record<string, string> };

/** Serves `page` from a fresh origin. */
export async function hostSite(page: HostPage): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const { body, headers = {} } = page(new URL(req.url!, 'http://host'));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '/') => `${origin}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An article that pastes the snippet as the README gives it (script, style, element), between
 * two paragraphs, with a link before the box for keyboard tests. `attributes` go on the element.
 */
export function article(widget: string, attributes = '', head = ''): string {
  return `<!doctype html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>A news site</title>${head}
    <style>body { font-family: Georgia, serif; margin: 0; padding: 16px; background: #fbf8f1 } main { max-width: 680px; margin: auto }</style>
    <main>
      <h1>A news article</h1>
      <p>A paragraph above the box, with <a href="#top">a link</a>.</p>
      <script type="module" src="${widget}"></script>
      ${RESERVE_STYLE}
      <belarus-release ${attributes}></belarus-release>
      <p id="below">A paragraph below the box.</p>
    </main>`;
}

/** Everything in the shadow root that scrolls, overflows or is clipped, as readable lines. */
export function faults(page: Page): Promise<string[]> {
  return page.locator('belarus-release').evaluate((host) => {
    const root = host.shadowRoot!;
    const box = root.querySelector('[part=box]')!.getBoundingClientRect();
    const found: string[] = [];
    const name = (node: Element) => `${node.localName}.${node.className}`;
    for (const node of root.querySelectorAll('*')) {
      if (node.getClientRects().length === 0) continue; // not rendered
      const style = getComputedStyle(node);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
        found.push(`${name(node)} overflow ${style.overflow}`);
      if (node.clientHeight > 0 && node.scrollHeight > node.clientHeight + 1) found.push(`${name(node)} scrollHeight`);
      if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) found.push(`${name(node)} scrollWidth`);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0) continue;
        const inside =
          rect.left >= box.left - 1 &&
          rect.right <= box.right + 1 &&
          rect.top >= box.top - 1 &&
          rect.bottom <= box.bottom + 1;
        if (!inside) found.push(`text outside the box: "${text.textContent!.trim().slice(0, 40)}"`);
      }
    }
    return found;
  });
}

/** A worker, a site of another origin for it, and Chromium: set up once for a test file. */
export interface Running<Site> {
  worker: LocalWorker;
  /** The site, when the file asked for one. */
  site: Site;
  browser: Browser;
}

/**
 * Starts the local worker, the site `site` makes for it (if any) and Chromium before the
 * file's tests, and stops them after.
 *
 * @example
 * const run = runForFile(async (worker) => hostSite(() => ({ body: article(`${worker.origin}/widget.js`) })));
 */
export function runForFile<Site extends { close: () => Promise<void> }>(
  site: (worker: LocalWorker) => Promise<Site | undefined>,
): Running<Site> {
  const run = {} as Running<Site>;
  beforeAll(async () => {
    run.worker = await startLocalWorker();
    const made = await site(run.worker);
    if (made) run.site = made;
    run.browser = await chromium.launch(CHROMIUM_LAUNCH);
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.site?.close();
    await run.worker?.dispose();
  });
  return run;
}

/**
 * The news site of the element's tests: the article, with `?attrs=` put on the element, after
 * `prepare` has written what the file needs to the worker's store.
 *
 * @example
 * const run = newsSiteForFile();
 * await (await run.browser.newPage()).goto(run.site.url('/?attrs=lang%3D%22be%22'));
 */
export function newsSiteForFile(prepare?: (worker: LocalWorker) => Promise<void>): Running<HostSite> {
  return runForFile(async (worker) => {
    await prepare?.(worker);
    return hostSite((url) => ({
      body: article(`${worker.origin}/widget.js`, url.searchParams.get('attrs') ?? ''),
    }));
  });
}
