/**
 * `npm run bench:embed`: how soon the iframe page shows its facts on a news site.
 *
 * Chromium loads a page from a second localhost origin that frames `/embed/:id` from the local
 * worker; each load in a new browser context (an empty HTTP cache). The figures are read inside
 * the frame, from the moment its document starts downloading (the frame's time origin), as
 * bench/widget.ts times the element from the moment widget.js starts downloading: the
 * document's first response already holds every fact, so its first contentful paint is the
 * facts painted. Then: when /embed.js has arrived and the host has heard the height. For scale,
 * the same page framing `/healthz` (a few bytes of JSON): the browser's own floor here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { startLocalWorker } from '../cli/local-worker';
import { CHROMIUM_LAUNCH } from '../tests/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const worker = await startLocalWorker();
const site = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  // The host notes when it first hears the frame's height, on the shared clock (timeOrigin + now).
  res.end(`<!doctype html><html lang="en"><title>bench</title>
    <script>addEventListener('message', (e) => { if (e.data?.type === 'belarus-release:resize') window.heard ??= performance.timeOrigin + performance.now(); });</script>
    <iframe src="${worker.origin}${req.url}" width="600" height="520" title="Fact box"></iframe>`);
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const host = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

/** Per load of `path` framed: [document downloaded, first contentful paint, embed.js downloaded, height heard] ms. */
async function measure(browser: Browser, path: string): Promise<number[][]> {
  const times: number[][] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host}${path}`);
    await page.waitForSelector('iframe');
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    await frame.waitForLoadState();
    await frame.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const framed = path.startsWith('/embed/');
    if (framed) await page.waitForFunction(() => 'heard' in window);
    const heard = framed ? await page.evaluate(() => (window as unknown as { heard: number }).heard) : NaN;
    times.push(
      await frame.evaluate((heardAt) => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const script = resources.find((e) => e.name.endsWith('/embed.js'));
        const paint = performance.getEntriesByName('first-contentful-paint')[0]!;
        const at = [
          navigation!.responseEnd,
          paint.startTime,
          script?.responseEnd ?? NaN,
          heardAt - performance.timeOrigin,
        ];
        return at.map((t) => t - navigation!.startTime);
      }, heard),
    );
    await context.close();
  }
  return times;
}

const browser = await chromium.launch(CHROMIUM_LAUNCH);
let embed: number[][];
let floor: number[][];
try {
  embed = await measure(browser, '/embed/belarus-2025-12');
  floor = await measure(browser, '/healthz');
} finally {
  await browser.close();
  site.close();
  await worker.dispose();
}

const quantile = (times: number[][], i: number, q: number) => {
  const sorted = times.map((run) => run[i]!).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
};
const row = (what: string, times: number[][], i: number) =>
  console.log(`| ${what} | ${quantile(times, i, 0.5)} | ${quantile(times, i, 0.9)} |`);
console.log(`| ms after the framed document starts downloading (${RUNS} cold page loads) | p50 | p90 |`);
console.log('|---|---|---|');
row('/embed/:id downloaded', embed, 0);
row('/embed/:id facts painted (first contentful paint)', embed, 1);
row('/embed.js downloaded', embed, 2);
row('height heard by the host', embed, 3);
row('/healthz downloaded (the floor)', floor, 0);
row('/healthz first contentful paint (the floor)', floor, 1);
