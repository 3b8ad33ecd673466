/**
 * How the worker asks a document's Durable Object (worker/writer.ts) to write. Kept apart from
 * the object's class, which imports the Workers runtime, so that the app can be loaded in Node
 * (the OpenAPI test, the CLI's tools) without it.
 */
import { purgeRelease, type EdgeCache } from './edge-cache';
import type { StoredRevision } from './store';
import { fromRefusal, type Refusal } from './store-errors';
import type { WriteOptions } from './write';

/** What an editor asks of a document's writer. */
export type WriteCommand =
  | { kind: 'write'; id: string; lang: string; document: unknown; options: WriteOptions }
  | { kind: 'rollback'; id: string; lang: string; revision: number; options: WriteOptions };

/** The answer: the revision written, or why nothing was (a refusal; faults are thrown). */
export type WriteOutcome = { written: StoredRevision } | { refused: Refusal };

/**
 * Sends `command` to its document's writer (one object per release and language) and answers
 * with the revision written; a refusal comes back as the store's own error class
 * (RevisionConflictError and the rest), a fault as the error RPC delivers. This is where a
 * revision becomes current in the worker, by a write or a rollback: what Cloudflare's cache
 * holds of the document is purged here (worker/edge-cache.ts), before the editor hears back.
 *
 * @example
 * const stored = await applyWrite(c.env, { kind: 'write', id, lang, document, options }, edgeCacheOf(c));
 */
export async function applyWrite(
  env: Env,
  command: WriteCommand,
  edge: EdgeCache | undefined,
): Promise<StoredRevision> {
  const outcome: WriteOutcome = await env.WRITER.getByName(`${command.id}:${command.lang}`).apply(command);
  if ('refused' in outcome) throw fromRefusal(outcome.refused);
  await purgeRelease(edge, command.id, command.lang);
  return outcome.written;
}
