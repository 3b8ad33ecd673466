/**
 * `npx belarus-release <command>`: validate, diff, push, pull, history and rollback of the
 * release documents, against the local store of `npm start` or, with --remote, a worker.
 * This file parses the command line and reports errors; cli/commands.ts does the work.
 */
import { diff, history, pull, push, rollbackCommand, validate } from './commands';
import { CliError, formatError } from './errors';
import { translate, translations } from './translations';

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
  translate: {
    usage: 'translate <id> <lang> [--out <file>] [--force]',
    about: 'Start a translation from the current English document (ids, counts, URLs copied).',
    run: translate,
  },
  translations: {
    usage: 'translations [ids…] [--json]',
    about: 'Say which translations are up to date, behind English or missing; exit 1 if any is behind.',
    run: translations,
  },
  history: { usage: 'history <id> [--lang <xx>]', about: 'List the revisions of a document.', run: history },
  rollback: {
    usage: 'rollback <id> <revision> [--lang <xx>] [--message <text>]',
    about: 'Write a new revision equal to an old one.',
    run: rollbackCommand,
  },
};

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
