/**
 * Which revision each file is based on, per store: what `pull` fetched, `push` wrote or the
 * seed step seeded, so that the next push can tell the editor's changes from everyone else's.
 *
 * Where: `.belarus-release/state.json` at the root of the checkout, which .gitignore lists.
 * - Not beside each file: a sidecar would travel with copies and commits, and pulled files may
 *   live anywhere (`--out /tmp/x.json`).
 * - Not under .wrangler/: that holds the local store only, and editors delete it to start over;
 *   the bases of files pulled from a remote worker must survive that.
 * - Not in .git/: each worktree has its own files, and the CLI must work in a plain copy too.
 * BELARUS_RELEASE_STATE_DIR moves it (the tests give each run its own).
 */
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLock } from './lock';

/** What a file was last known to equal in one store. */
export interface Base {
  id: string;
  lang: string;
  revision: number;
  /** The ETag of that revision, as the worker computes it; a remote write sends it as If-Match. */
  etag: string;
  /** What recorded it: "pull", "push", "merge" or "seed". */
  by: string;
}

interface StateFile {
  version: 1;
  /** file (absolute, symlinks resolved) → store key → base */
  files: Record<string, Record<string, Base>>;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The state file's path: `.belarus-release/state.json` at the checkout's root. */
function statePath(): string {
  return join(process.env.BELARUS_RELEASE_STATE_DIR ?? join(ROOT, '.belarus-release'), 'state.json');
}

async function readState(): Promise<StateFile> {
  try {
    const parsed = JSON.parse(await readFile(statePath(), 'utf8')) as Partial<StateFile>;
    return { version: 1, files: parsed.files ?? {} };
  } catch {
    // Missing or unreadable: no base is known, so pushes refuse rather than guess (see push.ts).
    return { version: 1, files: {} };
  }
}

/** A file's identity: the same file reached through a symlinked folder or `./` is one entry. */
async function fileKey(file: string): Promise<string> {
  const absolute = resolve(file);
  try {
    return join(await realpath(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * @example
 * await baseOf('en.json', 'remote:https://facts.example'); // { revision: 5, etag: '"r5-…"', … }
 */
export async function baseOf(file: string, store: string): Promise<Base | undefined> {
  return (await readState()).files[await fileKey(file)]?.[store];
}

/**
 * The bases of `file` in every store this checkout has used.
 *
 * @example
 * (await basesOf('data/releases/belarus-2025-12/en.json')).map((b) => b.revision); // [3]
 */
export async function basesOf(file: string): Promise<Base[]> {
  return Object.values((await readState()).files[await fileKey(file)] ?? {});
}

/**
 * Records `base` for `file` in `store`: read, change and replace, through a temporary file and a
 * rename, so that a reader never sees half a file.
 */
export async function recordBase(file: string, store: string, base: Base): Promise<void> {
  const key = await fileKey(file);
  const path = statePath();
  await mkdir(dirname(path), { recursive: true });
  // Under a lock: two pushes finishing at once would otherwise each drop the other's record.
  await withLock(dirname(path), async () => {
    const state = await readState();
    state.files[key] = { ...state.files[key], [store]: base };
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
    await rename(temporary, path);
  });
}

/** Every file based on a revision of (id, lang) in `store`, for advice after a rollback. */
export async function filesBasedOn(store: string, id: string, lang: string): Promise<{ file: string; base: Base }[]> {
  const state = await readState();
  return Object.entries(state.files).flatMap(([file, stores]) => {
    const base = stores[store];
    return base && base.id === id && base.lang === lang ? [{ file, base }] : [];
  });
}
