/**
 * The read path: which document a reader gets for (id | "latest", lang), from isolate memory,
 * KV, or the copy bundled at build time, and which fallback, if any, that was.
 */
import type { KVNamespace } from './kv';
import { DEFAULT_LANG } from '../data/lang';
import { ReleaseDocumentSchema } from '../data/schema';
import { BUNDLED_RELEASES } from '../dist/releases-bundle';
import { IsolateCache } from './cache';
import { represent, type Representation } from './representation';
import { listCurrent, readCurrent, type CurrentEntry } from './store';

/** Where a fallback came from: the last good copy in memory, or the build-time bundle. */
export type Fallback = 'memory' | 'bundled';

export interface Served<T> {
  value: T;
  fallback?: Fallback;
  /** For a translation: how many revisions English has gained since the one it translates. */
  behind?: number;
}

export interface ReleaseSummary {
  id: string;
  headline: string;
  /** The language of `headline`: the one asked for when the release has it, else English. */
  lang: string;
  date: string;
  languages: string[];
}

export interface ReleaseReaderOptions {
  /** How long a document stays in isolate memory before KV is asked again. */
  ttlMs?: number;
  /** How long a KV read may take before the reader falls back. */
  kvTimeoutMs?: number;
  /** Where faults are reported; defaults to `console.error`, which Workers Logs collects. */
  log?: (message: string, detail: Record<string, unknown>) => void;
}

export class ReleaseReader {
  readonly #kv: KVNamespace;
  readonly #log: NonNullable<ReleaseReaderOptions['log']>;
  readonly #documents: IsolateCache<Representation | null>;
  readonly #index: IsolateCache<CurrentEntry[]>;

  constructor(kv: KVNamespace, options: ReleaseReaderOptions = {}) {
    const cache = { ttlMs: options.ttlMs ?? 5_000, timeoutMs: options.kvTimeoutMs ?? 1_500 };
    this.#kv = kv;
    this.#log = options.log ?? ((message, detail) => console.error(message, JSON.stringify(detail)));
    this.#documents = new IsolateCache(cache);
    this.#index = new IsolateCache(cache);
  }

  /** One summary per release, newest first. */
  async list(lang: string): Promise<Served<ReleaseSummary[]>> {
    const { value, fallback } = await this.#entries();
    return { value: summarise(value, lang), ...(fallback ? { fallback } : {}) };
  }

  /** The document for `id` ("latest" for the newest) in `lang`, else in English, else `null`. */
  async get(id: string, lang: string): Promise<Served<Representation> | null> {
    const target = id === 'latest' ? newest((await this.#entries()).value) : id;
    if (!target) return null;
    for (const candidate of new Set([lang, DEFAULT_LANG])) {
      const served = await this.#document(target, candidate);
      if (served) return this.#withStaleness(served);
    }
    return null;
  }

  /**
   * Says how far a translation is behind English, from the index this isolate already holds (no
   * extra KV read): English's current revision against the one the translation names.
   */
  async #withStaleness(served: Served<Representation>): Promise<Served<Representation>> {
    const base = served.value.document.translation;
    if (!base) return served;
    const english = (await this.#entries()).value.find((e) => e.id === served.value.id && e.lang === base.from);
    const behind = (english?.revision ?? 0) - base.revision;
    return behind > 0 ? { ...served, behind } : served;
  }

  /** Forgets what this isolate holds of a document (and the index), after writing it. */
  forget(id: string, lang: string): void {
    this.#documents.forget(`${id}:${lang}`);
    this.#index.forget('index');
  }

  async #entries(): Promise<Served<CurrentEntry[]>> {
    try {
      const { value, stale } = await this.#index.get('index', () => this.#loadIndex());
      if (value.length > 0) return stale ? { value, fallback: 'memory' } : { value };
    } catch (error: unknown) {
      this.#fault('listing releases', error);
    }
    return { value: bundled().map(({ entry }) => entry), fallback: 'bundled' };
  }

  async #document(id: string, lang: string): Promise<Served<Representation> | null> {
    try {
      const { value, stale } = await this.#documents.get(`${id}:${lang}`, () => this.#load(id, lang));
      if (value) return stale ? { value, fallback: 'memory' } : { value };
    } catch (error: unknown) {
      this.#fault(`reading ${id}/${lang}`, error);
    }
    const copy = bundled().find(({ entry }) => entry.id === id && entry.lang === lang);
    return copy ? { value: copy.representation, fallback: 'bundled' } : null;
  }

  async #loadIndex(): Promise<CurrentEntry[]> {
    const entries = await listCurrent(this.#kv);
    if (entries.length === 0) this.#log('KV holds no releases; serving the bundled index', {});
    return entries;
  }

  async #load(id: string, lang: string): Promise<Representation | null> {
    const stored = await readCurrent(this.#kv, id, lang);
    if (!stored) return null;
    return represent(stored.document, stored.revision);
  }

  #fault(what: string, error: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#log(`KV fault while ${what}; serving a fallback`, { error: detail });
  }
}

/** The newest release by date (ties broken by id), or undefined when there is none. */
function newest(entries: CurrentEntry[]): string | undefined {
  const sorted = [...entries].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return sorted[0]?.id;
}

function summarise(entries: CurrentEntry[], lang: string): ReleaseSummary[] {
  const byId = new Map<string, CurrentEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const summaries = [...byId.entries()].map(([id, versions]) => {
    const shown =
      versions.find((v) => v.lang === lang) ?? versions.find((v) => v.lang === DEFAULT_LANG) ?? versions[0]!;
    const languages = versions.map((v) => v.lang).sort();
    return { id, headline: shown.headline, lang: shown.lang, date: shown.date, languages };
  });
  return summaries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

let bundledCopies: { entry: CurrentEntry; representation: Representation }[] | undefined;

/** The build-time copies, validated and serialised once per isolate. */
function bundled(): NonNullable<typeof bundledCopies> {
  bundledCopies ??= BUNDLED_RELEASES.map((raw) => {
    const document = ReleaseDocumentSchema.parse(raw);
    const entry = {
      id: document.id,
      lang: document.lang,
      revision: 0,
      headline: document.headline,
      date: document.date,
    };
    return { entry, representation: represent(document, 0) };
  });
  return bundledCopies;
}
