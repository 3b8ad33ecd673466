/**
 * The CLI's smaller commands: validate, history and rollback. push (cli/push.ts), pull
 * (cli/pull.ts), diff (cli/compare.ts) and the translation commands have files of their own.
 * Each takes its parsed options and positionals, and returns its exit status.
 */
import { DEFAULT_LANG } from '../data/lang';
import { required, requiredId } from './arguments';
import { diffDocuments, renderChanges } from './changes';
import { authorOf, messageOf, noDocument, shown, withStore } from './connect';
import { DataFileError, listDataFiles } from './data-files';
import { CliError, formatError } from './errors';
import { DocumentError, loadDocument, type Problem } from './load';
import { flag, revisionNumber, text, type Values } from './options';
import { filesBasedOn } from './state';
import { printable } from './terminal';

/** The history command for a document, for hints: `belarus-release history <id> [--lang xx]`. */
export const historyOf = (id: string, lang: string): string =>
  `\`belarus-release history ${id}${lang === DEFAULT_LANG ? '' : ` --lang ${lang}`}\``;

const langOf = (values: Values) => text(values, 'lang') ?? DEFAULT_LANG;

/**
 * Each file in turn: `✔ file`, or its errors as they are found (a file that is not JSON is one
 * `✘ ERROR:` line with its line and column); with several files, a count at the end.
 */
export async function validate(values: Values, positionals: string[]): Promise<number> {
  const files = positionals.length > 0 ? positionals : (await listDataFiles()).map((f) => f.path);
  const json = flag(values, 'json');
  const report: { file: string; valid: boolean; problems: Problem[]; warnings: string[] }[] = [];
  for (const file of files) {
    try {
      const { warnings } = await loadDocument(file);
      report.push({ file, valid: true, problems: [], warnings });
      if (json) continue;
      console.log(`✔ ${file}`);
      for (const warning of warnings) console.warn(`▲ WARNING: ${warning}`);
    } catch (error: unknown) {
      if (!(error instanceof CliError)) throw error;
      report.push({ file, valid: false, problems: problemsOf(file, error), warnings: [] });
      if (!json) console.error(formatError(new CliError(error.message, error.details)));
    }
  }
  const failed = report.filter((r) => !r.valid).length;
  if (json) console.log(JSON.stringify({ files: report }, null, 2));
  else if (failed > 0 && files.length > 1) console.error(`\n${failed} of ${files.length} files failed validation.`);
  return failed > 0 ? 1 : 0;
}

function problemsOf(file: string, error: CliError): Problem[] {
  if (error instanceof DocumentError) return error.problems;
  const at = error instanceof DataFileError ? error.position : undefined;
  const message = error instanceof DataFileError ? error.reason : error.message;
  return [{ file, line: at?.line ?? 1, column: at?.column ?? 1, path: '', message }];
}

/**
 * `history <id>`: the revisions, oldest first, marking the one readers get (`current`) or, while
 * the release is unpublished, had (`published, now unpublished`), the drafts never published and
 * each file's base; whether the release is unpublished; `--json`.
 */
export async function history(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'history <id>');
  const lang = langOf(values);
  return withStore(values, async (store) => {
    const { revisions, published, unpublished, withdrawn = null } = await store.target.history(id, lang);
    if (revisions.length === 0) {
      throw await noDocument(store, id, lang);
    }
    const bases = await filesBasedOn(store.key, id, lang);
    const filesAt = (n: number) => bases.filter((b) => b.base.revision === n).map((b) => shown(b.file));
    if (flag(values, 'json')) {
      const listed = revisions.map((r) => ({ ...r, current: r.revision === published, files: filesAt(r.revision) }));
      const newest = revisions.at(-1)!.revision;
      console.log(
        JSON.stringify(
          { id, lang, store: store.name, current: published, withdrawn, newest, unpublished, revisions: listed },
          null,
          2,
        ),
      );
      return 0;
    }
    if (unpublished) {
      const by = unpublished.author ? ` by ${printable(unpublished.author)}` : '';
      const why = unpublished.message ? `: ${printable(unpublished.message)}` : '';
      console.log(`Unpublished since ${printable(unpublished.unpublishedAt)}${by}${why}`);
      console.log(`Readers get 410 Gone; \`belarus-release publish ${id}\` brings it back.\n`);
    }
    for (const r of revisions) {
      const marks = [
        r.revision === published ? 'current' : '',
        r.revision === withdrawn ? 'published, now unpublished' : '',
        // A draft stops being one when it, or a revision after it, is published (even if since unpublished).
        r.draft && r.revision > (published ?? withdrawn ?? 0) ? 'draft' : '',
        ...filesAt(r.revision).map((f) => `base of ${f}`),
      ];
      const mark = marks.filter(Boolean).join(', ');
      // Author and message are data: shown with any control character escaped, never obeyed.
      const note = r.unreadable ? '(unreadable in KV)' : `${printable(r.author)}  ${printable(r.message)}`;
      console.log(`${String(r.revision).padStart(4)}  ${printable(r.savedAt)}  ${note}${mark ? `   ← ${mark}` : ''}`);
    }
    return 0;
  });
}

/** `rollback <id> <n> -m <message>`: shows the change, then writes revision n's document again. */
export async function rollbackCommand(values: Values, positionals: string[]): Promise<number> {
  const usage = 'rollback <id> <revision> -m <message>';
  const id = requiredId(positionals[0], usage);
  const lang = langOf(values);
  const n = revisionNumber(required(positionals[1], usage), 'The revision', `Run ${historyOf(id, lang)} to list them.`);
  const message = messageOf(values, 'rollback');
  const author = authorOf(values);
  return withStore(values, async (store) => {
    const [current, old] = [await store.target.current(id, lang), await store.target.revision(id, lang, n)];
    if (!current) throw await noDocument(store, id, lang);
    if (!old)
      throw new CliError(
        `There is no revision ${n} of ${id}/${lang} in ${store.name}.`,
        [],
        `Run ${historyOf(id, lang)} to list them.`,
      );
    const lines = renderChanges(diffDocuments(current.document, old.document));
    if (lines.length === 0) {
      console.log(`Revision ${current.revision} already equals revision ${n}: nothing to roll back. Nothing written.`);
      return 0;
    }
    console.log(
      `→ ${id} / ${lang} in ${store.name}, revision ${current.revision} → ${current.revision + 1} (the document of revision ${n})`,
    );
    console.log(lines.map((line) => `  ${line}`).join('\n'));
    if (flag(values, 'dry-run')) {
      console.log(`\nDry run: nothing written to ${store.name}.`);
      return 0;
    }
    const written = await store.target.rollback(id, lang, n, {
      author,
      message: `Roll back to revision ${n}: ${message}`,
    });
    console.log(`\n✔ Rolled back: revision ${written.revision} (ETag ${written.etag}) equals revision ${n}.`);
    for (const { file, base } of await filesBasedOn(store.key, id, lang)) {
      if (base.revision >= written.revision) continue;
      const path = shown(file);
      console.log(
        `  ${path} is based on revision ${base.revision}: \`belarus-release pull ${id} --lang ${lang} --out ${path} --force\` ` +
          `brings it to revision ${written.revision} (or push it to merge your edits onto it).`,
      );
    }
    return 0;
  });
}
