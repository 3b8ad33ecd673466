/** The release documents in the repository: `data/releases/<id>/<lang>.json`. */
import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG } from '../data/lang';
import { CliError } from './errors';
import { JsonSyntaxError, parseJson, type JsonSource, type Position } from './json-source';

/**
 * data/releases/ of this checkout. BELARUS_RELEASE_DATA_DIR points elsewhere: the tests use it
 * to try broken and misplaced files without touching the real ones.
 */
export const RELEASES_DIR = process.env.BELARUS_RELEASE_DATA_DIR
  ? resolve(process.env.BELARUS_RELEASE_DATA_DIR)
  : fileURLToPath(new URL('../data/releases/', import.meta.url));

export interface DataFile {
  /** For messages: relative to the working directory when inside it, else absolute. */
  path: string;
  id: string;
  lang: string;
}

/** Every document file, sorted by id, then English, then the other languages. */
export async function listDataFiles(dir = RELEASES_DIR): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of (await readdir(join(dir, entry.name))).sort()) {
      if (!name.endsWith('.json')) continue;
      const absolute = join(dir, entry.name, name);
      const inside = relative(process.cwd(), absolute);
      const path = inside.startsWith('..') ? absolute : inside;
      files.push({ path, id: entry.name, lang: name.slice(0, -'.json'.length) });
    }
  }
  // English first within a release: translations are checked against it when they are written.
  const rank = (file: DataFile) => (file.lang === DEFAULT_LANG ? '' : file.lang);
  return files.sort((a, b) => a.id.localeCompare(b.id) || rank(a).localeCompare(rank(b)));
}

/**
 * The mark of a release the repository knows is not public (a draft, or unpublished from a
 * deployed worker): `data/releases/<id>/withheld.txt`. The copy of data/releases/ bundled into
 * the worker, which readers get when KV fails, leaves such a release out, and the seed step
 * writes its files as drafts. `unpublish` and a draft of a new release through --remote write
 * it; `publish` through --remote removes it (cli/publishing.ts).
 */
export const WITHHELD = 'withheld.txt';

/** Whether the release `id` has its folder in `dir` and is marked withheld there. */
export async function isWithheld(id: string, dir = RELEASES_DIR): Promise<boolean> {
  return access(join(dir, id, WITHHELD)).then(
    () => true,
    () => false,
  );
}

/**
 * Marks `id` withheld (`why`: a line for whoever reads the file), or lifts the mark (`null`).
 * Nothing happens to a release without a folder in `dir`. Answers the mark's path when it changed.
 */
export async function markWithheld(id: string, why: string | null, dir = RELEASES_DIR): Promise<string | null> {
  const folder = join(dir, id);
  if (
    !(await access(folder).then(
      () => true,
      () => false,
    ))
  )
    return null;
  const path = join(folder, WITHHELD);
  const was = await isWithheld(id, dir);
  if (why === null) {
    if (!was) return null;
    await rm(path, { force: true });
  } else {
    if (was) return null;
    await writeFile(
      path,
      `${why}\nThe worker's bundled copy leaves this release out; \`belarus-release publish ${id} --remote …\` removes this file.\n`,
    );
  }
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') ? path : inside;
}

/**
 * A file that cannot be read as JSON. Its message is the whole story on one line (file, line,
 * column, what is wrong), with no stack trace: every command and the build print just that.
 */
export class DataFileError extends CliError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly position?: Position,
  ) {
    super(position ? `${file}:${position.line}:${position.column}: not valid JSON: ${reason}` : `${file} ${reason}`);
    this.name = 'DataFileError';
  }
}

/**
 * The parsed JSON of a file with the place of each value; a byte-order mark is accepted.
 * Throws {@link DataFileError} for a missing file, a directory or text that is not JSON.
 */
export async function readSource(path: string): Promise<JsonSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataFileError(path, 'does not exist: check the path.');
    if (code === 'EISDIR') throw new DataFileError(path, 'is a directory: name a .json file in it.');
    throw error;
  }
  try {
    return parseJson(text);
  } catch (error: unknown) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new DataFileError(path, error.reason, error.position);
  }
}

/** The parsed JSON of a file; throws {@link DataFileError} naming the file, line and column. */
export async function readJson(path: string): Promise<unknown> {
  return (await readSource(path)).value;
}
