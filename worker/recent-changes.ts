/**
 * The Durable Object that keeps the index current while KV settles: one object for the whole
 * store, told by each document's writer (worker/writer.ts) what readers get of that document
 * after a change, and asked by every isolate that loads from KV, whose copies and listing lag by
 * up to a minute between locations: the isolate lays the changes over the listing, and asks a
 * changed document's writer for the copy KV does not hold yet. It remembers a change for
 * {@link SETTLING_MS}; after that, KV shows it everywhere.
 */
import { DurableObject } from 'cloudflare:workers';
import type { IndexEntry } from './release-index';
import { SETTLING_MS } from './settling';

/** What readers get of one document since a change: its index entry, or `null` (unpublished). */
export interface RecentChange {
  id: string;
  lang: string;
  entry: IndexEntry | null;
}

interface Noted extends RecentChange {
  at: number;
}

export class RecentChanges extends DurableObject<Env> {
  /** Notes a change readers get; forgets those that have settled. */
  async note(change: RecentChange): Promise<void> {
    const storage = this.ctx.storage.kv;
    const now = Date.now();
    for (const [key, noted] of storage.list<Noted>()) if (now - noted.at >= SETTLING_MS) storage.delete(key);
    storage.put<Noted>(`${change.id}:${change.lang}`, { ...change, at: now });
  }

  /** The changes that may not show in KV's listing everywhere yet, oldest first. */
  async since(): Promise<RecentChange[]> {
    const now = Date.now();
    return [...this.ctx.storage.kv.list<Noted>()]
      .map(([, noted]) => noted)
      .filter((noted) => now - noted.at < SETTLING_MS)
      .sort((a, b) => a.at - b.at)
      .map(({ id, lang, entry }) => ({ id, lang, entry }));
  }
}
