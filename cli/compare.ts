/**
 * `diff`: what differs, by meaning (cli/changes.ts), between a file and what the store holds,
 * or between two revisions (`diff <id> --from 3 --to 5`). When the store moved on since the
 * revision the file is based on, it says so, and shows the two sides apart: the editor's
 * changes and everyone else's, and whether a push would merge them. Exits 1 when anything
 * differs, like `git diff --exit-code`, so scripts can ask "is there something to push?".
 */
import { DEFAULT_LANG } from '../data/lang';
import { releaseId, required } from './arguments';
import { diffDocuments, renderChanges, type Change } from './changes';
import { historyOf } from './commands';
import { withStore, type Store } from './connect';
import { CliError } from './errors';
import { loadDocument } from './load';
import { merge3 } from './merge';
import { flag, revisionOption, text, type Values } from './options';
import { baseOf } from './state';

const USAGE = 'diff <file>  |  belarus-release diff <id> --from <n> [--to <n>]';
const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

/** `diff <file>` or `diff <id> --from <n> [--to <n>]`; exit 1 when anything differs. */
export async function diff(values: Values, positionals: string[]): Promise<number> {
  const subject = required(positionals[0], USAGE);
  const hint = `Run ${historyOf(subject, text(values, 'lang') ?? DEFAULT_LANG)} to list them.`;
  const from = revisionOption(values, 'from', 1, hint);
  const to = revisionOption(values, 'to', 1, hint);
  if (from === undefined && to === undefined) return diffFile(values, subject);
  if (from === undefined) throw new CliError('--to needs --from.', [], `Usage: belarus-release ${USAGE}`);
  if (subject.endsWith('.json')) {
    throw new CliError(
      '--from and --to compare two revisions of a document: name its id, not a file.',
      [],
      `Usage: belarus-release ${USAGE}`,
    );
  }
  const id = releaseId(subject);
  return withStore(values, (store) => diffRevisions(store, values, id, from, to));
}

async function diffRevisions(store: Store, values: Values, id: string, from: number, to?: number): Promise<number> {
  const lang = text(values, 'lang') ?? DEFAULT_LANG;
  const read = async (n?: number) => {
    const stored = n === undefined ? await store.target.current(id, lang) : await store.target.revision(id, lang, n);
    if (stored) return stored;
    const what = n === undefined ? `document ${id}/${lang}` : `revision ${n} of ${id}/${lang}`;
    throw new CliError(
      `There is no ${what} in ${store.name}.`,
      [],
      `Run ${historyOf(id, lang)} to list the revisions.`,
    );
  };
  const [older, newer] = [await read(from), await read(to)];
  const changes = diffDocuments(older.document, newer.document);
  if (flag(values, 'json')) {
    console.log(JSON.stringify({ id, lang, from: older.revision, to: newer.revision, changes }, null, 2));
  } else if (changes.length === 0) {
    console.log(`No changes between revisions ${older.revision} and ${newer.revision} of ${id}/${lang}.`);
  } else {
    console.log(`${id}/${lang}, revision ${older.revision} → ${newer.revision}:`);
    console.log(indent(renderChanges(changes)).join('\n'));
  }
  return changes.length > 0 ? 1 : 0;
}

async function diffFile(values: Values, file: string): Promise<number> {
  const { $schema: _editorOnly, ...document } = (await loadDocument(file)).document;
  const { id, lang } = document;
  return withStore(values, async (store) => {
    const current = await store.target.current(id, lang);
    const base = (await baseOf(file, store.key))?.revision;
    const changes = diffDocuments(current?.document ?? {}, document);
    const older =
      current && base !== undefined && base < current.revision ? await store.target.revision(id, lang, base) : null;
    const sides = older && {
      base: older.revision,
      yours: diffDocuments(older.document, document),
      theirs: diffDocuments(older.document, current!.document),
      conflicts: merge3(older.document, document, current!.document).conflicts,
    };
    if (flag(values, 'json')) {
      const json = { file, id, lang, store: store.name, revision: current?.revision ?? null, base: base ?? null };
      console.log(JSON.stringify({ ...json, changes: current ? changes : [], ...(sides ?? {}) }, null, 2));
    } else if (!current) {
      console.log(`${id}/${lang} does not exist in ${store.name} yet: pushing ${file} creates revision 1.`);
    } else if (sides) {
      console.log(describeSides(file, store, { id, lang, revision: current.revision }, sides));
    } else if (changes.length === 0) {
      console.log(`No changes against revision ${current.revision} of ${id}/${lang} in ${store.name}.`);
    } else {
      console.log(`${file} against revision ${current.revision} of ${id}/${lang} in ${store.name}:`);
      console.log(indent(renderChanges(changes)).join('\n'));
    }
    return !current || changes.length > 0 ? 1 : 0;
  });
}

interface Sides {
  base: number;
  yours: Change[];
  theirs: Change[];
  conflicts: string[];
}

function describeSides(
  file: string,
  store: Store,
  where: { id: string; lang: string; revision: number },
  sides: Sides,
): string {
  const { id, lang, revision } = where;
  const lines = [
    `${file} is based on revision ${sides.base}; ${store.name} has moved on to revision ${revision}.`,
    `Your changes (revision ${sides.base} → ${file}):`,
    ...indent(sides.yours.length > 0 ? renderChanges(sides.yours) : ['none']),
    `Changes in the store since (revision ${sides.base} → ${revision}):`,
    ...indent(renderChanges(sides.theirs)),
  ];
  if (sides.yours.length === 0) {
    lines.push(
      `The file has no changes of its own: \`belarus-release pull ${id} --lang ${lang} --out ${file} --force\` brings it to revision ${revision}.`,
    );
  } else if (sides.conflicts.length === 0) {
    lines.push('A push would merge the two (they change different paths) and write the result to the file too.');
  } else {
    lines.push(`A push would stop: both sides changed ${sides.conflicts.join(', ')}.`);
  }
  return lines.join('\n');
}
