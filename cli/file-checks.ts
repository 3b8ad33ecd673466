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

export interface FileFindings {
  /** Refuse the file: nothing is written while any remain. */
  errors: string[];
  /** Worth saying, not worth refusing: a translation that differs from today's English file. */
  warnings: string[];
}

/**
 * @example
 * const { errors } = await checkFile('data/releases/belarus-2025-12/ru.json', doc);
 */
export async function checkFile(file: string, document: ReleaseDocument): Promise<FileFindings> {
  const findings: FileFindings = { errors: [], warnings: [] };
  const where = placeOf(file);
  if (where && (where.id !== document.id || where.lang !== document.lang)) {
    findings.errors.push(
      `${file}: holds ${document.id}/${document.lang}, but its path says ${where.id}/${where.lang}: ` +
        `set "id": "${where.id}" and "lang": "${where.lang}", or move the file`,
    );
  }
  if (document.lang === DEFAULT_LANG) return findings;
  const englishFile = join(dirname(file), `${DEFAULT_LANG}.json`);
  let english: ReleaseDocument;
  try {
    english = (await readJson(englishFile)) as ReleaseDocument;
  } catch {
    return findings; // A translation kept elsewhere is checked against the store when pushed.
  }
  for (const issue of untranslatedIssues(document, english))
    findings.errors.push(`${file}: ${issue.path}: ${issue.message}`);
  const drift = parityIssues(document, english);
  if (drift.length > 0) {
    findings.warnings.push(
      `${file} differs from ${englishFile} at ${drift.map((d) => d.path).join(', ')}: ` +
        'English may have moved on since revision ' +
        `${document.translation?.revision}; \`npx belarus-release translations\` says whether it is behind`,
    );
  }
  return findings;
}

/** The id and language a path under data/releases/ names, or undefined for a file elsewhere. */
function placeOf(file: string): { id: string; lang: string } | undefined {
  const inside = relative(RELEASES_DIR, resolve(file));
  const parts = inside.split(sep);
  if (parts.length !== 2 || inside.startsWith('..') || !parts[1]!.endsWith('.json')) return undefined;
  return { id: parts[0]!, lang: basename(parts[1]!, '.json') };
}
