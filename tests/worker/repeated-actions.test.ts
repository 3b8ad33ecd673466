/**
 * An action repeated, or one that would change nothing, keeps the record and says so, as the
 * CLI does ("No changes", "already unpublished … Nothing to do"): no new revision, no new note.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listRevisions, readWithdrawal } from '../../worker/store';
import { writeRevision } from '../../worker/write';
import { SEED_ID, adminInit, freshApp, seedDocument, store } from './helpers';

const URL_EN = `/api/releases/${SEED_ID}?lang=en`;

interface Written {
  revision: number;
  message: string;
  etag: string;
  unchanged?: true;
  draft?: true;
}

describe('PUT of the document the newest revision holds', () => {
  it('writes nothing and answers that revision, marked unchanged', async () => {
    const { request } = freshApp();
    await store();
    const etag = (await request(`/api/releases/${SEED_ID}/revisions/1?lang=en`, adminInit('GET'))).headers.get('ETag');
    const again = await request(URL_EN, adminInit('PUT', seedDocument(), { 'If-Match': etag! }));
    expect(again.status).toBe(200);
    const body = (await again.json()) as Written;
    expect(body).toMatchObject({ revision: 1, message: 'test write', unchanged: true, etag });
    expect(await listRevisions(env.RELEASES, SEED_ID, 'en')).toHaveLength(1);
  });

  it('is a change when the newest revision is a draft: writing it published gives it to readers', async () => {
    const { request } = freshApp();
    await store();
    const draft = { ...seedDocument(), headline: 'A drafted headline' };
    await writeRevision(env.RELEASES, draft, { author: 'ed', message: 'draft', draft: true });
    const response = await request(`${URL_EN}&force=true`, adminInit('PUT', draft));
    const body = (await response.json()) as Written;
    expect(body.revision).toBe(3);
    expect(body.unchanged).toBeUndefined();
    expect(((await (await request(URL_EN)).json()) as { headline: string }).headline).toBe('A drafted headline');
  });

  it('as a draft of what readers already get, writes nothing', async () => {
    const { request } = freshApp();
    await store();
    const response = await request(`${URL_EN}&force=true&draft=true`, adminInit('PUT', seedDocument()));
    expect(((await response.json()) as Written).unchanged).toBe(true);
    expect(await listRevisions(env.RELEASES, SEED_ID, 'en')).toHaveLength(1);
  });

  it('through a rollback to the same document, writes nothing', async () => {
    const { request } = freshApp();
    await store();
    const response = await request(`/api/releases/${SEED_ID}/rollback?lang=en`, adminInit('POST', { revision: 1 }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as Written).unchanged).toBe(true);
    expect(await listRevisions(env.RELEASES, SEED_ID, 'en')).toHaveLength(1);
  });
});

describe('a second unpublish', () => {
  it('keeps the first one’s time, author and message, and says nothing changed', async () => {
    const { request } = freshApp();
    await store();
    const unpublish = (who: string, why: string) =>
      request(
        `/api/releases/${SEED_ID}/unpublish`,
        adminInit('POST', undefined, { 'X-Revision-Author': who, 'X-Revision-Message': why }),
      );
    const first = (await (await unpublish('ed', 'Legal')).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ author: 'ed', message: 'Legal', languages: ['en'] });
    expect(first.unchanged).toBeUndefined();
    const second = await unpublish('other', 'Again');
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ...first, unchanged: true });
    expect(await readWithdrawal(env.RELEASES, SEED_ID)).toEqual({
      unpublishedAt: first.unpublishedAt,
      author: 'ed',
      message: 'Legal',
    });
  });
});
