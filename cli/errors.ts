/** How the CLI fails: in the style of wrangler, with what is wrong, the details and a way out. */
import { printable } from './terminal';

export class CliError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    readonly hint = '',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** `✘ ERROR: message`, each detail indented, then the hint; nothing a terminal would obey. */
export function formatError(error: CliError): string {
  const lines = [`✘ ERROR: ${printable(error.message)}`, ...error.details.map((d) => `    ${printable(d)}`)];
  if (error.hint) lines.push('', ...error.hint.split('\n').map(printable));
  return lines.join('\n');
}
