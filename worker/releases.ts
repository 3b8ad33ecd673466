/**
 * The read path: which document a reader gets for (id | "latest", lang), from isolate memory,
 * KV, or the copy bundled at build time, and which fallback, if any, that was. While a change
 * settles in KV, what the Durable Objects that made it say beats what KV holds here.
 */
import type { KVNamespace } from './kv';
import { DEFAULT_LANG } from '../data/lang';
import { englishMoved } from '../data/parity';
import { MAX_ID_LENGTH } from '../data/limits';
import { ID_PATTERN, LANG_PATTERN } from '../data/patterns';
import { ReleaseDocumentSchema } from '../data/schema';
import { BUNDLED_RELEASES } from '../dist/releases-bundle';
import { IsolateCache, withTimeout } from './cache';
import { retrying } from './kv-retry';
import type { RecentChange } from './recent-changes';
import { newestFirst, summarise, withChanges, type IndexEntry, type ReleaseSummary } from './release-index';
import { represent, type Representation } from './representation';
import {
  holdsAnyRevision,
  listCurrent,
  readCurrent,
  readLatest,
  readRevision,
  readWithdrawal,
  type CurrentEntry,
  type StoredRevision,
  type Withdrawal,
} from './store';

/**
 * What a fallback is: the last good copy in memory, the build-time bundle, or (for `latest`)
 * an older release because the newest cannot be read.
 */
export const FALLBACKS = ['memory', 'bundled', 'older-release'] as const;
export type Fallback = (typeof FALLBACKS)[number];

export interface Served<T> {
  value: T;
  fallback?: Fallback;
  /** For a translation: how many revisions English has gained since the one it translates. */
  behind?: number;
}

export interface ReleaseReaderOptions {
  /** How long a document stays in isolate memory before KV is asked again. */
  ttlMs?: number;
  /** How long a KV read may take before the reader falls back. */
  kvTimeoutMs?: number;
  /** Where faults are reported; defaults to `console.error`, which Workers Logs collects. */
  log?: (message: string, detail: Record<string, unknown>) => void;
  /**
   * What the document's writer says readers must get while a change may not have reached KV
   * everywhere (`recentChange`, worker/writer-client.ts): asked by a load from KV when the
   * recent changes name a revision KV does not hold here yet. Without it, KV is trusted.
   */
  recentChange?: (id: string, lang: string) => Promise<StoredRevision | null | undefined>;
  /**
   * The changes KV may not show everywhere yet (`recentChanges`, worker/writer-client.ts): laid
   * over each listing, and what tells a load from KV that the document's writer must be asked.
   * Asked at most once per `ttlMs`.
   */
  recentChanges?: () => Promise<RecentChange[]>;
}

/**
 * How long an isolate waits for a Durable Object's answer before it trusts what KV holds: two
 * asks in a row (the recent changes, then a writer) stay within a KV read's time limit.
 */
const ASK_TIMEOUT_MS = 500;

export class ReleaseReader {
  readonly #kv: KVNamespace;
  readonly #log: NonNullable<ReleaseReaderOptions['log']>;
  readonly #documents: IsolateCache<Representation | null>;
  /** `null`: KV holds no history at all (a new namespace), so the bundled copies stand in. */
  readonly #index: IsolateCache<IndexEntry[] | null>;
  readonly #withdrawals: IsolateCache<Withdrawal | null>;
  /** English revisions translations name, to tell whether English has moved on since. */
  readonly #sources: IsolateCache<StoredRevision | null>;
  readonly #recentChange: NonNullable<ReleaseReaderOptions['recentChange']>;
  readonly #recentChanges: NonNullable<ReleaseReaderOptions['recentChanges']>;
  /** The recent changes, asked once per `ttlMs`: a failed ask counts as none (KV is trusted). */
  readonly #changes: IsolateCache<RecentChange[]>;

  constructor(kv: KVNamespace, options: ReleaseReaderOptions = {}) {
    const cache = { ttlMs: options.ttlMs ?? 5_000, timeoutMs: options.kvTimeoutMs ?? 1_500 };
    this.#kv = kv;
    this.#log = options.log ?? ((message, detail) => console.error(message, JSON.stringify(detail)));
    // Nobody to ask (the CLI's Node build, some tests): KV is trusted.
    this.#recentChange = options.recentChange ?? (async () => undefined);
    this.#recentChanges = options.recentChanges ?? (async () => []);
    this.#changes = new IsolateCache(cache);
    this.#documents = new IsolateCache(cache);
    this.#index = new IsolateCache(cache);
    this.#withdrawals = new IsolateCache(cache);
    this.#sources = new IsolateCache(cache);
  }

  /** One summary per release, newest first. */
  async list(lang: string): Promise<Served<ReleaseSummary[]>> {
    const { value, fallback } = await this.#entries();
    return { value: summarise(value, lang), ...(fallback ? { fallback } : {}) };
  }

