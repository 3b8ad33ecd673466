/**
 * Writing documents to files safely and in the repository's own layout:
 * - the text is what Prettier makes of it with .prettierrc.json (an object or list on one line
 *   when it fits in the print width, else one entry per line; a list of two or more objects of
 *   several fields always one per line), so a pulled file passes `prettier --check` and an
 *   unchanged document pulled over its data file changes no line;
 * - an existing file is replaced only when asked (`force`), never through a symbolic link, and
 *   never half-written: the text goes to a temporary file beside it that is then moved in place.
 */
import { readFileSync } from 'node:fs';
import { link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './errors';

/** Prettier's print width for this repository (its default is 80). */
function printWidth(): number {
  try {
    const config = readFileSync(fileURLToPath(new URL('../.prettierrc.json', import.meta.url)), 'utf8');
    return (JSON.parse(config) as { printWidth?: number }).printWidth ?? 80;
  } catch {
    return 80;
  }
}

/**
 * JSON text as Prettier formats it, ending with a newline.
 *
 * @example
 * formatJson({ a: [1, 2] }); // '{ "a": [1, 2] }\n'
 */
export function formatJson(value: unknown, width = printWidth()): string {
  return `${print(value, '', 0, width)}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` printed at `indent`, with `used` columns taken before it and `tail` after it. */
function print(value: unknown, indent: string, used: number, width: number, tail = 0): string {
  const flat = printFlat(value);
  if (typeof value !== 'object' || value === null) return flat; // strings never break: too long is fine
  if (!mustBreak(value) && used + textWidth(flat) + tail <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => inner + print(item, inner, inner.length, width, i < value.length - 1 ? 1 : 0));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, Json>);
  const members = entries.map(([key, item], i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + print(item, inner, textWidth(head), width, i < entries.length - 1 ? 1 : 0);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

function printFlat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printFlat).join(', ')}]`;
  if (isObject(value)) {
    const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${printFlat(item)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * Prettier always breaks a list of two or more objects that each have several fields, and
 * every list or object around one.
 */
function mustBreak(value: unknown): boolean {
  if (Array.isArray(value)) {
    const objects = value.length > 1 && value.every((item) => isObject(item) && Object.keys(item).length > 1);
    return objects || value.some(mustBreak);
  }
  return isObject(value) && Object.values(value).some(mustBreak);
}

/** Columns as Prettier counts them: combining marks take none, East Asian wide characters two. */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c)
      ? 2
      : 1;
  }
  return width;
}

/**
 * Writes `text` to `path`, creating missing folders. Refuses, with what to do instead, a
 * symbolic link (always), a directory, and an existing file unless `force`.
 *
 * @example
 * await writeTextFile('data/releases/x/en.json', formatJson(doc), { force: false });
 */
export async function writeTextFile(
  path: string,
  text: string | Uint8Array,
  { force }: { force: boolean },
): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    throw new CliError(
      `${path} is a symbolic link: the CLI never writes through one.`,
      [],
      'Name the file it points to, or another path.',
    );
  }
  if (existing?.isDirectory()) {
    throw new CliError(`${path} is a directory.`, [], `Name a file, e.g. ${join(path, 'en.json')}.`);
  }
  if (existing && !force) {
    throw new CliError(
      `${path} exists already: nothing was written.`,
      [],
      'Pass --force to replace it (what it holds now is lost), or name another file.',
    );
  }
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    throw new CliError(
      `Cannot create the folder ${dirname(path)}: a file of that name is in the way.`,
      [],
      'Name another path.',
    );
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    // A rename replaces a link that appeared meanwhile instead of following it; without
    // `force`, link() fails if a file appeared meanwhile instead of replacing it.
    if (force) await rename(temporary, path);
    else await link(temporary, path);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new CliError(`${path} appeared while writing: nothing was written.`, [], 'Run the command again.');
  } finally {
    await rm(temporary, { force: true });
  }
}
