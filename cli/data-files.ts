/** The release documents in the repository: `data/releases/<id>/<lang>.json`. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG } from '../data/lang';

export const RELEASES_DIR = fileURLToPath(new URL('../data/releases/', import.meta.url));

export interface DataFile {
  /** Path relative to the working directory, for messages. */
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
      const path = relative(process.cwd(), join(dir, entry.name, name));
      files.push({ path, id: entry.name, lang: name.slice(0, -'.json'.length) });
    }
  }
  // English first within a release: translations are checked against it when they are written.
  const rank = (file: DataFile) => (file.lang === DEFAULT_LANG ? '' : file.lang);
  return files.sort((a, b) => a.id.localeCompare(b.id) || rank(a).localeCompare(rank(b)));
}

/** The parsed JSON of a file; throws a SyntaxError naming the file when it is not JSON. */
export async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`${path} is not valid JSON: ${reason}`, { cause: error });
  }
}
