/**
 * What a push of a file would do, given the revision the file is based on and what the store
 * holds now: nothing (no change), create, write (the store is still at the base), merge (the
 * store moved on, but not where the file changed), or overwrite (`--force`); and when none of
 * these is safe, an error that names both revisions and the paths each side changed.
 */
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { diffDocuments, renderChanges } from './changes';
import type { ShowOptions } from './inline-diff';
import { historyOf } from './commands';
import type { Store } from './connect';
import type { Target } from './targets';
import { CliError } from './errors';
import { merge3 } from './merge';

type Document = Omit<ReleaseDocument, '$schema'>;
/** A revision as the store gave it, with its ETag. */
type Current = NonNullable<Awaited<ReturnType<Target['current']>>>;

/** What a push will do, with what to print before it does. */
export type Plan =
  | { kind: 'unchanged'; where: string; document: Document; current: Current }
  /** The file has no changes of its own since its base; the store has moved on. */
  | { kind: 'behind'; where: string; document: Document; current: Current; base: number }
  | {
      kind: 'create' | 'write' | 'merge' | 'force';
      where: string;
      document: Document;
      current: Current | null;
      /** The change to the current revision, one line per path. */
      lines: string[];
      /** What the editor should know first: a merge, or what --force replaces. */
      notes: string[];
    };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

/**
 * @example
 * const plan = await planPush(store, 'en.json', doc, 5, false); // { kind: 'merge', lines: […] }
 */
export async function planPush(
  store: Store,
  file: string,
  document: Document,
  base: number | undefined,
  force: boolean,
): Promise<Plan> {
  const where = `${document.id}/${document.lang}`;
  const current = await store.target.current(document.id, document.lang);
  if (!current) {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const counts = [
      count(document.people.length, 'person', 'people'),
      count(document.quotes.length, 'quote', 'quotes'),
      count(document.sources.length, 'source', 'sources'),
    ].join(', ');
    return { kind: 'create', where, document, current, lines: [`+ a new document: ${counts}`], notes: [] };
  }
  if (same(current.document, document)) return { kind: 'unchanged', where, document, current };
  const lines = renderChanges(diffDocuments(current.document, document));
  const revision = current.revision;
  if (force) {
    const by = `by ${current.author}, ${current.savedAt}${current.message ? `: "${current.message}"` : ''}`;
    const notes = [`--force: revision ${revision} (${by}) is replaced by ${file} as it stands.`];
    const older =
      base !== undefined && base < revision ? await store.target.revision(document.id, document.lang, base) : null;
    if (older) {
      const undone = diffDocuments(older.document, current.document).map((c) => c.path);
      notes.push(`  This undoes what changed since your base, revision ${base}: ${undone.join(', ')}.`);
    }
    return { kind: 'force', where, document, current, lines, notes };
  }
  if (base === revision) return { kind: 'write', where, document, current, lines, notes: [] };
  if (base === undefined) throw noBase(store, file, where, revision);
  const older = base < revision ? await store.target.revision(document.id, document.lang, base) : null;
  if (!older) {
    throw new CliError(
      `${file} is based on revision ${base} of ${where}, which ${store.name} does not hold (it is at revision ${revision}).`,
      [],
      `Was the store reset? Push with --base <n> naming the revision the file started from (${historyOf(document.id, document.lang)} lists them), or with --force to replace revision ${revision}.`,
    );
  }
  const ours = diffDocuments(older.document, document);
  if (ours.length === 0) return { kind: 'behind', where, document, current, base };
  const theirs = diffDocuments(older.document, current.document);
  const result = merge3(older.document, document, current.document);
  // Errors print their details with every escape sequence made inert: those get no colour.
  const story = (options?: ShowOptions) => [
    `Your changes (revision ${base} → ${file}):`,
    ...indent(renderChanges(ours, options)),
    `Changes in the store since (revision ${base} → ${revision}):`,
    ...indent(renderChanges(theirs, options)),
  ];
  if (result.conflicts.length > 0) {
    throw new CliError(
      `${where} moved on in ${store.name}: ${file} is based on revision ${base}, the store is at revision ${revision}, ` +
        'and both changed the same place. Nothing was written.',
      [`changed on both sides: ${result.conflicts.join(', ')}`, ...story({ colour: false })],
      `Pull revision ${revision} into another file (\`belarus-release pull ${document.id} --lang ${document.lang} --out theirs.json\`), ` +
        `bring your changes into it and push that; or push --force to replace revision ${revision} with ${file}.`,
    );
  }
  const merged = ReleaseDocumentSchema.safeParse(result.merged);
  if (!merged.success) {
    throw new CliError(
      `${where} moved on in ${store.name} (revision ${base} → ${revision}): the two sets of changes touch different paths, ` +
        'but together they make an invalid document. Nothing was written.',
      [...merged.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`), ...story({ colour: false })],
      `Pull revision ${revision} into another file, bring your changes into it and push that.`,
    );
  }
  const notes = [`Merged: ${file} is based on revision ${base}; revision ${revision} changed other paths.`, ...story()];
  notes.push(`The merged document, against revision ${revision}:`);
  const mergedLines = renderChanges(diffDocuments(current.document, merged.data));
  return { kind: 'merge', where, document: merged.data, current, lines: mergedLines, notes };
}

function noBase(store: Store, file: string, where: string, revision: number): CliError {
  const [id = '', lang = ''] = where.split('/');
  return new CliError(
    `No base revision is known for ${file} in ${store.name}: it was never pulled, pushed or seeded there, ` +
      `so a push cannot tell its changes from those of others since. Nothing was written.`,
    [],
    `\`belarus-release diff ${file}\` shows how it differs from revision ${revision}. Then push with --base <n>, ` +
      `the revision the file started from (${historyOf(id, lang)} lists them), or with --force to replace revision ${revision}.`,
  );
}
