/**
 * Link previews against the running worker (the deploy bundle on 127.0.0.1), read by
 * open-graph-scraper, a link-preview library, not by our code: before a card is stored the
 * page's image is the default card; after the CLI draws and uploads cards through the admin API
 * (cli/card-push.ts, as `push --remote` does), each language's page leads to its own card.
 */
import ogs from 'open-graph-scraper';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushCard } from '../../cli/card-push';
import { renderCard } from '../../cli/card';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { remoteTarget } from '../../cli/targets';
import type { ReleaseDocument } from '../../data/schema';

const ID = 'belarus-2025-12';
const TOKEN = 'card-test-token';
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker({ ADMIN_TOKEN: TOKEN });
});
afterAll(async () => {
  await worker?.dispose();
});

const load = async (lang: string) =>
  JSON.parse(await readFile(`data/releases/${ID}/${lang}.json`, 'utf8')) as ReleaseDocument;

/** What a link preview reads from a page. */
async function preview(path: string) {
  const { result, error } = await ogs({
    url: `${worker.origin}${path}`,
    // open-graph-scraper's own validator.js settings but require_tld: the worker is on 127.0.0.1.
    urlValidatorSettings: {
      allow_fragments: true,
      allow_protocol_relative_urls: false,
      allow_query_components: true,
      allow_trailing_dot: false,
      allow_underscores: false,
      protocols: ['http'],
      require_host: true,
      require_port: false,
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
      validate_length: true,
    },
  });
  expect(error).toBe(false);
  return result;
}

async function image(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('image/png');
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('link previews of the canonical page', () => {
  it('show the default card while a release has no card stored: an image, never a broken one', async () => {
    const result = await preview(`/releases/${ID}?lang=pl`);
    const url = result.ogImage?.[0]?.url;
    expect(url).toMatch(new RegExp(`^${worker.origin}/cards/${ID}/pl/[0-9a-f]{8}\\.png$`));
    const { response, bytes } = await image(url!);
    expect(response.headers.get('X-Data-Fallback')).toBe('default-card');
    const png = PNG.sync.read(Buffer.from(bytes));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });

  for (const lang of ['en', 'ru']) {
    it(`show the ${lang} card the CLI drew and uploaded, at 1200 × 630, with its alt text (${lang})`, async () => {
      const doc = await load(lang);
      await pushCard(remoteTarget(worker.origin, TOKEN), doc, 1);
      const result = await preview(`/releases/${ID}${lang === 'en' ? '' : `?lang=${lang}`}`);
      expect(result.twitterCard).toBe('summary_large_image');
      expect(result.ogLocale).toBe(lang === 'en' ? 'en_US' : 'ru_RU');
      const [og] = result.ogImage ?? [];
      expect(og).toMatchObject({ width: '1200', height: '630', type: 'image/png' });
      expect(og?.url).toContain(`/cards/${ID}/${lang}/`);
      expect(og?.alt).toContain(doc.headline);
      const { response, bytes } = await image(og!.url);
      expect(response.headers.get('X-Data-Fallback')).toBeNull();
      expect(response.headers.get('Cache-Control')).toContain('immutable');
      expect(bytes).toEqual(await renderCard(doc));
    });
  }
});
