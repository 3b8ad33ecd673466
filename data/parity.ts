/**
 * Translations stay true to English: a translation has the same people, quotes, sources, count,
 * date, URLs, speakers and envoy (by id, in the same order) as the English revision it names;
 * only text differs. And every text field is translated, unless the translation lists it in
 * `translation.same` as kept identical on purpose (a name, the title of an English article).
 * The store checks both on every write, the CLI on every `validate`.
 */
import type { ReleaseDocument } from './schema';

/** One finding, at a JSON Pointer (RFC 6901) into the translation. */
export interface ParityIssue {
  path: string;
  message: string;
}

/** Fields whose string values are prose in the document's language: the only ones that differ. */
const TEXT = new Set([
  'headline',
  'summary',
  'name',
  'description',
  'sentTo',
  'text',
  'context',
  'place',
  'detail',
  'publisher',
  'title',
  'reporting',
]);

/** Fields that belong to one document and are not compared: its language and its bookkeeping. */
const OWN = new Set(['$schema', 'lang', 'translation', 'translatedFrom', 'aliases']);

/**
 * Where `translation` does not mirror `english`: each difference in ids, counts, dates, URLs,
 * references or the shape of a list, with what English has there.
 *
 * @example
 * parityIssues(ru, en); // [{ path: '/released/count', message: 'must be 123, as in English' }]
 */
export function parityIssues(translation: ReleaseDocument, english: ReleaseDocument): ParityIssue[] {
  const issues: ParityIssue[] = [];
  compare(translation, english, '', issues, () => undefined);
  return issues;
}

/**
 * Text fields still identical to English that `translation.same` does not list, and entries of
 * `translation.same` that are not identical: a copy of the English file is not a translation.
 */
export function untranslatedIssues(translation: ReleaseDocument, english: ReleaseDocument): ParityIssue[] {
  const same = new Set(translation.translation?.same ?? []);
  const issues: ParityIssue[] = [];
  compare(translation, english, '', [], (path, identical) => {
    if (identical && !same.has(path)) {
      issues.push({
        path,
        message: `is still the English text; translate it, or list "${path}" in translation.same if it stays as it is`,
      });
    }
    if (!identical && same.has(path)) {
      issues.push({ path, message: 'is listed in translation.same but differs from English' });
    }
  });
  return issues;
}

/** Walks both documents in step; `onText` sees every text field present in both. */
function compare(
  mine: unknown,
  english: unknown,
  path: string,
  issues: ParityIssue[],
  onText: (path: string, identical: boolean) => void,
): void {
  if (Array.isArray(english)) {
    if (!Array.isArray(mine) || mine.length !== english.length) {
      issues.push({ path, message: `must have ${english.length} entries, as in English` });
      return;
    }
    english.forEach((item, i) => compare(mine[i], item, `${path}/${i}`, issues, onText));
    return;
  }
  if (isRecord(english) && isRecord(mine)) {
    for (const key of new Set([...Object.keys(english), ...Object.keys(mine)])) {
      if (OWN.has(key)) continue;
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in english)) issues.push({ path: child, message: 'is not in English; remove it' });
      else if (!(key in mine)) issues.push({ path: child, message: 'is missing; English has it' });
      else if (TEXT.has(key) && typeof english[key] === 'string') onText(child, mine[key] === english[key]);
      else compare(mine[key], english[key], child, issues, onText);
    }
    return;
  }
  if (JSON.stringify(mine) !== JSON.stringify(english)) {
    issues.push({ path: path || '/', message: `must be ${JSON.stringify(english)}, as in English` });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether English has moved on from the revision a translation follows: its document now
 * differs from that revision's. Revision numbers alone do not say so: a rollback writes a new
 * revision with an old document, and a translation of that document is still up to date. The
 * worker's `X-Translation-Behind` and the CLI's `translations` both ask this.
 *
 * @example
 * englishMoved(revision1.document, current.document); // false after a rollback to revision 1
 */
export function englishMoved(followed: ReleaseDocument, now: ReleaseDocument): boolean {
  const facts = ({ $schema: _editorOnly, ...document }: ReleaseDocument) => JSON.stringify(document);
  return facts(followed) !== facts(now);
}
