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

/** One problem the store found in a document, at its JSON Pointer. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * A document the store (local, or a worker's admin API) refused, each problem at its JSON
 * Pointer: `push` turns them into `file:line:column` of the file it read.
 */
export class RefusedDocumentError extends CliError {
  constructor(
    message: string,
    readonly issues: Issue[],
    hint: string,
  ) {
    super(
      message,
      issues.map((issue) => `${issue.path}: ${issue.message}`),
      hint,
    );
    this.name = 'RefusedDocumentError';
  }
}

/** `✘ ERROR: message`, each detail indented, then the hint; nothing a terminal would obey. */
export function formatError(error: CliError): string {
  const lines = [`✘ ERROR: ${printable(error.message)}`, ...error.details.map((d) => `    ${printable(d)}`)];
  if (error.hint) lines.push('', ...error.hint.split('\n').map(printable));
  return lines.join('\n');
}
