/**
 * The one place where the worker learns that what readers get has changed: a revision became
 * current (a write that is not a draft, a rollback, a publish) or a release was unpublished.
 * Every admin route that changes the public surface calls {@link publicChanged}, after the
 * change is in KV and before the editor hears back; a draft, which readers do not get, calls
 * nothing. Whatever keeps copies of public answers is told here: this isolate's cache, and
 * Cloudflare's cache in front of the worker (worker/edge-cache.ts), purged by tag. The document's
 * writer (worker/writer.ts) has recorded the change by then: it answers readers' isolates until
 * KV shows the change everywhere, and purges the same tags again once copies refilled from
 * lagging KV or isolate memory may have reached the edge.
 */
import type { Context } from 'hono';
import { edgeCacheOf, purgeEdge, purgeTags } from './edge-cache';
import type { AppEnv } from './headers';
import type { ReleaseReader } from './releases';

/** What changed for readers: documents of one release, by language. */
export interface PublicChange {
  kind: 'current' | 'unpublished';
  id: string;
  langs: string[];
}

/**
 * Tells every keeper of public copies that `change` happened.
 *
 * @example
 * await publicChanged(c, readerFor(c.env), { kind: 'current', id, langs: [lang] });
 */
export async function publicChanged(c: Context<AppEnv>, reader: ReleaseReader, change: PublicChange): Promise<void> {
  for (const lang of change.langs) reader.forget(change.id, lang);
  // One purge for the whole change: purges are rate-limited per call.
  const tags = new Set(change.langs.flatMap((lang) => purgeTags(change.id, lang)));
  if (tags.size > 0) await purgeEdge(edgeCacheOf(c), [...tags]);
}
