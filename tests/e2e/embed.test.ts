/**
 * A site owner's page on another origin, with a strict Content-Security-Policy, pastes the
 * two-line snippet: the element loads from the running worker and shows the facts, and the
 * browser reports no error and no CSP violation.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { CHROMIUM_LAUNCH } from '../browser';

let worker: LocalWorker;
let site: Server;
let browser: Browser;

beforeAll(async () => {
  worker = await startLocalWorker();
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await worker?.dispose();
});

/** Serves `body` from a second origin (another port on 127.0.0.1) with `csp`. */
async function hostPage(body: string, csp: string): Promise<string> {
  site = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
}

describe('the two-line embed', () => {
  it('works on a page of another origin under a strict CSP', async () => {
    const csp = `default-src 'none'; script-src ${worker.origin}; connect-src ${worker.origin}`;
    const url = await hostPage(
      `<!doctype html><html lang="en"><title>A news site</title>
      <script type="module" src="${worker.origin}/widget.js"></script>
      <belarus-release><p>Belarus freed 123 political prisoners.</p></belarus-release>
      <script type="module" src="${worker.origin}/widget.js?again"></script>`,
      csp,
    );
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`));
    });
    await page.goto(url);
    const facts = page.locator('belarus-release h2');
    await facts.waitFor();
    expect(await facts.textContent()).toContain('Belarus frees 123 political prisoners');
    expect(await page.locator('belarus-release [part=count]').textContent()).toContain('123');
    expect(problems).toEqual([]);
    await page.close();
  });
});
