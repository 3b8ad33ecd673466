/**
 * The Durable Object in front of every write the worker makes: one object per document
 * (release and language), so that all writes to a document, from every isolate in every
 * Cloudflare location, run one after another in one place. It keeps the authoritative revision
 * number in its own (SQLite-backed) storage, checks the precondition against it, and writes the
 * revision and the current pointer to KV through worker/write.ts.
 *
 * It also makes a change readers get reach them everywhere within seconds, although KV takes up
 * to a minute to show it at every location (a location that read a key keeps its copy up to
 * 60 s, and a listing as long). After a change it tells the store's RecentChanges object
 * (worker/recent-changes.ts), so that isolates know which documents changed; for
 * {@link SETTLING_MS} it answers an isolate whose KV does not hold the revision named there
 * (`recent`, worker/releases.ts); and it purges the edge cache again ({@link PURGE_AGAIN_MS})
 * to drop any copy refilled meanwhile from isolate memory.
 *
 * KV has no compare-and-swap, and its listings lag by up to a minute across locations; the
 * object's storage is strongly consistent, so its counter is what numbers a write. It still
 * checks KV before trusting itself (worker/write.ts), so a revision written by the CLI's
 * local mode, or by a write that failed after storing its revision, is adopted, not overwritten.
 */
import { DurableObject } from 'cloudflare:workers';
import { withTimeout } from './cache';
import { purgeTags } from './edge-cache';
import type { EdgePurger } from './index';
import { retrying } from './kv-retry';
import { publishDocument, unpublishDocument } from './publishing';
import { toRefusal } from './store-errors';
import type { RecentChange } from './recent-changes';
import type { StoredRevision } from './store';
import { rollback, writeRevision, type RevisionCounter } from './write';
import { SETTLING_MS } from './settling';
import { noteChange, type WriteCommand, type WriteOutcome } from './writer-client';

const COUNTER_KEY = 'revision';
const RECENT_KEY = 'recent';
const PURGES_KEY = 'purges';

/**
 * When the edge cache is purged again after a change (the first purge is the admin route's, at
 * once), counted from when the recent changes know it: when every isolate's copies have expired
 * (the recent changes it holds, up to 5 s old, and a document loaded with them, 5 s more), and
 * when KV itself shows the change everywhere, for a copy refilled by an isolate that could not
 * reach the Durable Objects.
 */
export const PURGE_AGAIN_MS = [15_000, 70_000] as const;

/** How soon a purge or a note that failed is tried again. */
const RETRY_MS = 5_000;

/** How long a call to another object (RecentChanges, the purging entrypoint) may take. */
const CALL_TIMEOUT_MS = 2_000;

/**
 * When a purge that keeps failing is given up: once every copy it would drop has expired at the
 * edge anyway (EDGE_CACHE_CONTROL: fresh for a minute, then stale for five).
 */
const GIVE_UP_MS = 360_000;

const headlineAndDate = ({ document }: StoredRevision) => ({ headline: document.headline, date: document.date });

/** The last change readers get: when, and what is current since (`null`: unpublished). */
interface Recent {
  at: number;
  stored: StoredRevision | null;
}

/** The purges still to send, and when; and a change RecentChanges has not heard of yet. */
interface Pending {
  tags: string[];
  due: number[];
  note?: RecentChange;
}

