/**
 * What an embedder loads comes from the static assets (dist/assets/, cli/static-assets.ts), not
 * the worker: run here as wrangler dev and Cloudflare run them, the asset router in front of the
 * deploy bundle in workerd. The API and the pages have no file there and still reach the worker.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { ASSET_CACHE_CONTROL, headersFile, staticAssets, writeStaticAssets } from '../../cli/static-assets';

let worker: LocalWorker;
beforeAll(async () => {
  worker = await startLocalWorker();
});
afterAll(() => worker?.dispose());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${worker.origin}${path}`, { headers });
const built = (path: string) => readFile(new URL(`../../dist/assets${path}`, import.meta.url), 'utf8');

describe('static assets', () => {
  const scripts = ['/widget.js', '/embed.js'];
  for (const path of scripts) {
    it(`serves ${path} as a module script any origin may load, cached, with an ETag`, async () => {
      // A sandboxed frame has an opaque origin ("null"): its module script is a CORS request too.
      const response = await get(path, { Origin: path === '/embed.js' ? 'null' : 'https://news.example' });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Cache-Control')).toBe(ASSET_CACHE_CONTROL);
      expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]+"$/);
      expect(await response.text()).toBe(await built(path));
    });
  }

  it('answers 304 with the CORS headers when the ETag matches', async () => {
    const etag = (await get('/widget.js')).headers.get('ETag')!;
    const response = await get('/widget.js', { 'If-None-Match': etag, Origin: 'https://news.example' });
    expect(response.status).toBe(304);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it("serves the element's labels in each language but English as JSON", async () => {
    for (const lang of ['be', 'ru', 'uk', 'pl', 'lt']) {
      const response = await get(`/widget/strings/${lang}.json`);
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(Object.keys(await response.json())).toContain('showAll');
    }
    // English is in the bundle; no file, so the worker answers, with its problem.
    const english = await get('/widget/strings/en.json');
    expect(english.status).toBe(404);
    expect(english.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('keeps embed.js speaking our own, Pym, AMP and WordPress messages', async () => {
    const code = await (await get('/embed.js')).text();
    for (const word of ['belarus-release:resize', 'xPYMx', 'embed-size', 'secret']) expect(code).toContain(word);
  });

  it('does not serve its _headers file', async () => {
    const response = await get('/_headers');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Access-Control-Allow-Origin');
  });

  it('leaves the API, the pages, oEmbed and the health check to the worker', async () => {
    const answers: [string, string][] = [
      ['/', 'text/html'],
      ['/healthz', 'application/json'],
      ['/api/releases', 'application/json'],
      ['/api/releases/latest', 'application/json'],
      ['/releases/latest', 'text/html'],
      ['/embed/latest', 'text/html'],
      [`/oembed?url=${encodeURIComponent(`${worker.origin}/releases/latest`)}`, 'application/json'],
    ];
    for (const [path, type] of answers) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toContain(type);
    }
  });
});

describe('the _headers file', () => {
  it('gives every file one complete block, so that no header is sent twice', () => {
    const assets = staticAssets('/* widget */', '/* embed */');
    const file = headersFile(assets);
    const blocks = file.split('\n').filter((line) => line.startsWith('/'));
    expect(blocks).toEqual(assets.map((asset) => asset.path));
    expect(file.match(/^ {2}Access-Control-Allow-Origin: \*$/gm)).toHaveLength(assets.length);
  });
});

describe('writing the assets', () => {
  it('replaces each file whole, removes any other, and leaves nothing half written beside them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'belarus-release-assets-'));
    try {
      const dir = join(root, 'assets');
      await mkdir(join(dir, 'widget'), { recursive: true });
      await writeFile(join(dir, 'widget', 'old.json'), '{}');
      await writeFile(join(dir, 'widget.js'), 'an older build');
      await writeStaticAssets(dir, staticAssets('/* widget */', '/* embed */'));
      const files = (await readdir(dir, { recursive: true })).sort();
      expect(files).toEqual(expect.arrayContaining(['_headers', 'embed.js', 'widget.js', 'widget/strings/be.json']));
      expect(files).not.toContain('widget/old.json');
      expect(await readFile(join(dir, 'widget.js'), 'utf8')).toBe('/* widget */');
      expect(await readdir(root)).toEqual(['assets']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
