/**
 * The Durable Object in front of every write the worker makes: one object per document
 * (release and language), so that all writes to a document, from every isolate in every
 * Cloudflare location, run one after another in one place. It keeps the authoritative revision
 * number in its own (SQLite-backed) storage, checks the precondition against it, and writes the
 * revision and the current pointer to KV through worker/write.ts. Readers never reach it: they
 * read KV and their isolate's cache.
 *
 * KV has no compare-and-swap, and its listings lag by up to a minute across locations; the
 * object's storage is strongly consistent, so its counter is what numbers a write. It still
 * checks KV before trusting itself (worker/write.ts), so a revision written by the CLI's
 * local mode, or by a write that failed after storing its revision, is adopted, not overwritten.
 */
import { DurableObject } from 'cloudflare:workers';
import { retrying } from './kv-retry';
import { publishDocument, unpublishDocument } from './publishing';
import { toRefusal } from './store-errors';
import { rollback, writeRevision, type RevisionCounter } from './write';
import type { WriteCommand, WriteOutcome } from './writer-client';

const COUNTER_KEY = 'revision';

export class DocumentWriter extends DurableObject<Env> {
  readonly #counter: RevisionCounter = {
    read: async () => this.ctx.storage.kv.get<number>(COUNTER_KEY),
    record: async (revision) => this.ctx.storage.kv.put(COUNTER_KEY, revision),
  };

  /**
   * Applies one command; called over RPC by `applyWrite` (worker/writer-client.ts). The write
   * runs with every other event held back (`blockConcurrencyWhile`): KV calls are I/O, across
   * which a Durable Object would otherwise interleave requests. It never throws inside the
   * block, which would reset the object; a fault comes back as data and is thrown here.
   */
  async apply(command: WriteCommand): Promise<WriteOutcome> {
    const outcome = await this.ctx.blockConcurrencyWhile(() => this.#apply(command));
    if ('fault' in outcome) throw new Error(outcome.fault);
    return outcome;
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
