/**
 * What a file must be beyond the schema: at `data/releases/<id>/<lang>.json` it holds that id
 * and language (so a copy of en.json saved as ru.json can never overwrite English), and a
 * translation is a translation of the English file beside it.
 */
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parityIssues, untranslatedIssues } from '../data/parity';
import { DEFAULT_LANG } from '../data/lang';
import type { ReleaseDocument } from '../data/schema';
import { RELEASES_DIR, readJson } from './data-files';
import { basesOf } from './state';

/** One problem, at a JSON Pointer (RFC 6901) into the file. */
export interface Finding {
  path: string;
  message: string;
}

export interface FileFindings {
  /** Refuse the file: nothing is written while any remain. */
  errors: Finding[];
  /** Worth saying, not worth refusing: a translation that differs from today's English file. */
  warnings: string[];
}

/**
 * @example
 * const { errors } = await checkFile('data/releases/belarus-2025-12/ru.json', doc);
 */
export async function checkFile(file: string, document: ReleaseDocument): Promise<FileFindings> {
  const misplaced = placementError(file, document.id, document.lang);
  const findings: FileFindings = { errors: misplaced ? [misplaced] : [], warnings: [] };
  if (document.lang === DEFAULT_LANG) return findings;
  const englishFile = join(dirname(file), `${DEFAULT_LANG}.json`);
  let english: ReleaseDocument;
  try {
    english = (await readJson(englishFile)) as ReleaseDocument;
  } catch {
    return findings; // A translation kept elsewhere is checked against the store when pushed.
  }
  findings.errors.push(...untranslatedIssues(document, english));
  const named = document.translation?.revision ?? 0;
  const known = Math.max(0, ...(await basesOf(englishFile)).map((b) => b.revision));
  if (named > known && known > 0) {
    findings.warnings.push(
      `${file} names English revision ${named}, but ${englishFile} is revision ${known} (as last pulled, pushed or ` +
        `seeded here): push refuses it unless the store holds revision ${named} of ${document.id}/${DEFAULT_LANG}`,
    );
  }
  const drift = parityIssues(document, english);
  if (drift.length > 0) findings.warnings.push(driftWarning(file, englishFile, drift, named, known));
  return findings;
}

/** A translation that differs from the English file beside it, said as far as validate can know. */
function driftWarning(file: string, englishFile: string, drift: Finding[], named: number, known: number): string {
  const where = `${file} differs from ${englishFile} at ${drift.map((d) => d.path).join(', ')}`;
  const behind = '`npx belarus-release translations` says whether it is behind';
  if (known > named)
    return `${where}: English has moved on since revision ${named} (the file is revision ${known}); ${behind}`;
  if (known === named) {
    return `${where}: both are English revision ${named}, so push refuses it unless ${englishFile} has unpushed edits`;
  }
  return (
    `${where}: ${englishFile} may not be English revision ${named}, which is what counts ` +
    `(push checks the translation against the store's); ${behind}`
  );
}

/**
 * A file at `data/releases/<id>/<lang>.json` must hold that id and language; a file elsewhere
 * may hold any (it is written to the document it names). Takes the raw values, so that it can
 * be said alongside every other error of a file that fails the schema.
 */
export function placementError(file: string, id: unknown, lang: unknown): Finding | undefined {
  const where = placeOf(file);
  if (!where || (where.id === id && where.lang === lang)) return undefined;
  return {
    path: where.id === id ? '/lang' : '/id',
    message:
      `holds ${String(id)}/${String(lang)}, but its path says ${where.id}/${where.lang}: ` +
      `set "id": "${where.id}" and "lang": "${where.lang}", or move the file to ` +
      `data/releases/${String(id)}/${String(lang)}.json`,
  };
}

/** The id and language a path under data/releases/ names, or undefined for a file elsewhere. */
function placeOf(file: string): { id: string; lang: string } | undefined {
  const inside = relative(RELEASES_DIR, resolve(file));
  const parts = inside.split(sep);
  if (parts.length !== 2 || inside.startsWith('..') || !parts[1]!.endsWith('.json')) return undefined;
  return { id: parts[0]!, lang: basename(parts[1]!, '.json') };
}
