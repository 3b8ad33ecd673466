/**
 * Writing a revision: validation, the precondition, and the KV operations, in an order that no
 * failure can turn into a locked document. The Durable Object (worker/writer.ts) runs this with
 * its authoritative counter; the CLI's local mode runs it with the history as the counter.
 *
 * A write is: [read the English revision a translation names], find the last revision number
 * (the counter, checked against the history), put `revision:…:n+1`, put `current:…`, record
 * n+1 in the counter. The revision is the commit point. A failure before it changes nothing; a
 * failure after it leaves a revision the counter has not recorded and a current pointer that
 * lags by one: the next write finds that revision (it probes n+1 before using it), numbers
 * after it and rewrites the pointer. The current pointer is never read to number a write.
 */
import { parityIssues, untranslatedIssues } from '../data/parity';
import { MAX_AUTHOR_LENGTH, MAX_MESSAGE_LENGTH, textProblem } from '../data/limits';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import type { KVNamespace } from './kv';
import { fitMetadata } from './metadata';
import { withTimeout } from './cache';
import {
  currentKey,
  lastInHistory,
  readCurrent,
  readersHad,
  readRevision,
  readWithdrawal,
  revisionKey,
  type StoredRevision,
} from './store';
import {
  CorruptDataError,
  RevisionConflictError,
  RevisionNotFoundError,
  RevisionNoteError,
  TranslationRefusedError,
  UnpublishedSourceError,
} from './store-errors';

export interface WriteOptions {
  author: string;
  message: string;
  /** The revision the edit started from; the write is refused if the store has moved on. */
  baseRevision?: number;
  force?: boolean;
  /** Store the revision without making it current: readers keep the published one (worker/publishing.ts). */
  draft?: boolean;
  /**
   * Write nothing when nothing would change (the newest revision holds the same document, and
   * readers get it or the write is a draft): the answer is that revision, marked `unchanged`.
   * The admin API asks for it; the CLI says "No changes" before it writes.
   */
  skipUnchanged?: boolean;
  now?: Date;
}

/**
 * What a write answers: the revision written, or with `unchanged`, the last revision, which
 * already holds the document (nothing was written).
 */
export type Written = StoredRevision & { unchanged?: true };

/**
 * Where the last revision number of a document is kept. Without one, the history (a KV
 * listing) is the counter: right where KV is consistent (one machine, the CLI's local mode).
 */
export interface RevisionCounter {
  /** The last revision this counter recorded, `undefined` when it has recorded none. */
  read(): Promise<number | undefined>;
  record(revision: number): Promise<void>;
}

/**
 * Validates `input` and stores it as the next revision of its (id, lang). Nothing is written
 * unless the document, author and message are valid and, without `force`, `baseRevision` is
 * the last revision; nor when it would change nothing (`unchanged`). Writes to one document
 * are serialised within this isolate; across isolates and locations the Durable Object
 * serialises them. A draft, and any write to a release that is unpublished, goes into the
 * history only: the current copy stays as it is.
 *
 * @example
 * await writeRevision(env.RELEASES, doc, { author: 'ed', message: 'Fix the count', baseRevision: 3 });
 */
export async function writeRevision(
  kv: KVNamespace,
  input: unknown,
  options: WriteOptions,
  counter?: RevisionCounter,
): Promise<Written> {
  const { $schema: _editorOnly, ...document } = ReleaseDocumentSchema.parse(input);
  checkNote(options);
  const { id, lang } = document;
  return exclusive(`${id}:${lang}`, async () => {
    const withheld = options.draft === true || (await readWithdrawal(kv, id)) !== null;
    await checkTranslation(kv, document, !withheld);
    const last = await lastRevision(kv, id, lang, counter);
    if (!options.force && options.baseRevision !== undefined && options.baseRevision !== last) {
      throw new RevisionConflictError(last, options.baseRevision);
    }
    const same = options.skipUnchanged ? await unchanged(kv, document, last, withheld) : null;
    if (same) return { ...same, unchanged: true as const };
    const stored: StoredRevision = {
      revision: last + 1,
      savedAt: (options.now ?? new Date()).toISOString(),
      author: options.author,
      message: options.message,
      ...(withheld ? { draft: true as const } : {}),
      document,
    };
    const { revision, savedAt, author, message } = stored;
    await kv.put(revisionKey(id, lang, revision), JSON.stringify(stored), {
      metadata: fitMetadata({ revision, savedAt, ...(withheld ? { draft: true } : {}) }, { author, message }),
    });
    if (!withheld) await putCurrent(kv, stored);
    await counter?.record(revision);
    return stored;
  });
}

/**
 * Makes `stored` the revision readers get: the current copy, with the list metadata the index
 * is built from. The copy does not carry the draft mark: once current, it is published.
 */
export async function putCurrent(kv: KVNamespace, { draft: _published, ...stored }: StoredRevision): Promise<void> {
  const { revision, document } = stored;
  await kv.put(currentKey(document.id, document.lang), JSON.stringify(stored), {
    metadata: fitMetadata({ revision, date: document.date }, { headline: document.headline }),
  });
}

/**
 * The last revision, when a write of `document` would change nothing for anyone: it holds the
 * same document, and is what readers get (or the write would be a draft anyway). A write over
 * a draft that publishes it is a change.
 */
