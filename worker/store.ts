/**
 * The KV store of release documents: the current revision of each (release, language) and an
 * immutable history. The worker reads through it and the CLI writes through it, so the key
 * layout, validation and revision rules live here and nowhere else.
 *
 * Layout:
 * - `current:<id>:<lang>`: the current {@link StoredRevision}, with {@link CurrentMetadata} so
 *   that one `list()` describes every release without reading any document.
 * - `revision:<id>:<lang>:<n>`: revision n, written once and never overwritten, with its
 *   {@link RevisionSummary} as metadata so that history needs one `list()`.
 */
import type { KVNamespace } from './kv';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { withTimeout } from './cache';
import { parityIssues, untranslatedIssues, type ParityIssue } from '../data/parity';

export interface StoredRevision {
  revision: number;
  savedAt: string;
  author: string;
  message: string;
  document: ReleaseDocument;
}

/** What `list()` returns beside each current key: enough for the release index. */
interface CurrentMetadata {
  revision: number;
  headline: string;
  date: string;
}

export interface CurrentEntry extends CurrentMetadata {
  id: string;
  lang: string;
}

/** Who wrote a revision, when and why: the history without the documents. */
export interface RevisionSummary {
  revision: number;
  savedAt: string;
  author: string;
  message: string;
}

export interface WriteOptions {
  author: string;
  message: string;
  /** The revision the edit started from; the write is refused if the store has moved on. */
  baseRevision?: number;
  force?: boolean;
  now?: Date;
}

/** KV holds something that is not a valid stored revision. Readers fall back; writers stop. */
export class CorruptDataError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`KV key "${key}" holds an invalid document: ${detail}`);
    this.name = 'CorruptDataError';
  }
}

/** The write was based on a revision that is no longer current (HTTP 412). */
export class RevisionConflictError extends Error {
  constructor(
    readonly currentRevision: number,
    readonly baseRevision: number | undefined,
  ) {
    super(`the current revision is ${currentRevision}, the write was based on ${baseRevision ?? 'none'}`);
    this.name = 'RevisionConflictError';
  }
}

/** The document is valid on its own but not as a translation of the English revision it names. */
export class TranslationRefusedError extends Error {
  constructor(readonly issues: ParityIssue[]) {
    super(`the translation does not match the English revision it names: ${issues.length} problem(s)`);
    this.name = 'TranslationRefusedError';
  }
}

/** There is no such revision to read or roll back to. */
export class RevisionNotFoundError extends Error {
  constructor(readonly revision: number) {
    super(`there is no revision ${revision}`);
    this.name = 'RevisionNotFoundError';
  }
}

const CURRENT = 'current:';
const currentKey = (id: string, lang: string) => `${CURRENT}${id}:${lang}`;
const revisionPrefix = (id: string, lang: string) => `revision:${id}:${lang}:`;
const revisionKey = (id: string, lang: string, n: number) => `${revisionPrefix(id, lang)}${String(n).padStart(8, '0')}`;

/** The current revision of one document, `null` when there is none; throws {@link CorruptDataError}. */
export async function readCurrent(kv: KVNamespace, id: string, lang: string): Promise<StoredRevision | null> {
  const key = currentKey(id, lang);
  const raw = await kv.get(key, 'text');
  return raw === null ? null : parseStored(key, raw);
}

/** Every current document's id, language and metadata, from one listing. */
export async function listCurrent(kv: KVNamespace): Promise<CurrentEntry[]> {
  return (await listAll(kv, CURRENT)).map(({ name, metadata }) => {
    const [id, lang] = name.slice(CURRENT.length).split(':');
    if (!id || !lang) throw new CorruptDataError(name, 'not a current:<id>:<lang> key');
    return { id, lang, ...(JSON.parse(metadata) as CurrentMetadata) };
  });
}

/** Revision `n` of one document, `null` when there is none. */
export async function readRevision(
  kv: KVNamespace,
  id: string,
  lang: string,
  n: number,
): Promise<StoredRevision | null> {
  const key = revisionKey(id, lang, n);
  const raw = await kv.get(key, 'text');
  return raw === null ? null : parseStored(key, raw);
}

/** Every revision of one document, oldest first, from list metadata alone. */
export async function listRevisions(kv: KVNamespace, id: string, lang: string): Promise<RevisionSummary[]> {
  return (await listAll(kv, revisionPrefix(id, lang))).map(({ metadata }) => JSON.parse(metadata) as RevisionSummary);
}

