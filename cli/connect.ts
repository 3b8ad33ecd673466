/**
 * Which store a command works on, and who it writes as. The local store is reached through the
 * running dev server when `npm start` is up (fast, and it sees the write at once), else opened
 * directly; `--remote` goes through a worker's admin API. Each store has a key, under which
 * .belarus-release/state.json remembers the revision each file is based on.
 */
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_LANG, LANGUAGES } from '../data/lang';
import { MAX_AUTHOR_LENGTH, MAX_MESSAGE_LENGTH, textProblem } from '../data/limits';
import { closest } from '../data/references';
import { listDataFiles } from './data-files';
import { runningDevServer } from './dev-server';
import { CliError } from './errors';
import { withLock } from './lock';
import { flag, text, type Values } from './options';
import { localTarget, remoteTarget, type Target } from './targets';

/** A store a command works on, with what the state file and messages call it. */
export interface Store {
  target: Target;
  /** Names the store in the state file: `local:<absolute folder>` or `remote:<origin>`. */
  key: string;
  /** For messages: "the local store (.wrangler/state/v3)" or the worker's URL. */
  name: string;
}

const DEFAULT_PERSIST = '.wrangler/state/v3';

/**
 * Opens the store `values` name, runs `run` on it and closes it. A local store opened directly
 * is held by this process alone from opening to closing (cli/lock.ts): a read-decide-write
 * sequence sees no other write, and no two processes use the store's files at once.
 *
 * @example
 * await withStore(values, async (store) => store.target.history('belarus-2025-12', 'en'));
 */
export async function withStore<T>(values: Values, run: (store: Store) => Promise<T>): Promise<T> {
  const remote = text(values, 'remote');
  if (remote) {
    const token = (text(values, 'token') ?? process.env.BELARUS_RELEASE_TOKEN ?? '').trim();
    if (!token)
      throw new CliError('No admin token for --remote.', [], 'Pass --token <token> or set BELARUS_RELEASE_TOKEN.');
    // The worker orders writes to a document itself and answers 412 to a stale one.
    const target = remoteTarget(remote, token);
    return run({ target, key: `remote:${target.name}`, name: target.name });
  }
  const persistTo = text(values, 'persist-to') ?? DEFAULT_PERSIST;
  const key = `local:${resolve(persistTo)}`;
  const name = `the local store (${persistTo})`;
  const server = await runningDevServer(resolve(persistTo));
  if (server) return run({ target: { ...remoteTarget(server.origin, server.token), name }, key, name });
  return withLock(resolve(persistTo), async () => {
    const target = await localTarget(persistTo);
    try {
      return await run({ target, key, name });
    } finally {
      await target.close();
    }
  });
}

/**
 * The error for a document `store` does not have, with what it has instead: the languages of
 * that release, or the release ids under data/releases/ (and the nearest, for a typo).
 *
 * @example
 * throw await noDocument(store, 'nope', 'en'); // There is no release nope in …; the releases: belarus-2025-12
 */
export async function noDocument(store: Store, id: string, lang: string): Promise<CliError> {
  const has = await Promise.all(
    LANGUAGES.map(async (l) => ((await store.target.history(id, l)).revisions.length > 0 ? l : null)),
  );
  const langs = has.filter((l) => l !== null);
  if (langs.length > 0) {
    const start = lang === DEFAULT_LANG ? '' : `, or \`belarus-release translate ${id} ${lang}\` starts it`;
    return new CliError(
      `There is no document ${id}/${lang} in ${store.name}.`,
      [`${id} is there in ${langs.join(', ')}.`],
      `Use --lang ${langs[0]}${start}.`,
    );
  }
  const ids = [...new Set((await listDataFiles()).map((f) => f.id))];
  const near = closest(id, ids);
  return new CliError(
    `There is no release ${id} in ${store.name}.`,
    ids.length > 0 ? [`The releases under data/releases/: ${ids.join(', ')}.`] : [],
    near ? `Did you mean ${near}?` : 'Check the id: it is the folder name under data/releases/.',
  );
}

/** A path for messages: relative to the working directory when inside it, else absolute. */
export function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/**
 * Who writes: --author, else $BELARUS_RELEASE_AUTHOR, else git's user.name, else the OS user
 * (the last is "root" in many containers, which says nothing in a history).
 */
export function authorOf(values: Values): string {
  const given = text(values, 'author') ?? process.env.BELARUS_RELEASE_AUTHOR;
  if (given?.trim()) return checkedNote('author', given.trim());
  return checkedNote('author', gitUserName() || userInfo().username);
}

/** git's user.name, or "" without git or one. */
function gitUserName(): string {
  try {
    return execFileSync('git', ['config', 'user.name'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

const EXAMPLE_MESSAGES: Record<string, string> = {
  push: 'Add Ihar Losik, freed on 13 December',
  rollback: 'Undo the count until it is confirmed',
  unpublish: 'Withdrawn until the count is confirmed',
};

/** The message a write needs (`-m`); a dry run writes nothing and needs none. */
export function messageOf(values: Values, command: string): string {
  const message = text(values, 'message')?.trim();
  if (message || flag(values, 'dry-run')) return checkedNote('message', message ?? '');
  throw new CliError(
    `${command} needs a message: say why, for the history.`,
    [],
    `Add -m "…", e.g. belarus-release ${command} … -m "${EXAMPLE_MESSAGES[command] ?? 'Why this change'}".`,
  );
}

/**
 * An author or message within the limits the store applies (data/limits.ts), checked before
 * anything starts: too long, or with control characters a terminal would obey, fails at once.
 */
function checkedNote(field: 'author' | 'message', value: string): string {
  const max = field === 'author' ? MAX_AUTHOR_LENGTH : MAX_MESSAGE_LENGTH;
  const refused = textProblem(value, max);
  if (!refused) return value;
  const fix =
    field === 'author'
      ? "Pass a shorter, plain --author (or BELARUS_RELEASE_AUTHOR; the default is git's user.name)."
      : 'Shorten the message (-m) and keep it to plain text.';
  throw new CliError(`The revision's ${field} ${refused}.`, [], `${fix} Nothing was written.`);
}
