/** The CLI's commands: each parses its own options, then works through a {@link Target}. */
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LANG } from '../data/lang';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { listDataFiles, readJson } from './data-files';
import { diffJson } from './diff';
import { CliError } from './errors';
import { checkFile } from './file-checks';
import { JSON_SCHEMA_PATH } from './json-schema';
import { localTarget, remoteTarget, type Target } from './targets';

const TARGET_OPTIONS = {
  remote: { type: 'string' },
  token: { type: 'string' },
  'persist-to': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseArgs({ args, options: { ...TARGET_OPTIONS, ...options }, allowPositionals: true, strict: true });
}

export async function withTarget<T>(values: Record<string, unknown>, run: (target: Target) => Promise<T>): Promise<T> {
  const remote = values.remote as string | undefined;
  let target: Target;
  if (remote) {
    const token = ((values.token as string | undefined) ?? process.env.BELARUS_RELEASE_TOKEN ?? '').trim();
    if (!token)
      throw new CliError('No admin token for --remote.', [], 'Pass --token <token> or set BELARUS_RELEASE_TOKEN.');
    target = remoteTarget(remote, token);
  } else {
    target = await localTarget(values['persist-to'] as string | undefined);
  }
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

/** A file's document, validated; every problem is reported with the file and its JSON path. */
async function load(file: string): Promise<ReleaseDocument> {
  let data: unknown;
  try {
    data = await readJson(file);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(
      missing ? `${file} does not exist.` : reason,
      [],
      missing ? 'Check the path.' : 'Fix the JSON and run again.',
    );
  }
  const result = ReleaseDocumentSchema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${file}: /${i.path.join('/')}: ${i.message}`);
    throw new CliError(
      `${file} is not a valid release document (${details.length} error(s)).`,
      details,
      'Fix them and run again; nothing was written.',
    );
  }
  const { errors, warnings } = await checkFile(file, result.data);
  if (errors.length > 0) {
    throw new CliError(
      `${file} cannot be written as it is (${errors.length} error(s)).`,
      errors,
      'Fix them and run again; nothing was written.',
    );
  }
  for (const warning of warnings) console.warn(`▲ WARNING: ${warning}`);
  return result.data;
}

export async function validate(args: string[]): Promise<void> {
  const { positionals } = parse(args, {});
  const files = positionals.length > 0 ? positionals : (await listDataFiles()).map((f) => f.path);
  const failures: CliError[] = [];
  for (const file of files) {
    try {
      await load(file);
      console.log(`✔ ${file}`);
    } catch (error: unknown) {
      if (!(error instanceof CliError)) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    const details = failures.flatMap((f) => (f.details.length > 0 ? f.details : [f.message]));
    throw new CliError(
      `${failures.length} of ${files.length} file(s) failed validation.`,
      details,
      'Fix them and run again.',
    );
  }
}

/** The change `file` would make, against what `target` holds now. */
async function changes(target: Target, file: string) {
  const document = await load(file);
  const current = await target.current(document.id, document.lang);
  const { $schema: _editorOnly, ...clean } = document;
  return { document: clean, current, lines: diffJson(current?.document ?? {}, clean) };
}

export async function diff(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  const file = required(positionals[0], 'diff <file>');
  await withTarget(values, async (target) => {
    const { document, current, lines } = await changes(target, file);
    const where = `${document.id}/${document.lang} in ${target.name}`;
    if (!current) console.log(`${where} does not exist yet: pushing creates revision 1.`);
    console.log(
      lines.length === 0 ? `No changes against revision ${current?.revision} of ${where}.` : lines.join('\n'),
    );
  });
}

export async function push(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    message: { type: 'string', short: 'm' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
  });
  const file = required(positionals[0], 'push <file>');
  await withTarget(values, async (target) => {
    const { document, current, lines } = await changes(target, file);
    const where = `${document.id}/${document.lang}`;
    if (lines.length === 0 && !values.force) {
      console.log(`No changes: ${where} is already revision ${current?.revision} in ${target.name}. Nothing written.`);
      return;
    }
    console.log(lines.join('\n'));
    if (values['dry-run']) {
      console.log(`\nDry run: nothing written to ${target.name}.`);
      return;
    }
    const result = await target.write(document, {
      author: author(),
      message: values.message ?? `Pushed ${file}`,
      basedOn: current,
      force: values.force ?? false,
    });
    console.log(`\n✔ Wrote ${where} revision ${result.revision} (ETag ${result.etag}) to ${target.name}.`);
  });
}

export async function pull(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, out: { type: 'string', short: 'o' } });
  const id = required(positionals[0], 'pull <id>');
  const lang = values.lang ?? DEFAULT_LANG;
  await withTarget(values, async (target) => {
    const current = await target.current(id, lang);
    if (!current)
      throw new CliError(`There is no document ${id}/${lang} in ${target.name}.`, [], 'Check the id and --lang.');
    if (!values.out) {
      console.log(JSON.stringify(current.document, null, 2));
      return;
    }
    const $schema = relative(dirname(values.out), JSON_SCHEMA_PATH);
    await writeFile(values.out, `${JSON.stringify({ $schema, ...current.document }, null, 2)}\n`);
    console.log(`✔ Wrote revision ${current.revision} of ${id}/${lang} to ${values.out}.`);
  });
}

export async function history(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const id = required(positionals[0], 'history <id>');
  const lang = values.lang ?? DEFAULT_LANG;
  await withTarget(values, async (target) => {
    const revisions = await target.history(id, lang);
    if (revisions.length === 0)
      throw new CliError(`There is no document ${id}/${lang} in ${target.name}.`, [], 'Check the id and --lang.');
    for (const r of revisions)
      console.log(`${String(r.revision).padStart(4)}  ${r.savedAt}  ${r.author}  ${r.message}`);
  });
}

export async function rollbackCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, message: { type: 'string', short: 'm' } });
  const id = required(positionals[0], 'rollback <id> <revision>');
  const n = Number(required(positionals[1], 'rollback <id> <revision>'));
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`"${positionals[1]}" is not a revision number.`, [], 'Run `history` to list them.');
  await withTarget(values, async (target) => {
    const result = await target.rollback(id, values.lang ?? DEFAULT_LANG, n, {
      author: author(),
      message: values.message ?? '',
    });
    console.log(`✔ Rolled back: revision ${result.revision} (ETag ${result.etag}) equals revision ${n}.`);
  });
}

export function required(value: string | undefined, usage: string): string {
  if (!value) throw new CliError(`Missing argument.`, [], `Usage: belarus-release ${usage}`);
  return value;
}

function author(): string {
  return process.env.BELARUS_RELEASE_AUTHOR ?? userInfo().username;
}