export class DocumentWriter extends DurableObject<Env> {
  readonly #counter: RevisionCounter = {
    read: async () => this.ctx.storage.kv.get<number>(COUNTER_KEY),
    record: async (revision) => this.ctx.storage.kv.put(COUNTER_KEY, revision),
  };

  /**
   * Applies one command; called over RPC by `applyWrite` (worker/writer-client.ts). The write
   * runs with every other event held back (`blockConcurrencyWhile`): KV calls are I/O, across
   * which a Durable Object would otherwise interleave requests; the block includes telling
   * RecentChanges (at most {@link CALL_TIMEOUT_MS}). It never throws inside the block, which
   * would reset the object; a fault comes back as data and is thrown here.
   */
  async apply(command: WriteCommand): Promise<WriteOutcome> {
    const outcome = await this.ctx.blockConcurrencyWhile(async () => {
      const done = await this.#apply(command);
      if (!('fault' in done)) {
        // The change stands whatever happens here: readers get it when KV has it.
        await this.#settle(command, done).catch((error: unknown) =>
          console.error('The writer could not record a change', String(error)),
        );
      }
      return done;
    });
    if ('fault' in outcome) throw new Error(outcome.fault);
    return outcome;
  }

  /**
   * What readers must get now, while a change may not have reached KV everywhere (for
   * {@link SETTLING_MS}): the current revision, or `null` when the document was unpublished;
   * `undefined` when KV can be trusted. Called over RPC by `recentChange` (worker/writer-client.ts).
   */
  async recent(): Promise<StoredRevision | null | undefined> {
    const recent = this.ctx.storage.kv.get<Recent>(RECENT_KEY);
    return recent && Date.now() - recent.at < SETTLING_MS ? recent.stored : undefined;
  }

  /**
   * Tells RecentChanges of a change it missed (a note that failed), or else sends the next purge,
   * through the worker's default entrypoint (a purge reaches only the cache of the entrypoint
   * that sends it); then sets the alarm for what follows. What fails is tried again
   * {@link RETRY_MS} later; a purge, until the copies it would drop have expired anyway.
   */
  override async alarm(): Promise<void> {
    const sending = this.ctx.storage.kv.get<Pending>(PURGES_KEY);
    if (!sending) return;
    const ok = sending.note ? await this.#note(sending.note) : await this.#purge(sending.tags);
    // Read again: a change made meanwhile has planned its own.
    const pending = this.ctx.storage.kv.get<Pending>(PURGES_KEY);
    if (!pending) return;
    const finished = ok && pending.due[0] === sending.due[0];
    const { note, ...purges } = pending;
    const rest: Pending = !finished ? pending : note ? purges : { ...purges, due: purges.due.slice(1) };
    const due = rest.due.filter((at) => at > Date.now() - GIVE_UP_MS);
    if (!rest.note && due.length === 0) {
      this.ctx.storage.kv.delete(PURGES_KEY);
      return;
    }
    await this.#plan({ ...rest, due }, !ok);
  }

  /**
   * Records a change readers get (anything but a draft), tells RecentChanges, and plans the
   * purges that follow, from when isolates can learn of it. A note that fails is sent again
   * from the alarm; meanwhile isolates where KV lags trust it, until the last purge.
   */
  async #settle(command: WriteCommand, outcome: WriteOutcome): Promise<void> {
    if ('refused' in outcome) return;
    const stored = command.kind === 'unpublish' ? null : outcome.written;
    if (outcome.written.unchanged || (stored?.draft && command.kind !== 'publish')) return;
    const { id, lang } = command;
    const change = { id, lang, entry: stored && { id, lang, revision: stored.revision, ...headlineAndDate(stored) } };
    const noted = await this.#note(change);
    const at = Date.now();
    this.ctx.storage.kv.put<Recent>(RECENT_KEY, { at, stored });
    const due = PURGE_AGAIN_MS.map((ms) => at + ms);
    await this.#plan({ tags: purgeTags(id, lang), due, ...(noted ? {} : { note: change }) });
  }

  /** Stores what is left to do, and wakes up for it: a note at once, a purge when it is due. */
  async #plan(pending: Pending, failed = false): Promise<void> {
    this.ctx.storage.kv.put<Pending>(PURGES_KEY, pending);
    const next = pending.note ? Date.now() + RETRY_MS : pending.due[0]!;
    await this.ctx.storage.setAlarm(failed ? Math.max(next, Date.now() + RETRY_MS) : next);
  }

  /** Tells RecentChanges of `change`: whether it heard. */
  async #note(change: RecentChange): Promise<boolean> {
    return this.#call('tell the recent changes of a change', () => noteChange(this.env, change));
  }

  /** Purges `tags` from the edge cache, through the worker's default entrypoint: whether it took. */
  async #purge(tags: string[]): Promise<boolean> {
    // The loopback binding of worker/index.ts's default export (types generated without it).
    const { default: purger } = this.ctx.exports as unknown as { default: EdgePurger };
    return this.#call('purge the edge cache', () => purger.purgeEdge(tags));
  }

  async #call(what: string, call: () => Promise<void>): Promise<boolean> {
    try {
      await withTimeout(call(), CALL_TIMEOUT_MS);
      return true;
    } catch (error: unknown) {
      console.error(`The writer could not ${what}; trying again in ${RETRY_MS / 1000} s`, String(error));
      return false;
    }
  }

  async #apply(command: WriteCommand): Promise<WriteOutcome | { fault: string }> {
    const kv = retrying(this.env.RELEASES);
    try {
      switch (command.kind) {
        case 'write':
          return { written: await writeRevision(kv, command.document, command.options, this.#counter) };
        case 'rollback': {
          const { id, lang, revision, options } = command;
          return { written: await rollback(kv, id, lang, revision, options, this.#counter) };
        }
        case 'publish': {
          const { stored, previous } = await publishDocument(kv, command.id, command.lang, command.expected);
          return { written: stored, previous };
        }
        case 'unpublish':
          return { written: await unpublishDocument(kv, command.id, command.lang, command.note) };
      }
    } catch (error: unknown) {
      const refused = toRefusal(error);
      if (refused) return { refused };
      return { fault: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