  /**
   * The document for `id` in `lang`, else in English, else `null`. For "latest": the newest
   * release that can be read, flagged as a fallback when that is not the newest one listed.
   * An id no release can have is answered without asking KV.
   */
  async get(id: string, lang: string): Promise<Served<Representation> | null> {
    if (id !== 'latest') return isReleaseId(id) ? this.#inLanguage(id, lang) : null;
    const candidates = newestFirst((await this.#entries()).value);
    for (const [i, candidate] of candidates.entries()) {
      const served = await this.#inLanguage(candidate, lang);
      if (!served) continue;
      const fallback = served.fallback ?? (i > 0 ? 'older-release' : undefined);
      return fallback ? { value: served.value, fallback } : served;
    }
    return null;
  }

  /**
   * Whether `id` was unpublished, and when: what turns a reader's 404 into a 410. Asked only
   * when {@link get} found nothing, so the hot path never reads it; `null` when KV cannot say.
   */
  async withdrawal(id: string): Promise<Withdrawal | null> {
    if (!isReleaseId(id)) return null;
    try {
      return (await this.#withdrawals.get(id, () => readWithdrawal(this.#kv, id))).value;
    } catch (error: unknown) {
      this.#fault(`reading whether ${id} is unpublished`, error);
      return null;
    }
  }

  /**
   * The newest revision of `id` in `lang`, else in English, draft or not, read from KV now (no
   * cache, no fallback): what an editor previews. `null` when there is none.
   */
  async preview(id: string, lang: string): Promise<Served<Representation> | null> {
    if (!isReleaseId(id)) return null;
    for (const candidate of new Set([lang, DEFAULT_LANG])) {
      const stored = await readLatest(retrying(this.#kv), id, candidate);
      if (stored) return { value: represent(stored.document, stored.revision) };
    }
    return null;
  }

  /** Makes this isolate read a document (and the index) again, after writing it; the old copy stays the fallback. */
  forget(id: string, lang: string): void {
    // The write has told the recent changes: asked again, they name it even where KV lags.
    this.#changes.expire('changes');
    this.#documents.expire(`${id}:${lang}`);
    this.#index.expire('index');
    this.#withdrawals.expire(id);
  }

  async #inLanguage(id: string, lang: string): Promise<Served<Representation> | null> {
    for (const candidate of new Set([lang, DEFAULT_LANG])) {
      const served = await this.#document(id, candidate);
      if (served) return this.#withStaleness(served);
    }
    return null;
  }

  /**
   * Says how far a translation is behind English: English's current revision (from the index
   * this isolate already holds) against the one the translation names, when English's document
   * has changed since (data/parity.ts `englishMoved`; a rollback to the same document is no
   * change). Only a translation whose revision is behind costs a read, of that English revision.
   */
  async #withStaleness(served: Served<Representation>): Promise<Served<Representation>> {
    const base = served.value.document.translation;
    if (!base) return served;
    const english = (await this.#entries()).value.find((e) => e.id === served.value.id && e.lang === base.from);
    const behind = (english?.revision ?? 0) - base.revision;
    if (behind <= 0 || !(await this.#englishMoved(served.value.id, base.revision))) return served;
    return { ...served, behind };
  }

  /** Whether English's current document differs from its revision `n`; when KV cannot say, that it does. */
  async #englishMoved(id: string, n: number): Promise<boolean> {
    try {
      const [now, then] = await Promise.all([
        this.#document(id, DEFAULT_LANG),
        this.#sources.get(`${id}:${n}`, () => readRevision(this.#kv, id, DEFAULT_LANG, n)),
      ]);
      return !now || !then.value || englishMoved(then.value.document, now.value.document);
    } catch {
      return true;
    }
  }

  async #entries(): Promise<Served<IndexEntry[]>> {
    try {
      const { value, stale } = await this.#index.get('index', () => this.#loadIndex());
      if (value) return stale ? { value, fallback: 'memory' } : { value };
    } catch (error: unknown) {
      this.#fault('listing releases', error);
    }
    return { value: bundled().map(({ entry }) => entry), fallback: 'bundled' };
  }

  /**
   * A document's current copy. When KV answers that there is none (never published, a draft
   * only, unpublished), that is the answer: the bundled copy stands in only when KV fails, or
   * holds no history at all (a new namespace), never for a release KV keeps off the public surface.
   */
  async #document(id: string, lang: string, listed = false): Promise<Served<Representation> | null> {
    try {
      const { value, stale } = await this.#documents.get(`${id}:${lang}`, () => this.#load(id, lang));
      if (value) return stale ? { value, fallback: 'memory' } : { value };
      // A key the index is being built from, gone meanwhile (KV's listings lag its deletes).
      if (listed || !(await this.#storeIsNew())) return null;
    } catch (error: unknown) {
      this.#fault(`reading ${id}/${lang}`, error);
    }
    const copy = bundled().find(({ entry }) => entry.id === id && entry.lang === lang);
    return copy ? { value: copy.representation, fallback: 'bundled' } : null;
  }

  /** Whether KV holds no history at all, as far as this isolate can tell (a failing listing cannot say so). */
  async #storeIsNew(): Promise<boolean> {
    try {
      return (await this.#index.get('index', () => this.#loadIndex())).value === null;
    } catch {
      return false;
    }
  }

  /**
   * The index from the current keys. A store with none is new (`null`: the bundled index stands
   * in) unless it holds a history, whose releases are then all drafts or unpublished.
   */
  async #loadIndex(): Promise<IndexEntry[] | null> {
    const [listed, changes] = await Promise.all([listCurrent(this.#kv), this.#settling()]);
    const index = await this.#indexFrom(listed);
    return index && changes.length > 0 ? withChanges(index, changes) : index;
  }

  /** The index from a listing of the current keys, as KV at this location has it. */
  async #indexFrom(listed: CurrentEntry[]): Promise<IndexEntry[] | null> {
    if (listed.length === 0) {
      if (await holdsAnyRevision(this.#kv)) return [];
      this.#log('KV holds no releases; serving the bundled index', {});
      return null;
    }
    const entries = await Promise.all(listed.map((entry) => this.#complete(entry)));
    const readable = entries.filter((entry) => entry !== undefined);
    return readable.length > 0 ? readable : null;
  }

  /**
   * An index entry from a listed key: its metadata when complete; else the document's headline
   * and date (a headline too long for KV's metadata limit is left out on purpose; a missing
   * revision or date is damage, logged); else, when the document cannot be had either, nothing.
   */
  async #complete({ id, lang, revision, headline, date }: CurrentEntry): Promise<IndexEntry | undefined> {
    if (revision !== undefined && headline !== undefined && date !== undefined) {
      return { id, lang, revision, headline, date };
    }
    const key = `current:${id}:${lang}`;
    if (revision === undefined || date === undefined) {
      this.#log('KV list metadata is missing or garbled; reading the document instead', { key });
    }
    const served = isReleaseId(id) && LANG_PATTERN.test(lang) ? await this.#document(id, lang, true) : null;
    if (!served) {
      this.#log('KV lists a release that cannot be read; leaving it out of the index', { key });
      return undefined;
    }
    const { document } = served.value;
    return { id, lang, revision: served.value.revision, headline: document.headline, date: document.date };
  }

  /**
   * The current copy in KV, unless the recent changes name one it does not hold yet: then
   * nothing for an unpublished document, else what the document's writer holds, else (the writer
   * failing) the revision the change names, read by its own immutable key. A document that has
   * not changed lately costs no ask.
   */
  async #load(id: string, lang: string): Promise<Representation | null> {
    const [kept, changes] = await Promise.all([readCurrent(this.#kv, id, lang), this.#settling()]);
    const change = changes.find((c) => c.id === id && c.lang === lang);
    const stored =
      !change || (kept && change.entry && kept.revision >= change.entry.revision)
        ? kept
        : await this.#newer(change, kept);
    return stored ? represent(stored.document, stored.revision) : null;
  }

  /** What readers get of a document that changed since KV here last showed it. */
  async #newer({ id, lang, entry }: RecentChange, kept: StoredRevision | null): Promise<StoredRevision | null> {
    if (!entry) return null;
    const recent = await this.#asked(`what the writer of ${id}/${lang} holds`, undefined, () =>
      this.#recentChange(id, lang),
    );
    if (recent !== undefined) return recent;
    return (await readRevision(this.#kv, id, lang, entry.revision)) ?? kept;
  }

  /** The changes that may not show in KV here yet. */
  async #settling(): Promise<RecentChange[]> {
    const ask = () => this.#asked('the recent changes', [], this.#recentChanges);
    return (await this.#changes.get('changes', ask)).value;
  }

  /**
   * What a Durable Object says of a change KV may not show here yet; `unknown` (trust KV) when
   * it fails or does not answer within {@link ASK_TIMEOUT_MS}.
   */
  async #asked<T, U>(what: string, unknown: U, ask: () => Promise<T>): Promise<T | U> {
    try {
      return await withTimeout(ask(), ASK_TIMEOUT_MS);
    } catch (error: unknown) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.#log(`Could not ask for ${what}; serving what KV holds`, { error: detail });
      return unknown;
    }
  }

  #fault(what: string, error: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#log(`KV fault while ${what}; serving a fallback`, { error: detail });
  }
}

/** Whether `id` could name a release at all (KV keys built from it stay within KV's limits). */
function isReleaseId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id);
}

let bundledCopies: { entry: IndexEntry; representation: Representation }[] | undefined;

/** The build-time copies, validated and serialised once per isolate. */
function bundled(): NonNullable<typeof bundledCopies> {
  bundledCopies ??= BUNDLED_RELEASES.map((raw) => {
    const document = ReleaseDocumentSchema.parse(raw);
    const { id, lang, headline, date } = document;
    const entry = { id, lang, revision: 0, headline, date };
    return { entry, representation: represent(document, 0) };
  });
  return bundledCopies;
}
