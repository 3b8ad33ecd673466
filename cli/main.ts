/**
 * `npx belarus-release <command>`: validate, diff, push, pull, history and rollback of the
 * release documents, against the local store of `npm start` or, with --remote, a worker.
 */
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../data/schema';
import { listDataFiles, readJson } from './data-files';
import { diffJson } from './diff';
import { CliError, formatError } from './errors';
import { JSON_SCHEMA_PATH } from './json-schema';
import { localTarget, remoteTarget, type Target } from './targets';

const TARGET_HELP = `Target (default: the local store that \`npm start\` serves):
  --remote <url>      a worker's admin API, e.g. https://facts.example
  --token <token>     its admin token (default: $BELARUS_RELEASE_TOKEN)
  --persist-to <dir>  the local state directory (default: .wrangler/state/v3)`;

const COMMANDS: Record<string, { usage: string; about: string; run: (args: string[]) => Promise<void> }> = {
  validate: {
    usage: 'validate [files…]',
    about: 'Check documents against the schema (default: every file in data/releases/).',
    run: validate,
  },
  diff: { usage: 'diff <file>', about: 'Show what pushing <file> would change in the stored revision.', run: diff },
  push: {
    usage: 'push <file> [--message <text>] [--dry-run] [--force]',
    about: 'Validate, diff and write <file> as a new revision.',
    run: push,
  },
  pull: {
    usage: 'pull <id> [--lang <xx>] [--out <file>]',
    about: 'Write the current document of a release to <file> or stdout.',
    run: pull,
  },
  history: { usage: 'history <id> [--lang <xx>]', about: 'List the revisions of a document.', run: history },
  rollback: {
    usage: 'rollback <id> <revision> [--lang <xx>] [--message <text>]',
    about: 'Write a new revision equal to an old one.',
    run: rollbackCommand,
  },
};

const TARGET_OPTIONS = {
  remote: { type: 'string' },
  token: { type: 'string' },
  'persist-to': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const entry = command ? COMMANDS[command] : undefined;
  if (!entry) {
    const known = Object.values(COMMANDS).map((c) => `  belarus-release ${c.usage.padEnd(58)} ${c.about}`);
    const help = ['Usage:', ...known, '', 'Run `belarus-release <command> --help` for the options of one.'].join('\n');
    if (!command || command === '--help' || command === '-h') {
      console.log(help);
      return 0;
    }
    console.error(formatError(new CliError(`Unknown command "${command}".`, [], help)));
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: belarus-release ${entry.usage}\n\n${entry.about}\n\n${TARGET_HELP}`);
    return 0;
  }
  try {
    await entry.run(rest);
    return 0;
  } catch (error: unknown) {
    if (error instanceof CliError) {
      console.error(formatError(error));
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(formatError(new CliError(error.message, [], `Run \`belarus-release ${command} --help\`.`)));
      return 1;
    }
    throw error;
  }
}

function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseArgs({ args, options: { ...TARGET_OPTIONS, ...options }, allowPositionals: true, strict: true });
}

async function withTarget<T>(values: Record<string, unknown>, run: (target: Target) => Promise<T>): Promise<T> {
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
  return result.data;
}

async function validate(args: string[]): Promise<void> {
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

async function diff(args: string[]): Promise<void> {
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

async function push(args: string[]): Promise<void> {
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
      baseRevision: current?.revision ?? 0,
      force: values.force ?? false,
    });
    console.log(`\n✔ Wrote ${where} revision ${result.revision} (ETag ${result.etag}) to ${target.name}.`);
  });
}

async function pull(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, out: { type: 'string', short: 'o' } });
  const id = required(positionals[0], 'pull <id>');
  const lang = values.lang ?? 'en';
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

async function history(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' } });
  const id = required(positionals[0], 'history <id>');
  const lang = values.lang ?? 'en';
  await withTarget(values, async (target) => {
    const revisions = await target.history(id, lang);
    if (revisions.length === 0)
      throw new CliError(`There is no document ${id}/${lang} in ${target.name}.`, [], 'Check the id and --lang.');
    for (const r of revisions)
      console.log(`${String(r.revision).padStart(4)}  ${r.savedAt}  ${r.author}  ${r.message}`);
  });
}

async function rollbackCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, message: { type: 'string', short: 'm' } });
  const id = required(positionals[0], 'rollback <id> <revision>');
  const n = Number(required(positionals[1], 'rollback <id> <revision>'));
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`"${positionals[1]}" is not a revision number.`, [], 'Run `history` to list them.');
  await withTarget(values, async (target) => {
    const result = await target.rollback(id, values.lang ?? 'en', n, {
      author: author(),
      message: values.message ?? '',
    });
    console.log(`✔ Rolled back: revision ${result.revision} (ETag ${result.etag}) equals revision ${n}.`);
  });
}

function required(value: string | undefined, usage: string): string {
  if (!value) throw new CliError(`Missing argument.`, [], `Usage: belarus-release ${usage}`);
  return value;
}

function author(): string {
  return process.env.BELARUS_RELEASE_AUTHOR ?? userInfo().username;
}
