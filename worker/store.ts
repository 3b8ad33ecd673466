/**
 * The KV store of release documents: the current revision of each (release, language) and an
 * immutable history. The worker reads through it and the writers (worker/write.ts, run by the
 * Durable Object and by the CLI's local mode) write through it, so the key layout lives here.
 *
 * Layout:
 * - `revision:<id>:<lang>:<n>`: revision n (zero-padded to 8 digits), written once and never
 *   overwritten, with `{ revision, savedAt, author?, message? }` as list metadata.
 * - `current:<id>:<lang>`: a copy of the newest revision, with `{ revision, date, headline? }`
 *   as list metadata so that one `list()` describes every release. Written after the revision,
 *   so it may lag behind the history after a failed write, never run ahead of it.
 *
 * - `unpublished:<id>`: present while a release is unpublished (`{ unpublishedAt, author,
 *   message }`); its current keys are gone meanwhile, its history stays (worker/publishing.ts).
 * - `withdrawn:<id>:<lang>`: the revision readers had when the release was last unpublished, so
 *   that the history can tell it from a draft while no revision is current.
 * - `published:<id>:<lang>:<n>`: draft revision n was published (when): readers have had it,
 *   so a translation of it may go public (worker/write.ts). A revision written published needs none.
 *
 * Metadata fields that do not fit KV's 1,024 bytes are left out (worker/metadata.ts); every
 * listing here fills them in from the values, so no caller depends on them.
 */
import type { KVNamespace } from './kv';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { metadataFields, positiveInt, text, type RawMetadata } from './metadata';
import { CorruptDataError } from './store-errors';

export interface StoredRevision {
  revision: number;
  savedAt: string;
  author: string;
  message: string;
  /** Written as a draft (or while its release was unpublished): not made current by the write. */
  draft?: true;
  document: ReleaseDocument;
}

/** One current key as listed: its metadata fields, each `undefined` when missing or garbled. */
export interface CurrentEntry {
  id: string;
  lang: string;
  revision?: number;
  headline?: string;
  date?: string;
}

/** Who wrote a revision, when and why: the history without the documents. */
export interface RevisionSummary {
  revision: number;
  savedAt: string;
  author: string;
  message: string;
  /** Written as a draft: readers did not get it from that write (worker/publishing.ts). */
  draft?: true;
  /** Set when the revision's value cannot be read: the history shows it, nothing else can. */
  unreadable?: true;
}

/** Who took a release off the public surface, when and why. */
export interface Withdrawal {
  unpublishedAt: string;
  author: string;
  message: string;
}

const CURRENT = 'current:';
export const unpublishedKey = (id: string) => `unpublished:${id}`;
export const currentKey = (id: string, lang: string) => `${CURRENT}${id}:${lang}`;
export const withdrawnKey = (id: string, lang: string) => `withdrawn:${id}:${lang}`;
export const publishedKey = (id: string, lang: string, n: number) => `published:${id}:${lang}:${n}`;
const revisionPrefix = (id: string, lang: string) => `revision:${id}:${lang}:`;
export const revisionKey = (id: string, lang: string, n: number) =>
  `${revisionPrefix(id, lang)}${String(n).padStart(8, '0')}`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The current revision of one document, `null` when there is none; throws {@link CorruptDataError}. */
export async function readCurrent(kv: KVNamespace, id: string, lang: string): Promise<StoredRevision | null> {
  const key = currentKey(id, lang);
  const raw = await kv.get(key, 'text');
  return raw === null ? null : parseStored(key, raw);
}

/**
 * Whether a release is unpublished, and by whom: `null` when it is not. A value that is not
 * what this store writes still counts as unpublished: the key exists only because an editor
 * took the release down, and a garbled note must not bring it back.
 */
export async function readWithdrawal(kv: KVNamespace, id: string): Promise<Withdrawal | null> {
  const raw = await kv.get(unpublishedKey(id), 'text');
  if (raw === null) return null;
  const fields = metadataFields(raw);
  const [unpublishedAt, author, message] = ['unpublishedAt', 'author', 'message'].map((f) => text(fields, f) ?? '');
  return { unpublishedAt: unpublishedAt!, author: author!, message: message! };
}

/** The revision readers had of one document when its release was last unpublished; `null`: none. */
export async function readWithdrawn(kv: KVNamespace, id: string, lang: string): Promise<number | null> {
  const revision = Number(await kv.get(withdrawnKey(id, lang), 'text'));
  return Number.isInteger(revision) && revision > 0 ? revision : null;
}

/**
 * Whether readers have, or once had, revision `stored` of `id`/`lang`: it was written published,
 * is current, was current when the release was unpublished, or was published from a draft
 * (`published:` key). A draft never published answers `false`.
 */
