/**
 * Publishing and unpublishing one document (a release in one language), run where writes run:
 * by the document's Durable Object (worker/writer.ts) and by the CLI's local mode. Nothing here
 * touches the history; what changes is the current copy, the one thing readers read.
 *
 * - A draft is a revision written without becoming current (worker/write.ts): readers keep the
 *   published revision, or see no release at all when none was ever published.
 * - Publishing makes the newest revision current and lifts an unpublish. A translation is
 *   published only when readers have (or had) the English revision it translates; a draft
 *   published is recorded (`published:…`), so that its translations can follow.
 * - Unpublishing marks the release (`unpublished:<id>`, which readers consult to answer 410
 *   rather than 404, and writers to keep every later write a draft), notes the revision readers
 *   had (`withdrawn:<id>:<lang>`, for the history) and removes the current copy, so the index,
 *   `latest`, the API and the pages lose it at once. The mark goes first: from then on no write
 *   makes the document current again.
 */
import type { KVNamespace } from './kv';
import {
  currentKey,
  publishedKey,
  readCurrent,
  readLatest,
  readWithdrawal,
  readWithdrawn,
  unpublishedKey,
  withdrawnKey,
  type StoredRevision,
  type Withdrawal,
} from './store';
import { NoDocumentError, RevisionConflictError } from './store-errors';
import { checkSourcePublished, exclusive, putCurrent } from './write';

/** What publishing one document did: the revision now current, and the one it replaced. */
export interface Published {
  stored: StoredRevision;
  /** The revision readers had before, `null` when they had none (a new release or an unpublished one). */
  previous: number | null;
}

/** What readers get of a document, as its history shows it. */
export interface Publication {
  /** The revision readers get; `null`: none (drafts only, or the release is unpublished). */
  published: number | null;
  /** Set while the release is unpublished. */
  unpublished: Withdrawal | null;
  /** While none is current: the revision readers had when the release was unpublished, if any. */
  withdrawn: number | null;
}

/**
 * What readers get of `id`/`lang`, and while they get nothing, what they had: what the history
 * marks (the admin API's, and the CLI's local one).
 *
 * @example
 * await publication(kv, 'belarus-2025-12', 'en'); // { published: null, unpublished: {…}, withdrawn: 2 }
 */
export async function publication(kv: KVNamespace, id: string, lang: string): Promise<Publication> {
  const [current, unpublished, withdrawn] = await Promise.all([
    readCurrent(kv, id, lang).catch(() => null),
    readWithdrawal(kv, id),
    readWithdrawn(kv, id, lang),
  ]);
  const published = current?.revision ?? null;
  return { published, unpublished, withdrawn: published === null ? withdrawn : null };
}

/**
 * Makes the newest revision of `id`/`lang` current and lifts the release's unpublish. With
 * `expected`, only if that is still the newest revision (what the editor previewed), else
 * {@link RevisionConflictError}.
 *
 * @example
 * await publishDocument(kv, 'belarus-2025-12', 'en', 7); // readers get revision 7
 */
export async function publishDocument(
  kv: KVNamespace,
  id: string,
  lang: string,
  expected?: number,
): Promise<Published> {
  return exclusive(`${id}:${lang}`, async () => {
    const latest = await readLatest(kv, id, lang);
    if (!latest) throw new NoDocumentError(id, lang);
    if (expected !== undefined && expected !== latest.revision) {
      throw new RevisionConflictError(latest.revision, expected);
    }
    const previous = await readCurrent(kv, id, lang).catch(() => null);
    const changes = previous?.revision !== latest.revision;
    if (changes) await checkSourcePublished(kv, latest.document, undefined, latest.revision);
    // The mark first: with it gone, a failure below leaves a 404, never a write kept as a draft.
    await kv.delete(unpublishedKey(id));
    if (changes) {
      await putCurrent(kv, latest);
      // While it is current, that says readers have it; this says so once it is not.
      if (latest.draft) await kv.put(publishedKey(id, lang, latest.revision), new Date().toISOString());
    }
    return { stored: latest, previous: previous?.revision ?? null };
  });
}

/**
 * Takes `id`/`lang` off the public surface: marks the release unpublished (with `note`, unless
 * it is already: the first note stays), then removes the document's current copy. The history
 * stays whole; `publishDocument` undoes it.
 * Answers the newest revision, which the history keeps.
 *
 * @example
 * await unpublishDocument(kv, 'belarus-2025-12', 'en', { unpublishedAt, author: 'ed', message: 'Legal check' });
 */
export async function unpublishDocument(
  kv: KVNamespace,
  id: string,
  lang: string,
  note: Withdrawal,
): Promise<StoredRevision> {
  return exclusive(`${id}:${lang}`, async () => {
    const latest = await readLatest(kv, id, lang);
    if (!latest) throw new NoDocumentError(id, lang);
    // A second unpublish keeps the first one's note: when, who and why it came down.
    if ((await readWithdrawal(kv, id)) === null) await kv.put(unpublishedKey(id), JSON.stringify(note));
    const current = await readCurrent(kv, id, lang).catch(() => null);
    if (current) await kv.put(withdrawnKey(id, lang), String(current.revision));
    await kv.delete(currentKey(id, lang));
    return latest;
  });
}