async function unchanged(
  kv: KVNamespace,
  document: ReleaseDocument,
  last: number,
  withheld: boolean,
): Promise<StoredRevision | null> {
  if (last === 0) return null;
  // An unreadable revision or current copy is no reason to refuse: the write repairs it.
  const stored = await readRevision(kv, document.id, document.lang, last).catch(corruptAsNull);
  if (!stored || JSON.stringify(stored.document) !== JSON.stringify(document)) return null;
  if (withheld) return stored;
  const current = await readCurrent(kv, document.id, document.lang).catch(corruptAsNull);
  return current?.revision === last ? stored : null;
}

function corruptAsNull(error: unknown): null {
  if (error instanceof CorruptDataError) return null;
  throw error;
}

/** Writes a new revision whose document equals revision `n`: history only grows. */
export async function rollback(
  kv: KVNamespace,
  id: string,
  lang: string,
  n: number,
  options: WriteOptions,
  counter?: RevisionCounter,
): Promise<Written> {
  checkNote(options);
  const target = await readRevision(kv, id, lang, n);
  if (!target) throw new RevisionNotFoundError(n);
  const message = options.message || `Roll back to revision ${n}`;
  return writeRevision(kv, target.document, { ...options, message }, counter);
}

/**
 * The last revision written: the counter's, when the history holds that revision (a counter
 * that outlived its KV namespace is not trusted), else the history's; then any revision past
 * it is adopted, so that a revision stored by a write that failed afterwards, or by a writer
 * that bypassed the counter, is numbered after and never overwritten.
 */
async function lastRevision(kv: KVNamespace, id: string, lang: string, counter?: RevisionCounter): Promise<number> {
  const counted = await counter?.read();
  const trusted = counted !== undefined && counted > 0 && (await exists(kv, revisionKey(id, lang, counted)));
  let last = trusted ? counted : await lastInHistory(kv, id, lang);
  while (await exists(kv, revisionKey(id, lang, last + 1))) last++;
  return last;
}

async function exists(kv: KVNamespace, key: string): Promise<boolean> {
  return (await kv.get(key, 'text')) !== null;
}

/** Author and message are shown in terminals and pages: bounded, and without control characters. */
function checkNote({ author, message }: Pick<WriteOptions, 'author' | 'message'>): void {
  const authorProblem = textProblem(author, MAX_AUTHOR_LENGTH);
  if (authorProblem) throw new RevisionNoteError('author', authorProblem);
  const messageProblem = textProblem(message, MAX_MESSAGE_LENGTH);
  if (messageProblem) throw new RevisionNoteError('message', messageProblem);
}

/**
 * A translation must mirror the English revision it names (same ids, counts, dates, URLs and
 * references) and translate every text field it does not list as kept the same on purpose.
 * One that readers will get (`goesPublic`) must translate an English revision readers have, or
 * had: else the facts of an English draft would reach them in another language first.
 */
async function checkTranslation(kv: KVNamespace, document: ReleaseDocument, goesPublic: boolean): Promise<void> {
  const base = document.translation;
  if (!base) return;
  const english = await readRevision(kv, document.id, base.from, base.revision);
  if (!english) {
    throw new TranslationRefusedError([
      {
        path: '/translation/revision',
        message: `there is no revision ${base.revision} of ${document.id}/${base.from} to translate from`,
      },
    ]);
  }
  const issues = [...parityIssues(document, english.document), ...untranslatedIssues(document, english.document)];
  if (issues.length > 0) throw new TranslationRefusedError(issues);
  if (goesPublic) await checkSourcePublished(kv, document, english);
}

/**
 * Refuses to let `document`, a translation, reach readers while `english` (the revision it
 * translates; read when not given) is a draft readers have never had. `publishing`: the
 * revision being published, for the refusal's words.
 *
 * @example
 * await checkSourcePublished(kv, latest.document, undefined, latest.revision); // before making it current
 */
export async function checkSourcePublished(
  kv: KVNamespace,
  document: ReleaseDocument,
  english?: StoredRevision | null,
  publishing?: number,
): Promise<void> {
  const base = document.translation;
  if (!base) return;
  const source = english ?? (await readRevision(kv, document.id, base.from, base.revision));
  // A translation of a revision that is gone was checked when written; nothing to leak now.
  if (!source || (await readersHad(kv, document.id, base.from, source))) return;
  const published = (await readCurrent(kv, document.id, base.from).catch(() => null))?.revision ?? null;
  throw new UnpublishedSourceError(document.id, document.lang, base.revision, published, publishing);
}

const writing = new Map<string, Promise<unknown>>();

/**
 * Runs `write` after any write to the same document in this isolate has finished. A waiter
 * gives up after 10 s rather than await forever a request that was cancelled mid-write.
 */
export async function exclusive<T>(key: string, write: () => Promise<T>): Promise<T> {
  const previous = writing.get(key);
  const mine = (async () => {
    if (previous) await withTimeout(previous, 10_000).catch(() => undefined);
    return write();
  })();
  writing.set(key, mine);
  try {
    return await mine;
  } finally {
    if (writing.get(key) === mine) writing.delete(key);
  }
}
