/**
 * `npx belarus-release <command>`: validate, diff, push, pull, history and rollback of the
 * release documents, against the local store of `npm start` or, with --remote, a worker.
 * This file lists the commands, parses the command line and reports errors; each command does
 * its work in its own file.
 */
import { closest } from '../data/references';
import { cardCommand } from './card-push';
import { history, rollbackCommand, validate } from './commands';
import { completionScript } from './completion';
import { diff } from './compare';
import { CliError, formatError } from './errors';
import { commandHelp, commandUsage, overview, version, type CommandSpec } from './help';
import { flag, parseOptions, TARGET_OPTIONS, type Values } from './options';
import { preview, publish, unpublish } from './publishing';
import { pull } from './pull';
import { push } from './push';
import { translate, translations } from './translations';

type Command = CommandSpec & { run: (values: Values, positionals: string[]) => Promise<number> };

const FILE = 'data/releases/belarus-2025-12/en.json';

const COMMANDS: Record<string, Command> = {
  validate: {
    usage: 'validate [files…]',
    about: 'Check files: every problem, with its line, column and JSON path.',
    more: ['With no files, every file in data/releases/. Reads no store.'],
    options: { json: true },
    target: false,
    examples: ['validate', `validate ${FILE} --json`],
    run: validate,
  },
  diff: {
    usage: 'diff <file> | diff <id> --from <n> [--to <n>]',
    about: 'What differs, entry by entry (exit 1 when anything does).',
    more: [
      'A file is compared with the current revision (and, if the store moved on since the file was',
      'pulled, both sides of the change are shown); --from compares two revisions.',
    ],
    options: { from: true, to: true, lang: 'with --from: the language (default: en)', json: true },
    target: true,
    examples: [`diff ${FILE}`, 'diff belarus-2025-12 --from 3 --to 5', 'diff belarus-2025-12 --from 3 --lang ru'],
    run: diff,
  },
  push: {
    usage: 'push <file> -m <message>',
    about: 'Write a file as the next revision of the document it holds.',
    more: [
      'Based on the revision the file was pulled, pushed or seeded as: if the store moved on, the changes',
      'are merged when they touch different paths; otherwise nothing is written and both sides are shown.',
    ],
    options: {
      message: true,
      author: true,
      'dry-run': true,
      force: 'replace the current revision whatever it holds (says what it replaces)',
      base: true,
      draft: true,
    },
    target: true,
    examples: [
      `push ${FILE} -m "Add Ihar Losik"`,
      `push ${FILE} --dry-run`,
      `push ${FILE} -m "New count, to be confirmed" --draft`,
      'push en.json -m "Fix a date" --remote https://facts.example',
    ],
    run: push,
  },
  pull: {
    usage: 'pull <id>',
    about: 'Print a revision, or write it to a file to edit (--out).',
    options: {
      lang: true,
      revision: true,
      out: true,
      force: 'replace an existing file (what it holds is lost)',
      json: true,
    },
    target: true,
    examples: [
      'pull belarus-2025-12 --lang ru --out ru.json',
      'pull belarus-2025-12 --revision 3',
      `pull belarus-2025-12 --out ${FILE} --force`,
    ],
    run: pull,
  },
  history: {
    usage: 'history <id>',
    about: 'List the revisions of a document; marks the current one.',
    more: ['Also marks the revision each pulled or pushed file is based on.'],
    options: { lang: true, json: true },
    target: true,
    examples: ['history belarus-2025-12', 'history belarus-2025-12 --lang be --json'],
    run: history,
  },
  rollback: {
    usage: 'rollback <id> <revision> -m <message>',
    about: 'Write a new revision equal to an earlier one.',
    more: ['Shows what that changes first; history only grows.'],
    options: { lang: true, message: true, author: true, 'dry-run': true },
    target: true,
    examples: ['rollback belarus-2025-12 3 -m "Undo the unconfirmed count"', 'rollback belarus-2025-12 3 --dry-run'],
    run: rollbackCommand,
  },
  card: {
    usage: 'card <id>',
    about: "Draw the current revision's link-preview card and store it, or write it to a file.",
    more: ['push does this for every revision it writes; this is for one whose card is missing, or to look at.'],
    options: {
      lang: true,
      out: 'write the PNG to <file> instead of storing it',
      force: 'replace an existing file',
    },
    target: true,
    examples: ['card belarus-2025-12 --lang ru --out ru.png', 'card belarus-2025-12 --remote https://facts.example'],
    run: cardCommand,
  },
  publish: {
    usage: 'publish <id>',
    about: "Give readers each language's newest revision (drafts included); bring back an unpublished release.",
    more: ['Shows what readers will get that they do not yet, then publishes exactly that.'],
    options: { lang: 'one language only (default: every language of the release)', 'dry-run': true },
    target: true,
    examples: ['publish belarus-2025-12', 'publish belarus-2025-12 --lang ru --dry-run'],
    run: publish,
  },
  unpublish: {
    usage: 'unpublish <id> -m <message>',
    about: 'Take a release off the index, `latest` and its URLs (410 Gone), keeping its history.',
    more: ['Every language; later pushes are kept as drafts until `publish` brings it back.'],
    options: { message: true, author: true, 'dry-run': true },
    target: true,
    examples: ['unpublish belarus-2025-12 -m "Withdrawn until the count is confirmed"'],
    run: unpublish,
  },
  preview: {
    usage: 'preview <id>',
    about: 'Links that show the newest revision, drafts included, as readers will see it.',
    more: ['Signed with the admin token; they expire. Needs a worker: `npm start`, or --remote.'],
    options: { lang: true, hours: true, json: true },
    target: true,
    examples: ['preview belarus-2025-12', 'preview belarus-2025-12 --lang be --hours 2 --remote https://facts.example'],
    run: preview,
  },
  translate: {
    usage: 'translate <id> <lang>',
    about: 'Start a translation from the current English document.',
    options: {
      out: 'write to <file> (default: data/releases/<id>/<lang>.json)',
      force: 'replace an existing file (start over)',
    },
    target: true,
    examples: ['translate belarus-2025-12 uk'],
    run: translate,
  },
  translations: {
    usage: 'translations [ids…]',
    about: 'Which translations are up to date, behind or missing.',
    more: ['Exits 1 when any is behind English, so CI can gate on it.'],
    options: { json: true },
    target: true,
    examples: ['translations', 'translations belarus-2025-12 --json'],
    run: translations,
  },
  completion: {
    usage: 'completion <bash|zsh>',
    about: 'Print a completion script for bash or zsh (commands and their options).',
    more: ['Load it from your shell profile: eval "$(npx belarus-release completion bash)".'],
    options: {},
    target: false,
    examples: ['completion bash', 'completion zsh > ~/.zfunc/_belarus-release'],
    run: async (_values, [shell]) => say(completionScript(shell, { ...COMMANDS, help: HELP })),
  },
};

