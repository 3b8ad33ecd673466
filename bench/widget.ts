/**
 * `npm run bench:widget`: what the element costs a page.
 *
 * - Size: dist/assets/widget.js gzipped, next to Lit's own minimum (a bare Lit element, bundled and
 *   minified the same way), so the element's own share is visible.
 * - Time: Chromium loads a localhost page with the README's snippet from the local worker; the
 *   figure is from the moment widget.js starts downloading to the first frame painted after the
 *   element announced its facts (belarus-release-load + requestAnimationFrame), over fresh
 *   page loads, each in a new browser context (an empty HTTP cache).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { bundle, squeeze } from '../cli/build-widget';
import { startLocalWorker } from '../cli/local-worker';
import { RESERVE_STYLE } from '../factbox/snippet';
import { CHROMIUM_LAUNCH } from '../tests/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

const widget = await readFile(new URL('../dist/assets/widget.js', import.meta.url));
const bareLit = await build({
  stdin: {
    contents: `import { LitElement, html } from 'lit';
      class BareElement extends LitElement { render() { return html\`<p>hi</p>\`; } }
      customElements.define('bare-element', BareElement);`,
    resolveDir: process.cwd(),
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
});
// Through the same second pass as the element, so the element's share is its own.
const bareLitSize = gzip(await squeeze(bareLit.outputFiles[0]!.text));
// The same build as dist/assets/widget.js, to check the file is current.
const rebuilt = await bundle(new URL('../widget/define.ts', import.meta.url).pathname);
if (rebuilt !== widget.toString()) throw new Error('dist/assets/widget.js is out of date: run npm run build:widget');

const worker = await startLocalWorker();
const site = createServer((_, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><title>bench</title>
    <script>addEventListener('belarus-release-load', () => requestAnimationFrame(() => { window.painted = performance.now(); }));</script>
    <script type="module" src="${worker.origin}/widget.js"></script>
    ${RESERVE_STYLE}
    <belarus-release></belarus-release>`);
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;

const browser = await chromium.launch(CHROMIUM_LAUNCH);
/** Per run, from widget.js starting: [script loaded, API asked, API answered, facts painted] ms. */
const times: number[][] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'painted' in window);
    times.push(
      await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const script = entries.find((e) => e.name.endsWith('/widget.js'))!;
        const api = entries.find((e) => e.name.includes('/api/releases/'))!;
        const painted = (window as unknown as { painted: number }).painted;
        return [script.responseEnd, api.startTime, api.responseEnd, painted].map((t) => t - script.startTime);
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  site.close();
  await worker.dispose();
}

const phases = ['widget.js downloaded', 'API request sent', 'API answered', 'facts painted'];
const quantile = (i: number, q: number) => {
  const sorted = times.map((run) => run[i]!).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
};
console.log('| what | gzip bytes |');
console.log('|---|---|');
console.log(`| Lit's own minimum (a bare Lit element) | ${bareLitSize} |`);
console.log(`| dist/assets/widget.js (the element, Lit included) | ${gzip(widget)} |`);
console.log(`| the element's own share | ${gzip(widget) - bareLitSize} |`);
console.log(`| budget | ${10 * 1024} |`);
console.log();
console.log(`| ms after widget.js starts downloading (${RUNS} cold page loads) | p50 | p90 |`);
console.log('|---|---|---|');
phases.forEach((phase, i) => console.log(`| ${phase} | ${quantile(i, 0.5)} | ${quantile(i, 0.9)} |`));
