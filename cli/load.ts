/**
 * Reading a release document from a file the way every command does: all its problems at once
 * (schema, references, duplicates, path/id/lang, translation), each as
 * `file:line:column: /json/pointer: what is wrong and how to fix it`, so that an editor (or a
 * terminal that links `file:line:column`) goes straight to each one.
 */
import { findings as editorFindings } from '../data/issues';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { readSource } from './data-files';
import { CliError, type RefusedDocumentError } from './errors';
import { checkFile, placementError, type Finding } from './file-checks';
import type { JsonSource } from './json-source';

/** One problem of a file, where an editor finds it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** JSON Pointer (RFC 6901); "" for the whole file. */
  path: string;
  message: string;
}

/** A file that is not a valid release document, with every problem. */
export class DocumentError extends CliError {
  constructor(
    message: string,
    readonly problems: Problem[],
    hint = 'Fix them and run again; nothing was written.',
  ) {
    const details = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path || '/'}: ${p.message}`);
    super(message, details, hint);
    this.name = 'DocumentError';
  }
}

/** A valid document read from a file. */
export interface Loaded {
  document: ReleaseDocument;
  /** Worth saying, not refusing (a translation behind today's English file). */
  warnings: string[];
}

/**
 * The file's document, validated; throws one {@link DocumentError} listing every problem, or a
 * DataFileError for a file that is missing or not JSON.
 *
 * @example
 * const { document } = await loadDocument('data/releases/belarus-2025-12/en.json');
 */
export async function loadDocument(file: string): Promise<Loaded> {
  const source = await readSource(file);
  const result = ReleaseDocumentSchema.safeParse(source.value, { reportInput: true });
  const raw = (typeof source.value === 'object' && source.value !== null ? source.value : {}) as Record<
    string,
    unknown
  >;
  const misplaced = placementError(file, raw.id, raw.lang);
  const findings: Finding[] = result.success
    ? []
    : editorFindings(result.error.issues, source.value, ReleaseDocumentSchema);
  let warnings: string[] = [];
  if (result.success) {
    const checked = await checkFile(file, result.data);
    findings.push(...checked.errors);
    warnings = checked.warnings;
  } else if (misplaced) {
    findings.push(misplaced);
  }
  if (findings.length > 0) {
    const problems = located(file, source, findings);
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new DocumentError(`${file} is not a valid release document (${findings.length} error(s)).`, problems);
  }
  return { document: result.data!, warnings };
}

/**
 * What the store refused in a document read from `file`, at each problem's line and column there.
 *
 * @example
 * throw await locateRefusal('ru.json', refused); // ru.json:31:14: /released/count: must be 123, as in English
 */
export async function locateRefusal(file: string, error: RefusedDocumentError): Promise<DocumentError> {
  const problems = located(file, await readSource(file), error.issues);
  return new DocumentError(`${file}: ${error.message}`, problems, error.hint);
}

/** Each finding at its line and column in the file. */
function located(file: string, source: JsonSource, findings: Finding[]): Problem[] {
  return findings.map(({ path, message }) => ({ file, ...source.locate(path), path, message }));
}
