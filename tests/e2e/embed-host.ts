/**
 * What the page tests share (the canonical page, the iframe page, WordPress): the running
 * worker and Chromium, a host site on another origin serving the files a case needs (./host.ts
 * serves them), and the list of facts a complete box shows.
 */
import { readFile } from 'node:fs/promises';
import type { Frame } from 'playwright';
import type { ReleaseDocument } from '../../data/schema';
import { hostSite, runForFile, type Running as HostRunning } from './host';

/** The release the data ships, in six languages. */
export const RELEASE_ID = 'belarus-2025-12';

/** A page or script the host serves: HTML by default. */
export type HostFile = string | { body: string; type: string };

/** A host site serving files by path. */
interface FileSite {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves `files` by path from a second origin, so that every frame of the worker in them is
 * cross-origin, as on a real news site.
 *
 * @example
 * const site = await serveFiles({ '/': '<iframe src="…"></iframe>' });
 */
async function serveFiles(files: Record<string, HostFile>): Promise<FileSite> {
  const site = await hostSite((url) => {
    const file = files[url.pathname] ?? '';
    if (typeof file === 'string') return { body: file };
    return { body: file.body, headers: { 'Content-Type': `${file.type}; charset=utf-8` } };
  });
  return { origin: new URL(site.url()).origin, close: site.close };
}

/** What a test file runs against: set before its first test. */
export type Running = HostRunning<FileSite>;

/**
 * Starts the local worker, the host site `files` makes for it (if any) and Chromium before the
 * file's tests, and stops them after.
 *
 * @example
 * const run = startForFile(async (origin) => ({ '/': `<iframe src="${origin}/embed/latest"></iframe>` }));
 * it('…', async () => { const page = await run.browser.newPage(); await page.goto(run.site.origin); });
 */
export function startForFile(files?: (workerOrigin: string) => Promise<Record<string, HostFile>>): Running {
  return runForFile(async (worker) => (files ? serveFiles(await files(worker.origin)) : undefined));
}

/** A shipped document of the seed release. */
export async function shippedDocument(lang = 'en'): Promise<ReleaseDocument> {
  const path = new URL(`../../data/releases/${RELEASE_ID}/${lang}.json`, import.meta.url);
  return JSON.parse(await readFile(path, 'utf8')) as ReleaseDocument;
}

/**
 * Every fact a complete box shows, as text: the people freed, the envoy, the deal's terms,
 * where they went, every quote with its speaker, the background, every source.
 */
export function everyFact(doc: ReleaseDocument): string[] {
  const name = (id: string) => doc.people.find((p) => p.id === id)!.name;
  return [
    ...doc.people.filter((p) => p.released).map((p) => p.name),
    name(doc.deal.envoy),
    ...doc.deal.terms.map((t) => t.text),
    ...doc.destinations.map((d) => d.place),
    ...doc.quotes.flatMap((q) => [q.text, name(q.speaker)]),
    ...doc.context.map((c) => c.text),
    ...doc.sources.flatMap((s) => [s.publisher, s.title]),
  ];
}

/** Text as `innerText` gives it: runs of white space as one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The iframe page's content height with every block shown, what its script posts: measured
 * with any block it cut shown again (the link to the page stays one line either way) and hidden
 * back in the same task, so that nothing paints.
 */
export function fullHeight(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    const cut = [...document.querySelectorAll<HTMLElement>('.fact-box [hidden]')];
    const root = document.documentElement;
    root.style.overflow = 'hidden';
    for (const block of cut) block.hidden = false;
    const height = Math.ceil(root.getBoundingClientRect().height);
    for (const block of cut) block.hidden = true;
    root.style.overflow = '';
    return height;
  });
}

/** The iframe page's content height as it is now: the box as the frame shows it. */
export const shownHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
