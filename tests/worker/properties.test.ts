/**
 * Property-based tests (fast-check): random documents, random mutations of valid ones and random
 * revision notes, through the schema, the admin API and the store. Never a 5xx; every accepted
 * document reads back as the schema gave it; every refused one leaves KV byte for byte as it was.
 * Short runs in `npm test`; `npm run bench:fuzz` runs them long.
 */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { ReleaseDocumentSchema } from '../../data/schema';
import { writeRevision } from '../../worker/write';
import { anyDocument, noteText } from './arbitraries';
import { adminInit, freshApp, store } from './helpers';

const RUNS = inject('fuzzRuns');
/** Long runs (bench:fuzz) need more than vitest's default five seconds. */
const timeout = 5_000 + RUNS * 150;

/** Each run starts from KV holding the seed document alone. */
async function fresh(): Promise<void> {
  await reset();
  await store();
}

/** Every key with its value and metadata: what "unchanged" is compared against. */
async function snapshot(): Promise<string> {
  const { keys } = await env.RELEASES.list();
  const entries = await Promise.all(
    keys.map(async ({ name, metadata }) => [name, await env.RELEASES.get(name, 'text'), metadata]),
  );
  return JSON.stringify(entries);
}

/** What the API serves for a document the schema accepted: its output, without `$schema`. */
function served(doc: unknown): unknown {
  const { $schema: _editorOnly, ...parsed } = ReleaseDocumentSchema.parse(doc);
  return parsed;
}

/** The admin URL a document names (its own id and lang when it has them, else the seed's). */
function urlOf(doc: unknown): string {
  const { id, lang } = (doc ?? {}) as { id?: unknown; lang?: unknown };
  const part = (value: unknown, fallback: string) =>
    encodeURIComponent(typeof value === 'string' && value ? value : fallback);
  return `/api/releases/${part(id, 'belarus-2025-12')}?lang=${part(lang, 'en')}&force=true`;
}

describe('random documents through the admin API', () => {
  it('never answer 5xx; accepted ones read back whole, refused ones change nothing', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, noteText, noteText, async (doc, author, message) => {
        await fresh();
        const before = await snapshot();
        const headers = {
          'X-Revision-Author': encodeURIComponent(author),
          'X-Revision-Message': encodeURIComponent(message),
        };
        const response = await freshApp().request(urlOf(doc), adminInit('PUT', doc, headers));
        expect(response.status).toBeLessThan(500);
        if (response.status !== 200) {
          expect(response.headers.get('Content-Type')).toBe('application/problem+json');
          expect(await snapshot()).toBe(before);
          return;
        }
        if (((await response.json()) as { unchanged?: true }).unchanged) {
          expect(await snapshot()).toBe(before); // the document it already held: nothing written
          return;
        }
        const { id, lang } = served(doc) as { id: string; lang: string };
        const read = await freshApp().request(`/api/releases/${id}?lang=${lang}`);
        expect(await read.json()).toEqual(served(doc));
        const history = await freshApp().request(`/api/releases/${id}/revisions?lang=${lang}`, adminInit('GET'));
        const { revisions } = (await history.json()) as { revisions: { author: string; message: string }[] };
        expect(revisions.at(-1)).toMatchObject({ author: author || 'admin-api', message });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('random documents through the store (the CLI local mode)', () => {
  it('are written whole or refused with nothing written', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, noteText, async (doc, message) => {
        await fresh();
        const before = await snapshot();
        const written = await writeRevision(env.RELEASES, doc, { author: 'fuzz', message, force: true }).then(
          (stored) => stored,
          () => undefined,
        );
        if (!written) {
          expect(await snapshot()).toBe(before);
          return;
        }
        const { id, lang } = written.document;
        expect((await freshApp().request(`/api/releases/${id}?lang=${lang}`)).status).toBe(200);
        expect(written.document).toEqual(served(doc));
      }),
      { numRuns: RUNS },
    );
  });
});
