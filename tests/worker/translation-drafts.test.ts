/**
 * A translation reaches readers only with an English revision readers have, or had: an English
 * draft's facts never go public first in another language. A draft translation may follow an
 * English draft, and publishing the release as a whole publishes English before it.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import pl from '../../data/releases/belarus-2025-12/pl.json';
import type { ReleaseDocument } from '../../data/schema';
import { listRevisions } from '../../worker/store';
import { UnpublishedSourceError } from '../../worker/store-errors';
import { writeRevision } from '../../worker/write';
import { SEED_ID, adminInit, freshApp, seedDocument, store } from './helpers';

type Request = ReturnType<typeof freshApp>['request'];

/** English revision 1 published (123 freed), revision 2 a draft (125). */
async function englishDraft(): Promise<void> {
  await store();
  const draft = seedDocument();
  draft.released.count = 125;
  await writeRevision(env.RELEASES, draft, { author: 'ed', message: 'New count', draft: true });
}

/** The Polish translation of English revision `revision`, with its count. */
function polish(revision: number, count = 125): ReleaseDocument {
  const doc = structuredClone(pl) as unknown as ReleaseDocument;
  doc.released.count = count;
  doc.translation = { ...doc.translation!, revision };
  return doc;
}

const put = (request: Request, doc: ReleaseDocument, query = '') =>
  request(`/api/releases/${SEED_ID}?lang=${doc.lang}&force=true${query}`, adminInit('PUT', doc));
const count = async (request: Request, lang: string) =>
  ((await (await request(`/api/releases/${SEED_ID}?lang=${lang}`)).json()) as ReleaseDocument).released.count;

describe('a translation of an unpublished English draft', () => {
  it('is refused when written published (409, the revisions and what to do), and nothing is written', async () => {
    const { request } = freshApp();
    await englishDraft();
    const response = await put(request, polish(2));
    expect(response.status).toBe(409);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const body = (await response.json()) as { type: string; detail: string; errors: { path: string }[] };
    expect(body.type).toBe('tag:belarus-release,2025:unpublished-english');
    expect(body.detail).toContain('English revision 2');
    expect(body.detail).toContain('readers get 1');
    expect(body.detail).toContain('?draft=true');
    expect(body.errors.map((e) => e.path)).toEqual(['/translation/revision']);
    expect(await listRevisions(env.RELEASES, SEED_ID, 'pl')).toEqual([]);
    expect(await count(request, 'pl')).toBe(123); // English, the language readers fall back to
  });

  it('is refused by the store itself (the CLI local mode)', async () => {
    await englishDraft();
    const refused = await store(polish(2)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnpublishedSourceError);
    expect(refused).toMatchObject({ englishRevision: 2, englishPublished: 1 });
  });

  it('may be written as a draft, but not published on its own: readers keep English revision 1', async () => {
    const { request } = freshApp();
    await englishDraft();
    expect((await put(request, polish(2), '&draft=true')).status).toBe(200);
    const response = await request(`/api/releases/${SEED_ID}/publish?lang=pl`, adminInit('POST'));
    expect(response.status).toBe(409);
    const { detail } = (await response.json()) as { detail: string };
    expect(detail).toContain(`Revision 1 of ${SEED_ID}/pl translates English revision 2`);
    expect(detail).toContain('publish without lang');
    expect(await count(request, 'pl')).toBe(123);
    expect(await count(request, 'en')).toBe(123);
  });

  it('is published with English when the release is published as a whole', async () => {
    const { request } = freshApp();
    await englishDraft();
    expect((await put(request, polish(2), '&draft=true')).status).toBe(200);
    const response = await request(`/api/releases/${SEED_ID}/publish`, adminInit('POST'));
    expect(response.status).toBe(200);
    const { published } = (await response.json()) as { published: { lang: string; revision: number }[] };
    expect(published.map(({ lang, revision }) => [lang, revision])).toEqual([
      ['en', 2],
      ['pl', 1],
    ]);
    expect(await count(request, 'en')).toBe(125);
    expect(await count(request, 'pl')).toBe(125);
  });

  it('may go public once English is published, and still after English moved on', async () => {
    const { request } = freshApp();
    await englishDraft();
    expect((await request(`/api/releases/${SEED_ID}/publish?lang=en`, adminInit('POST'))).status).toBe(200);
    const next = seedDocument();
    next.released.count = 126;
    await store(next); // English revision 3, published: revision 2 is no longer current
    expect((await put(request, polish(2))).status).toBe(200);
    expect(await count(request, 'pl')).toBe(125);
  });

  it('may be written to an unpublished release, where every write is a draft', async () => {
    const { request } = freshApp();
    await englishDraft();
    await store(polish(1, 123));
    expect((await request(`/api/releases/${SEED_ID}/unpublish`, adminInit('POST'))).status).toBe(200);
    const response = await put(request, polish(2));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { draft?: boolean }).draft).toBe(true);
  });

  it('of the English revision readers had when the release was unpublished is published', async () => {
    const { request } = freshApp();
    await store();
    expect((await request(`/api/releases/${SEED_ID}/unpublish`, adminInit('POST'))).status).toBe(200);
    expect((await put(request, polish(1, 123))).status).toBe(200);
    expect((await request(`/api/releases/${SEED_ID}/publish?lang=pl`, adminInit('POST'))).status).toBe(200);
    expect(await count(request, 'pl')).toBe(123);
  });
});
