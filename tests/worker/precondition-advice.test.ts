/**
 * A 412 says what is true of the request it refuses: an edit on a stale base is told to pull and
 * reapply; a create of a document that exists, to edit it instead; a publish of a revision no
 * longer the newest, to preview the newer one first.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { writeRevision } from '../../worker/write';
import { SEED_ID, adminInit, freshApp, seedDocument, store } from './helpers';

interface Problem {
  detail: string;
  currentRevision?: number;
}

describe('412 Precondition Failed', () => {
  it('on If-None-Match: * for a document that exists, says so and how to change it', async () => {
    await store();
    const response = await freshApp().request(
      `/api/releases/${SEED_ID}?lang=en`,
      adminInit('PUT', { ...seedDocument(), headline: 'New' }, { 'If-None-Match': '*' }),
    );
    expect(response.status).toBe(412);
    const { detail, currentRevision } = (await response.json()) as Problem;
    expect(currentRevision).toBe(1);
    expect(detail).toContain(`${SEED_ID}/en exists already`);
    expect(detail).toContain('If-Match with the ETag of revision 1');
    expect(detail).not.toContain('reapply your edit');
  });

  it('on a publish of a revision no longer the newest, says nothing was published and what to preview', async () => {
    const { request } = freshApp();
    await store();
    await writeRevision(
      env.RELEASES,
      { ...seedDocument(), headline: 'Draft 2' },
      { author: 'a', message: '', draft: true },
    );
    const previewed = (await request(`/api/releases/${SEED_ID}/revisions/2?lang=en`, adminInit('GET'))).headers.get(
      'ETag',
    )!;
    await writeRevision(
      env.RELEASES,
      { ...seedDocument(), headline: 'Draft 3' },
      { author: 'b', message: '', draft: true },
    );
    const response = await request(
      `/api/releases/${SEED_ID}/publish?lang=en`,
      adminInit('POST', undefined, { 'If-Match': previewed }),
    );
    expect(response.status).toBe(412);
    const { detail, currentRevision } = (await response.json()) as Problem;
    expect(currentRevision).toBe(3);
    expect(detail).toContain('Revision 3 of belarus-2025-12/en was written after the one you previewed (2)');
    expect(detail).toContain('nothing was published');
    expect(detail).not.toContain('reapply your edit');
  });

  it('on an edit from a stale base, still says to pull and reapply', async () => {
    const { request } = freshApp();
    await store();
    const stale = (await request(`/api/releases/${SEED_ID}/revisions/1?lang=en`, adminInit('GET'))).headers.get(
      'ETag',
    )!;
    await store({ ...seedDocument(), headline: 'Someone else' });
    const response = await request(
      `/api/releases/${SEED_ID}?lang=en`,
      adminInit('PUT', { ...seedDocument(), headline: 'Mine' }, { 'If-Match': stale }),
    );
    expect(response.status).toBe(412);
    expect(((await response.json()) as Problem).detail).toContain('reapply your edit');
  });
});
