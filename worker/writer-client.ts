/**
 * How the worker asks a document's Durable Object (worker/writer.ts) to write. Kept apart from
 * the object's class, which imports the Workers runtime, so that the app can be loaded in Node
 * (the OpenAPI test, the CLI's tools) without it.
 */
import type { RecentChange } from './recent-changes';
import type { StoredRevision, Withdrawal } from './store';
import { fromRefusal, type Refusal } from './store-errors';
import type { WriteOptions, Written } from './write';

/** What an editor asks of a document's writer. */
export type WriteCommand =
  | { kind: 'write'; id: string; lang: string; document: unknown; options: WriteOptions }
  | { kind: 'rollback'; id: string; lang: string; revision: number; options: WriteOptions }
  | { kind: 'publish'; id: string; lang: string; expected?: number }
  | { kind: 'unpublish'; id: string; lang: string; note: Withdrawal };

/**
 * The answer: the revision written (for publish: made current, with the one it replaced; for
 * unpublish: the newest, which the history keeps), or why nothing was (a refusal; faults are
 * thrown).
 */
export type WriteOutcome = { written: Written; previous?: number | null } | { refused: Refusal };

/**
 * Sends `command` to its document's writer (one object per release and language) and answers
 * with the revision written; a refusal comes back as the store's own error class
 * (RevisionConflictError and the rest), a fault as the error RPC delivers. What readers get
 * may have changed: the caller says so through worker/public-changes.ts, which purges the
 * caches (a draft changes nothing readers get).
 *
 * @example
 * const stored = await applyWrite(c.env, { kind: 'write', id, lang, document, options });
 */
export async function applyWrite(env: Env, command: WriteCommand): Promise<Written> {
  return (await apply(env, command)).written;
}

/**
 * Publishes one document through its writer: the revision now current, and the one readers had
 * before (`null`: none).
 *
 * @example
 * const { stored, previous } = await applyPublish(c.env, { kind: 'publish', id, lang });
 */
export async function applyPublish(
  env: Env,
  command: Extract<WriteCommand, { kind: 'publish' }>,
): Promise<{ stored: StoredRevision; previous: number | null }> {
  const { written, previous } = await apply(env, command);
  return { stored: written, previous: previous ?? null };
}

/**
 * What readers must get of `id`/`lang` while a change may not have reached KV everywhere: the
 * current revision, `null` when it was unpublished, `undefined` when KV can be trusted (the
 * writer's `recent`). What an isolate asks when the recent changes name a revision of the
 * document that its KV does not hold yet.
 *
 * @example
 * const recent = await recentChange(env, 'belarus-2025-12', 'ru');
 */
export async function recentChange(env: Env, id: string, lang: string): Promise<StoredRevision | null | undefined> {
  return writerOf(env, id, lang).recent();
}

/**
 * Tells the store's one RecentChanges object (worker/recent-changes.ts) what readers now get of a
 * document: what its writer does after every change readers get.
 */
export async function noteChange(env: Env, change: RecentChange): Promise<void> {
  await env.CHANGES.getByName(CHANGES_NAME).note(change);
}

/**
 * The changes readers get that KV may not show everywhere yet: what an isolate asks, at most
 * once per its cache's lifetime, when it loads from KV.
 */
export async function recentChanges(env: Env): Promise<RecentChange[]> {
  return env.CHANGES.getByName(CHANGES_NAME).since();
}

const CHANGES_NAME = 'all';

const writerOf = (env: Env, id: string, lang: string) => env.WRITER.getByName(`${id}:${lang}`);

async function apply(env: Env, command: WriteCommand) {
  const outcome: WriteOutcome = await writerOf(env, command.id, command.lang).apply(command);
  if ('refused' in outcome) throw fromRefusal(outcome.refused);
  return outcome;
}
