/**
 * `pull <id>`: a revision of a document (the current one, or `--revision n`), printed or
 * written to a file in the repository's layout (cli/files.ts), never over an existing file
 * without `--force` and never through a symbolic link. The file is remembered as based on that
 * revision (cli/state.ts), which is what makes its next push safe.
 */
import { dirname, relative } from 'node:path';
import { DEFAULT_LANG } from '../data/lang';
import { requiredId } from './arguments';
import { historyOf } from './commands';
import { noDocument, withStore } from './connect';
import { readJson } from './data-files';
import { CliError } from './errors';
import { formatJson, writeTextFile } from './files';
import { JSON_SCHEMA_PATH } from './json-schema';
import { flag, revisionOption, text, type Values } from './options';
import { recordBase } from './state';

/** `pull <id> [--revision n] [--out <file>]`: prints a revision, or writes it and records the file's base. */
export async function pull(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'pull <id> [--lang <xx>] [--out <file>]');
  const lang = text(values, 'lang') ?? DEFAULT_LANG;
  const n = revisionOption(values, 'revision', 1, `Run ${historyOf(id, lang)} to list them.`);
  const out = text(values, 'out');
  return withStore(values, async (store) => {
    const current = await store.target.current(id, lang);
    const stored = n === undefined ? current : await store.target.revision(id, lang, n);
    if (!current) throw await noDocument(store, id, lang);
    if (!stored) {
      throw new CliError(
        `There is no revision ${n} of ${id}/${lang} in ${store.name}.`,
        [],
        `Run ${historyOf(id, lang)} to list them.`,
      );
    }
    const summary = { id, lang, revision: stored.revision, etag: stored.etag, current: current.revision };
    if (!out) {
      console.log(
        flag(values, 'json')
          ? JSON.stringify({ ...summary, ...stored }, null, 2)
          : formatJson(stored.document).trimEnd(),
      );
      return 0;
    }
    const $schema = relative(dirname(out), JSON_SCHEMA_PATH);
    const already = await holds(out, stored.document);
    if (!already)
      await writeTextFile(out, formatJson({ $schema, ...stored.document }), { force: flag(values, 'force') });
    await recordBase(out, store.key, { id, lang, revision: stored.revision, etag: summary.etag, by: 'pull' });
    if (flag(values, 'json')) {
      console.log(JSON.stringify({ file: out, written: !already, ...summary }, null, 2));
      return 0;
    }
    console.log(
      already
        ? `✔ ${out} already holds revision ${stored.revision} of ${id}/${lang}: left as it is, and based on that revision.`
        : `✔ Wrote revision ${stored.revision} of ${id}/${lang} to ${out}.`,
    );
    if (stored.revision < current.revision) {
      console.log(
        `  Revision ${current.revision} is current: a push of ${out} is based on revision ${stored.revision} and merges with the changes since ` +
          `(to make revision ${stored.revision} current again as it is, use \`rollback ${id} ${stored.revision}\`).`,
      );
    }
    return 0;
  });
}

/** Whether `file` exists and holds `document` already (its `$schema` aside). */
async function holds(file: string, document: unknown): Promise<boolean> {
  try {
    const { $schema: _editorOnly, ...existing } = (await readJson(file)) as Record<string, unknown>;
    return JSON.stringify(existing) === JSON.stringify(document);
  } catch {
    return false;
  }
}
