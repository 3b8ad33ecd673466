/**
 * `push <file>`: writes a file as the next revision of the document it holds, based on the
 * revision the file came from (cli/state.ts), so that no push undoes an edit it never saw:
 * when the store moved on, the two sets of changes are merged if they touch different paths,
 * and the push stops (naming both revisions and every path) if they do not. cli/plan.ts decides;
 * this file says what it does, writes, and remembers the new base.
 */
import { DEFAULT_LANG } from '../data/lang';
import type { ReleaseDocument } from '../data/schema';
import { required } from './arguments';
import { pushCard } from './card-push';
import { authorOf, messageOf, withStore, type Store } from './connect';
import { RefusedDocumentError } from './errors';
import { formatJson, writeTextFile } from './files';
import { loadDocument, locateRefusal } from './load';
import { flag, revisionOption, type Values } from './options';
import { planPush, type Plan } from './plan';
import { noteWithheld } from './publishing';
import { baseOf, recordBase } from './state';

/** Two pushes racing: the loser looks again (and merges or stops) this many times. */
const ATTEMPTS = 3;

/** `push <file> -m <message>`: plans (cli/plan.ts), says the target, writes, records the new base. */
export async function push(values: Values, positionals: string[]): Promise<number> {
  const file = required(positionals[0], 'push <file> -m <message>');
  const message = messageOf(values, 'push');
  const author = authorOf(values);
  const explicitBase = revisionOption(values, 'base', 0);
  const { document: loaded, warnings } = await loadDocument(file);
  for (const warning of warnings) console.warn(`▲ WARNING: ${warning}`);
  const { $schema, ...document } = loaded;
  await withStore(values, async (store) => {
    for (let attempt = 1; ; attempt++) {
      const base = explicitBase ?? (await baseOf(file, store.key))?.revision;
      const plan = await planPush(store, file, document, base, flag(values, 'force'));
      const done = await carryOut(store, file, plan, { values, message, author, $schema, attempt });
      if (done) return;
      console.log(`\nSomeone else wrote ${plan.where} meanwhile: looking again.\n`);
    }
  });
  return 0;
}

interface Run {
  values: Values;
  message: string;
  /** Checked before anything starts, like the message. */
  author: string;
  $schema: string | undefined;
  attempt: number;
}

/** Prints and writes the plan; false when another write got in first and it is worth another look. */
async function carryOut(store: Store, file: string, plan: Plan, run: Run): Promise<boolean> {
  const { id, lang } = plan.document;
  const record = (revision: number, etag: string, by: string) =>
    recordBase(file, store.key, { id, lang, revision, etag, by });
  if (plan.kind === 'unchanged') {
    await record(plan.current.revision, plan.current.etag, 'push');
    console.log(
      `No changes: ${id}/${lang} is already revision ${plan.current.revision} in ${store.name}. Nothing written.`,
    );
    return true;
  }
  if (plan.kind === 'behind') {
    console.log(
      `Nothing to push: ${file} has no changes since revision ${plan.base}, and ${store.name} is at revision ` +
        `${plan.current.revision}. \`belarus-release pull ${id} --lang ${lang} --out ${file} --force\` updates the file.`,
    );
    return true;
  }
  const from = plan.current?.revision ?? 0;
  const to = from === 0 ? 'a new document, revision 1' : `revision ${from} → ${from + 1}`;
  const draft = flag(run.values, 'draft');
  console.log(`→ ${id} / ${lang} in ${store.name}, ${to}${draft ? ' (a draft: readers do not get it)' : ''}`);
  if (plan.current?.draft && !draft) {
    console.log(`  Revision ${from} is a draft: this push makes it public, with these changes on top.`);
  }
  for (const note of plan.notes) console.log(note);
  console.log(plan.lines.map((line) => `  ${line}`).join('\n'));
  if (flag(run.values, 'dry-run')) {
    console.log(`\nDry run: nothing written to ${store.name}.`);
    return true;
  }
  let written: { revision: number; etag: string; draft?: true };
  try {
    written = await store.target.write(plan.document, {
      author: run.author,
      message: run.message,
      basedOn: plan.current,
      force: flag(run.values, 'force'),
      draft,
    });
  } catch (error: unknown) {
    if (error instanceof RefusedDocumentError) throw await locateRefusal(file, error);
    const now = await store.target.current(id, lang);
    if (run.attempt >= ATTEMPTS || (now?.revision ?? 0) === from) throw error;
    return false;
  }
  console.log(`\n✔ Wrote ${id}/${lang} revision ${written.revision} (ETag ${written.etag}) to ${store.name}.`);
  await pushCard(store.target, plan.document, written.revision);
  if (written.draft) console.log(draftNote(id, lang, draft));
  if (draft && from === 0 && lang === DEFAULT_LANG)
    await noteWithheld(store, id, `A draft of a new release, pushed to ${store.name}`);
  if (plan.kind !== 'merge') {
    await record(written.revision, written.etag, 'push');
    return true;
  }
  // The file gets the merged document too: left as it was, it would lack the other edits, and
  // its next push, based on this revision, would undo them.
  try {
    await writeTextFile(file, formatJson(withSchema(plan.document, run.$schema)), { force: true });
    await record(written.revision, written.etag, 'merge');
    console.log(`✔ Updated ${file} to the merged document (revision ${written.revision}).`);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(
      `▲ WARNING: ${file} still holds your version only (${reason}). Pull revision ${written.revision} into it.`,
    );
  }
  return true;
}

/** What a reader gets of a draft, and what to run next. */
function draftNote(id: string, lang: string, asked: boolean): string {
  const why = asked ? 'It is a draft' : 'The release is unpublished, so it is kept as a draft';
  const langOption = lang === 'en' ? '' : ` --lang ${lang}`;
  return (
    `  ${why}: readers do not get it. \`belarus-release preview ${id}${langOption}\` shows it as they will; ` +
    `\`belarus-release publish ${id}${langOption}\` makes it public.`
  );
}

const withSchema = (document: ReleaseDocument, $schema: string | undefined) =>
  $schema === undefined ? document : { $schema, ...document };
