/**
 * The CLI's help, in the shape wrangler, gh and git use: an overview of the commands, and per
 * command its usage, what it does, only the options it takes (one line each) and examples.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionLines, TARGET_OPTIONS, type CommandOptions } from './options';

/** What help says about a command. */
export interface CommandSpec {
  /** After `belarus-release `: "push <file> -m <message>". */
  usage: string;
  /** One line: what it does. */
  about: string;
  /** More lines, when one is not enough to say what happens. */
  more?: string[];
  options: CommandOptions;
  /** Whether it works on a store (the local one, or --remote): lists the target options. */
  target: boolean;
  examples: string[];
}

/** `belarus-release 0.1.0`, from package.json. */
export function version(): string {
  const path = fileURLToPath(new URL('../package.json', import.meta.url));
  return `belarus-release ${(JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version}`;
}

/**
 * @example
 * commandHelp('history', spec); // 'Usage: belarus-release history <id> [options]\n\nList the revisions…'
 */
export function commandHelp(name: string, spec: CommandSpec): string {
  const lines = [usageLine(spec), '', spec.about, ...(spec.more ?? []), ...optionBlocks(spec)];
  lines.push('', 'Examples:', ...spec.examples.map((e) => `  belarus-release ${e}`));
  lines.push('', `  -h, --help${' '.repeat(17)}show this help (also: belarus-release help ${name})`);
  return lines.join('\n');
}

/** The usage line and the options, without the prose: the answer to a mistyped command line. */
export function commandUsage(name: string, spec: CommandSpec): string {
  return [usageLine(spec), ...optionBlocks(spec), '', `Run \`belarus-release help ${name}\` for examples.`].join('\n');
}

function usageLine(spec: CommandSpec): string {
  const options = Object.keys(spec.options).length > 0 || spec.target ? ' [options]' : '';
  return `Usage: belarus-release ${spec.usage}${options}`;
}

function optionBlocks(spec: CommandSpec): string[] {
  const lines: string[] = [];
  if (Object.keys(spec.options).length > 0) lines.push('', 'Options:', ...optionLines(spec.options));
  if (spec.target) {
    lines.push('', 'Where (default: the local store that `npm start` serves):', ...optionLines(TARGET_OPTIONS));
  }
  return lines;
}

/** Every command, one line each, and where to read more. */
export function overview(commands: Record<string, CommandSpec>): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return [
    `${version()}: the release documents of the fact box, in files and in the store.`,
    '',
    'Usage: belarus-release <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.about}`),
    '',
    'Commands work on the local store that `npm start` serves, or with --remote <url> on a worker.',
    'Run `belarus-release help <command>` for its options and examples; `belarus-release --version`.',
  ].join('\n');
}
