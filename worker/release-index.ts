/**
 * The release index as readers get it: one summary per release in the language asked for,
 * newest first, and the order in which `latest` tries releases. Built from the current keys'
 * list metadata, completed from the documents where the metadata lacks something.
 */
import { DEFAULT_LANG } from '../data/lang';
import type { RecentChange } from './recent-changes';
import type { CurrentEntry } from './store';

/** A current document as the index knows it: every field present (revision 0: the bundled copy). */
export type IndexEntry = Required<CurrentEntry>;

export interface ReleaseSummary {
  id: string;
  headline: string;
  /** The language of `headline`: the one asked for when the release has it, else English. */
  lang: string;
  date: string;
  languages: string[];
}

/** Newest first by date, ties broken by id: the index's order and the order `latest` tries. */
const byDate = (a: { id: string; date: string }, b: { id: string; date: string }) =>
  b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/** Release ids, newest first: `latest` is the first of them that can be read. */
export function newestFirst(entries: IndexEntry[]): string[] {
  return [...new Set([...entries].sort(byDate).map((entry) => entry.id))];
}

/**
 * One summary per release, in `lang` where the release has it, else English, else any; each
 * says which language its headline is in.
 *
 * @example
 * summarise(entries, 'be')[0]; // { id, headline, lang: 'be', date, languages: ['be', 'en', …] }
 */
export function summarise(entries: IndexEntry[], lang: string): ReleaseSummary[] {
  const byId = new Map<string, IndexEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const summaries = [...byId.entries()].map(([id, versions]) => {
    const shown =
      versions.find((v) => v.lang === lang) ?? versions.find((v) => v.lang === DEFAULT_LANG) ?? versions[0]!;
    const languages = versions.map((v) => v.lang).sort();
    return { id, headline: shown.headline, lang: shown.lang, date: shown.date, languages };
  });
  return summaries.sort(byDate);
}

/**
 * `entries` with `changes` laid over them, in order: each replaces the entry of its document, or
 * removes it (`entry: null`, unpublished).
 *
 * @example
 * withChanges(listed, [{ id, lang: 'ru', entry: null }]); // the listing without that document
 */
export function withChanges(entries: IndexEntry[], changes: RecentChange[]): IndexEntry[] {
  const byDocument = new Map(entries.map((entry) => [`${entry.id}:${entry.lang}`, entry]));
  for (const { id, lang, entry } of changes) {
    if (entry) byDocument.set(`${id}:${lang}`, entry);
    else byDocument.delete(`${id}:${lang}`);
  }
  return [...byDocument.values()];
}