const HELP: CommandSpec = {
  usage: 'help [command]',
  about: 'The commands, or the options and examples of one.',
  options: {},
  target: false,
  examples: ['help push'],
};

/**
 * Runs one command line; returns the exit status.
 *
 * @example
 * process.exitCode = await main(['history', 'belarus-2025-12']);
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') return say(version());
    if (!command || command === '--help' || command === '-h') return say(overview({ ...COMMANDS, help: HELP }));
    if (command === 'help') return say(helpFor(rest[0]));
    const entry = COMMANDS[command];
    if (!entry) throw unknownCommand(command);
    const options = { ...entry.options, ...(entry.target ? TARGET_OPTIONS : {}) };
    const { values, positionals } = parseOptions(rest, options, () => commandUsage(command, entry));
    if (flag(values, 'help')) return say(commandHelp(command, entry));
    return await entry.run(values, positionals);
  } catch (error: unknown) {
    if (!(error instanceof CliError)) throw error;
    console.error(formatError(error));
    return 1;
  }
}

function say(text: string): number {
  console.log(text);
  return 0;
}

function helpFor(name: string | undefined): string {
  if (!name) return overview({ ...COMMANDS, help: HELP });
  if (name === 'help') return commandHelp('help', HELP);
  const entry = COMMANDS[name];
  if (!entry) throw unknownCommand(name);
  return commandHelp(name, entry);
}

function unknownCommand(name: string): CliError {
  const near = closest(name, Object.keys(COMMANDS));
  return new CliError(
    `Unknown command "${name}".${near ? ` Did you mean "${near}"?` : ''}`,
    [],
    `The commands: ${Object.keys(COMMANDS).join(', ')}. Run \`belarus-release help\` for what each does.`,
  );
}