export async function readersHad(kv: KVNamespace, id: string, lang: string, stored: StoredRevision): Promise<boolean> {
  const n = stored.revision;
  if (!stored.draft || (await kv.get(publishedKey(id, lang, n), 'text')) !== null) return true;
  const current = await readCurrent(kv, id, lang).catch(() => null);
  return current?.revision === n || (await readWithdrawn(kv, id, lang)) === n;
}

/** Revision `n` of one document, `null` when there is none; throws {@link CorruptDataError}. */
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

/** Every current key's id and language with what its metadata says, from one listing. */
export async function listCurrent(kv: KVNamespace): Promise<CurrentEntry[]> {
  return (await listAll(kv, CURRENT)).flatMap(({ name, metadata }) => {
    const [id, lang, ...rest] = name.slice(CURRENT.length).split(':');
    if (!id || !lang || rest.length > 0) return []; // not a key this store wrote
    const fields = metadataFields(metadata);
    return [
      {
        id,
        lang,
        revision: positiveInt(fields, 'revision'),
        headline: text(fields, 'headline'),
        date: text(fields, 'date', ISO_DATE),
      },
    ];
  });
}

/**
 * Every revision of one document, oldest first. The numbers come from the key names; who, when
 * and why from the metadata, or from the value where the metadata lacks them.
 */
export async function listRevisions(kv: KVNamespace, id: string, lang: string): Promise<RevisionSummary[]> {
  const prefix = revisionPrefix(id, lang);
  const summaries = (await listAll(kv, prefix)).map(async ({ name, metadata }) => {
    const revision = Number(name.slice(prefix.length));
    const fields = metadataFields(metadata);
    const [savedAt, author, message] = ['savedAt', 'author', 'message'].map((field) => text(fields, field));
    // `draft` is a required metadata field when set, so its absence means a published write.
    const draft = fields.draft === true ? { draft: true as const } : {};
    if (savedAt !== undefined && author !== undefined && message !== undefined) {
      return { revision, savedAt, author, message, ...draft };
    }
    try {
      const stored = parseStored(name, (await kv.get(name, 'text')) ?? '');
      const { savedAt, author, message } = stored;
      return { revision, savedAt, author, message, ...(stored.draft ? { draft: true as const } : {}) };
    } catch {
      return {
        revision,
        savedAt: savedAt ?? '',
        author: author ?? '',
        message: message ?? '',
        unreadable: true as const,
      };
    }
  });
  return (await Promise.all(summaries)).filter((s) => Number.isInteger(s.revision) && s.revision > 0);
}

/** Whether KV holds any revision at all: a namespace that does not is new, not emptied. */
export async function holdsAnyRevision(kv: KVNamespace): Promise<boolean> {
  return (await kv.list({ prefix: 'revision:', limit: 1 })).keys.length > 0;
}

/** Every language a release has a history in, sorted: what a release-wide publish or unpublish covers. */
export async function languagesOf(kv: KVNamespace, id: string): Promise<string[]> {
  const prefix = `revision:${id}:`;
  const langs = (await listAll(kv, prefix)).map(({ name }) => name.slice(prefix.length).split(':')[0]!);
  return [...new Set(langs)].sort();
}

/** The highest revision number in the history, 0 when there is none. */
export async function lastInHistory(kv: KVNamespace, id: string, lang: string): Promise<number> {
  const prefix = revisionPrefix(id, lang);
  const numbers = (await listAll(kv, prefix)).map(({ name }) => Number(name.slice(prefix.length)));
  return Math.max(0, ...numbers.filter((n) => Number.isInteger(n) && n > 0));
}

/**
 * The newest revision in the history that can be read, `null` when there is none: what an
 * editor works from, whatever state the current pointer is in.
 */
export async function readLatest(kv: KVNamespace, id: string, lang: string): Promise<StoredRevision | null> {
  let last = await lastInHistory(kv, id, lang);
  // KV's listings may lag its newest writes (they are eventually consistent): look past them, so
  // that a preview or a publish right after a push sees that push.
  while ((await kv.get(revisionKey(id, lang, last + 1), 'text')) !== null) last++;
  for (let n = last; n > 0; n--) {
    try {
      const stored = await readRevision(kv, id, lang, n);
      if (stored) return stored;
    } catch (error: unknown) {
      if (!(error instanceof CorruptDataError)) throw error;
    }
  }
  return null;
}

/** Every key under `prefix` with its metadata, across all pages of `list()`. */
async function listAll(kv: KVNamespace, prefix: string): Promise<{ name: string; metadata: RawMetadata }[]> {
  const keys: { name: string; metadata: RawMetadata }[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix, ...(cursor ? { cursor } : {}) });
    for (const { name, metadata } of page.keys) keys.push({ name, metadata });
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return keys;
}

/** A stored revision from KV's text, validated; throws {@link CorruptDataError} naming the key. */
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
    ...(stored.draft === true ? { draft: true as const } : {}),
    document: result.data,
  };
}