/** Every key under `prefix` with its (string) metadata, across all pages of `list()`. */
async function listAll(kv: KVNamespace, prefix: string): Promise<{ name: string; metadata: string }[]> {
  const keys: { name: string; metadata: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<string>({ prefix, ...(cursor ? { cursor } : {}) });
    for (const { name, metadata } of page.keys) {
      if (typeof metadata !== 'string') throw new CorruptDataError(name, 'missing metadata');
      keys.push({ name, metadata });
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return keys;
}

/**
 * Validates `input` and stores it as the next revision of its (id, lang). Nothing is written
 * unless the document is valid and, without `force`, `baseRevision` is still current.
 * Writes to one document are serialised within an isolate; across isolates, a revision number
 * already taken in KV is refused as a conflict rather than overwritten. KV has no
 * compare-and-swap, so two writers in different locations within KV's propagation delay could
 * both pass these checks; strict exclusion would need a Durable Object in front of the writes.
 */
export async function writeRevision(kv: KVNamespace, input: unknown, options: WriteOptions): Promise<StoredRevision> {
  const { $schema: _editorOnly, ...document } = ReleaseDocumentSchema.parse(input);
  await checkTranslation(kv, document);
  return exclusive(`${document.id}:${document.lang}`, async () => {
    const current = await readCurrent(kv, document.id, document.lang);
    const currentRevision = current?.revision ?? 0;
    if (!options.force && options.baseRevision !== undefined && options.baseRevision !== currentRevision) {
      throw new RevisionConflictError(currentRevision, options.baseRevision);
    }
    const stored: StoredRevision = {
      revision: currentRevision + 1,
      savedAt: (options.now ?? new Date()).toISOString(),
      author: options.author,
      message: options.message,
      document,
    };
    const historyKey = revisionKey(document.id, document.lang, stored.revision);
    if ((await kv.get(historyKey, 'text')) !== null) throw new RevisionConflictError(stored.revision, currentRevision);
    const { revision, savedAt, author, message } = stored;
    const value = JSON.stringify(stored);
    // History first, so that no current revision is ever missing from the history.
    await kv.put(historyKey, value, { metadata: asciiJson({ revision, savedAt, author, message }) });
    const metadata: CurrentMetadata = { revision, headline: document.headline, date: document.date };
    await kv.put(currentKey(document.id, document.lang), value, { metadata: asciiJson(metadata) });
    return stored;
  });
}

/** Writes a new revision whose document equals revision `n`: history only grows. */
export async function rollback(
  kv: KVNamespace,
  id: string,
  lang: string,
  n: number,
  options: WriteOptions,
): Promise<StoredRevision> {
  const target = await readRevision(kv, id, lang, n);
  if (!target) throw new RevisionNotFoundError(n);
  return writeRevision(kv, target.document, { ...options, message: options.message || `Roll back to revision ${n}` });
}

/**
 * A translation must mirror the English revision it names (same ids, counts, dates, URLs and
 * references) and translate every text field it does not list as kept the same on purpose.
 */
async function checkTranslation(kv: KVNamespace, document: ReleaseDocument): Promise<void> {
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
}

const writing = new Map<string, Promise<unknown>>();

/**
 * Runs `write` after any write to the same document in this isolate has finished. A waiter
 * gives up after 10 s rather than await forever a request that was cancelled mid-write.
 */
async function exclusive<T>(key: string, write: () => Promise<T>): Promise<T> {
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

/**
 * Metadata as JSON text with every non-ASCII character escaped: KV carries metadata in an HTTP
 * header on some paths (local mode warns about raw UTF-8 there), and a Cyrillic headline must
 * survive every one of them.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function parseStored(key: string, raw: string): StoredRevision {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error: unknown) {
    throw new CorruptDataError(key, error instanceof Error ? error.message : String(error));
  }
  const stored = value as Partial<StoredRevision> | null;
  if (typeof stored?.revision !== 'number' || !Number.isInteger(stored.revision) || stored.revision < 1) {
    throw new CorruptDataError(key, 'no positive integer "revision"');
  }
  const result = ReleaseDocumentSchema.safeParse(stored.document);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new CorruptDataError(key, `document.${first?.path.join('.')}: ${first?.message}`);
  }
  return {
    revision: stored.revision,
    savedAt: String(stored.savedAt ?? ''),
    author: String(stored.author ?? ''),
    message: String(stored.message ?? ''),
    document: result.data,
  };
}
