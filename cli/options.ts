/**
 * Every option the CLI knows, said once: its form, and what it means by default. A command
 * lists the options it takes (with its own wording where the meaning differs, as `--force`
 * does), so its help shows those and no others, and anything else is refused with its usage.
 */
import { parseArgs } from 'node:util';
import { closest } from '../data/references';
import { language, workerUrl } from './arguments';
import { CliError } from './errors';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help: "<url>". */
  value?: string;
  help: string;
}

const OPTIONS = {
  remote: { type: 'string', value: '<url>', help: "use a worker's admin API (e.g. https://facts.example)" },
  token: { type: 'string', value: '<token>', help: 'its admin token (default: $BELARUS_RELEASE_TOKEN)' },
  'persist-to': { type: 'string', value: '<dir>', help: 'the local store to use (default: .wrangler/state/v3)' },
  lang: { type: 'string', value: '<xx>', help: 'the language of the document (default: en)' },
  message: { type: 'string', short: 'm', value: '<text>', help: 'why: kept in the history (required)' },
  author: {
    type: 'string',
    value: '<name>',
    help: "who: kept in the history (default: $BELARUS_RELEASE_AUTHOR, else git's user.name, else the OS user)",
  },
  'dry-run': { type: 'boolean', help: 'show what would be written, and write nothing' },
  force: { type: 'boolean', help: 'overwrite' },
  draft: { type: 'boolean', help: 'keep it from readers until `publish` (`preview` shows it)' },
  base: { type: 'string', value: '<n>', help: 'the revision your file started from, when it was never pulled' },
  revision: { type: 'string', value: '<n>', help: 'an earlier revision (default: the current one)' },
  from: { type: 'string', value: '<n>', help: 'compare revision n of <id>…' },
  to: { type: 'string', value: '<n>', help: '…with revision n (default: the current one)' },
  hours: { type: 'string', value: '<n>', help: 'how long the links work (default 24, at most 168)' },
  out: { type: 'string', short: 'o', value: '<file>', help: 'write to <file> (default: print to stdout)' },
  json: { type: 'boolean', help: 'print JSON, for scripts' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** The name of an option, without its dashes. */
export type OptionName = keyof typeof OPTIONS;

/** The options of a command: each with its help, or `true` for the catalog's wording. */
export type CommandOptions = Partial<Record<OptionName, string | true>>;

/** Where a command reads and writes: listed after its own options in its help. */
export const TARGET_OPTIONS: CommandOptions = { remote: true, token: true, 'persist-to': true };

/** Parsed options: strings and flags by name. */
export type Values = Partial<Record<OptionName, string | boolean>>;

/**
 * The options and positionals in `args`, refusing any option `options` does not list.
 *
 * @example
 * parseOptions(['en.json', '-m', 'why'], { message: true }, 'push <file>'); // { values: { message: 'why' }, … }
 */
export function parseOptions(
  args: string[],
  options: CommandOptions,
  usage: () => string,
): { values: Values; positionals: string[] } {
  const config = Object.fromEntries(
    (Object.keys({ ...options, help: true }) as OptionName[]).map((name) => {
      const { type, short } = OPTIONS[name] as OptionSpec;
      return [name, short ? { type, short } : { type }];
    }),
  );
  try {
    const parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    const values = parsed.values as Values;
    if (typeof values.lang === 'string') values.lang = language(values.lang);
    if (typeof values.remote === 'string') workerUrl(values.remote);
    return { values, positionals: parsed.positionals };
  } catch (error: unknown) {
    if (!(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')))
      throw error;
    throw new CliError(explain(error.message, Object.keys(config)), [], usage());
  }
}

/**
 * Node's parser messages, shortened to what the editor typed and what is wrong with it; a
 * mistyped option gets the one it is closest to among those the command takes.
 */
function explain(message: string, names: string[]): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const near = closest(unknown[1]!.replace(/^-+/, ''), names);
    return `Unknown option ${unknown[1]}.${near ? ` Did you mean --${near}?` : ''}`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value.`;
  return message.split('. ')[0]!.replace(/\.$/, '') + '.';
}

/** A string option's value (`undefined` when not given). */
export const text = (values: Values, name: OptionName): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

/** A boolean option: given or not. */
export const flag = (values: Values, name: OptionName): boolean => values[name] === true;

/** How to list the revisions, for hints: `belarus-release history <id>`, with the id when known. */
const LIST_THEM = 'Run `belarus-release history <id>` to list them.';

/**
 * A revision number option, checked: "3" → 3; anything else is refused with the way to list them.
 * `lowest` is 0 for a base, where 0 says the document does not exist yet.
 */
export function revisionOption(values: Values, name: OptionName, lowest = 1, hint = LIST_THEM): number | undefined {
  const raw = text(values, name);
  return raw === undefined ? undefined : revisionNumber(raw, `--${name}`, hint, lowest);
}

/**
 * A revision number an editor typed (`what` names where: "--from", "The revision"), checked.
 *
 * @example
 * revisionNumber('3', 'The revision', hint); // 3
 * revisionNumber('0', 'The revision', hint); // throws: The revision "0" is not a revision number: they count from 1.
 */
export function revisionNumber(raw: string, what: string, hint = LIST_THEM, lowest = 1): number {
  const n = Number(raw);
  if (Number.isInteger(n) && n >= lowest && raw.trim() !== '') return n;
  const why = Number.isInteger(n) && n < lowest ? `: they count from ${lowest}` : '';
  throw new CliError(`${what} "${raw}" is not a revision number${why}.`, [], hint);
}

/** An option as a command takes it: its names, its value's placeholder, and what it does there. */
export interface DescribedOption {
  name: OptionName;
  short?: string;
  /** The placeholder of its value ("<url>"); none for a flag. */
  value?: string;
  help: string;
}

/** The options of a command, each with the command's own wording or the catalog's: what help and completion show. */
export function describeOptions(options: CommandOptions): DescribedOption[] {
  return (Object.entries(options) as [OptionName, string | true][]).map(([name, help]) => {
    const spec = OPTIONS[name] as OptionSpec;
    return {
      name,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.value ? { value: spec.value } : {}),
      help: help === true ? spec.help : help,
    };
  });
}

/** One help line per option: `  -m, --message <text>   why: kept in the history (required)`. */
export function optionLines(options: CommandOptions): string[] {
  return describeOptions(options).map(({ name, short, value, help }) => {
    const form = `${short ? `-${short}, ` : '    '}--${name}${value ? ` ${value}` : ''}`;
    return `  ${form.padEnd(26)} ${help}`;
  });
}
