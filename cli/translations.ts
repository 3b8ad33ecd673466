/**
 * Translations as an editor works with them: `translate` starts one from the current English
 * document, `translations` says which are up to date, behind English (and what English changed
 * since), or missing, and exits 1 when any is behind, so CI can gate on it.
 */
import { dirname, join, relative } from 'node:path';
import { DEFAULT_LANG, LANGUAGES } from '../data/lang';
import { englishMoved } from '../data/parity';
import type { ReleaseDocument } from '../data/schema';
import { language, releaseId, required, requiredId } from './arguments';
import { diffDocuments } from './changes';
import { withStore } from './connect';
import { listDataFiles, RELEASES_DIR } from './data-files';
import { CliError } from './errors';
import { formatJson, writeTextFile } from './files';
import { JSON_SCHEMA_PATH } from './json-schema';
import { flag, text, type Values } from './options';
import type { Target } from './targets';

/** `translate <id> <lang>`: a new translation file from the current English revision. */
export async function translate(values: Values, positionals: string[]): Promise<number> {
  const usage = 'translate <id> <lang>';
  const id = requiredId(positionals[0], usage);
  const lang = language(required(positionals[1], usage), 'The language');
  if (lang === DEFAULT_LANG) {
    throw new CliError(
      `"${lang}" is not a language to translate into: English is the source.`,
      [],
      `Use one of ${LANGUAGES.slice(1).join(', ')}.`,
    );
  }
  const out = text(values, 'out') ?? relative(process.cwd(), join(RELEASES_DIR, id, `${lang}.json`));
  return withStore(values, async ({ target }) => {
    const english = await target.current(id, DEFAULT_LANG);
    if (!english) throw new CliError(`There is no English document ${id}/en in ${target.name}.`, [], 'Push it first.');
    const scaffold = scaffoldOf(english.document, lang, english.revision, relative(dirname(out), JSON_SCHEMA_PATH));
    try {
      await writeTextFile(out, formatJson(scaffold), { force: flag(values, 'force') });
    } catch (error: unknown) {
      if (!(error instanceof CliError && error.message.endsWith('exists already: nothing was written.'))) throw error;
      throw new CliError(
        `${out} exists already.`,
        [],
        'Run `translations` to see what English changed, or pass --force to start over.',
      );
    }
    console.log(`✔ Wrote ${out}: a ${lang} translation of English revision ${english.revision}, still in English.`);
    console.log('  Translate every text field; list the ones that stay the same (a name) in translation.same.');
    console.log(`  \`npx belarus-release validate ${out}\` names each field still in English.`);
    return 0;
  });
}

/**
 * The English document with the bookkeeping of a translation: ids, counts, dates, URLs and
 * references copied; the text left in English for the translator (validate refuses it until
 * translated or listed in `same`); every quote marked as reaching us in English.
 */
function scaffoldOf(english: ReleaseDocument, lang: string, revision: number, $schema: string) {
  const { $schema: _editorOnly, id, lang: _english, translation: _none, quotes, ...rest } = english;
  return {
    $schema,
    id,
    lang,
    translation: { from: DEFAULT_LANG, revision, same: [] },
    ...rest,
    quotes: quotes.map(({ text, ...quote }) => ({ text, translatedFrom: DEFAULT_LANG, ...quote })),
  };
}

type Status =
  | { lang: string; state: 'up to date'; revision: number }
  | { lang: string; state: 'behind'; from: number; to: number; changed: string[] }
  | { lang: string; state: 'missing' };

/** `translations [ids…]`: each language up to date, behind English or missing; exit 1 if any is behind. */
export async function translations(values: Values, positionals: string[]): Promise<number> {
  const ids =
    positionals.length > 0 ? positionals.map(releaseId) : [...new Set((await listDataFiles()).map((f) => f.id))];
  const report = await withStore(values, async ({ target }) =>
    Promise.all(ids.map(async (id) => ({ id, languages: await statusOf(target, id) }))),
  );
  if (flag(values, 'json')) console.log(JSON.stringify({ releases: report }, null, 2));
  else for (const { id, languages } of report) console.log([id, ...languages.map(describe)].join('\n'));
  const behind = report.flatMap((r) => r.languages).filter((s) => s.state === 'behind').length;
  if (behind > 0) {
    throw new CliError(
      `${behind} translation(s) behind English.`,
      [],
      'Update each from the changed paths, set translation.revision to the English revision, and push.',
    );
  }
  return 0;
}

async function statusOf(target: Target, id: string): Promise<Status[]> {
  const english = await target.current(id, DEFAULT_LANG);
  if (!english) throw new CliError(`There is no English document ${id}/en in ${target.name}.`, [], 'Push it first.');
  return Promise.all(
    LANGUAGES.slice(1).map(async (lang): Promise<Status> => {
      const current = await target.current(id, lang);
      const from = current?.document.translation?.revision;
      if (!current || from === undefined) return { lang, state: 'missing' };
      if (from >= english.revision) return { lang, state: 'up to date', revision: from };
      const base = await target.revision(id, DEFAULT_LANG, from);
      // A newer revision with the same document (a rollback) is nothing to translate.
      if (base && !englishMoved(base.document, english.document)) return { lang, state: 'up to date', revision: from };
      const changed = [...new Set(diffDocuments(base?.document ?? {}, english.document).map((c) => c.pointer))];
      return { lang, state: 'behind', from, to: english.revision, changed };
    }),
  );
}

function describe(status: Status): string {
  switch (status.state) {
    case 'up to date':
      return `  ${status.lang}  up to date (English revision ${status.revision})`;
    case 'behind':
      return `  ${status.lang}  behind English by ${status.to - status.from} revision(s) (${status.from} → ${status.to}): ${status.changed.join(', ')}`;
    case 'missing':
      return `  ${status.lang}  missing: \`npx belarus-release translate <id> ${status.lang}\` starts it`;
  }
}
