/** How the CLI fails: in the style of wrangler, with what is wrong, the details and a way out. */

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

/** `✘ ERROR: message`, each detail indented, then the hint. */
export function formatError(error: CliError): string {
  const lines = [`✘ ERROR: ${error.message}`, ...error.details.map((d) => `    ${d}`)];
  if (error.hint) lines.push('', error.hint);
  return lines.join('\n');
}
