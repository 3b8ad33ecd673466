/**
 * Text from the store or a server, made safe to print: author names, messages and problem
 * details are data, and a terminal obeys escape sequences (ANSI colours, OSC titles and
 * hyperlinks, cursor moves) and bidirectional overrides in what it prints. The store refuses
 * them in new revisions; this keeps the ones written before, or sent by a hostile server, inert.
 */

const UNPRINTABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * `text` with every control and bidirectional control character shown as a `\uXXXX` escape.
 *
 * @example
 * printable('\u001b[31mroot'); // '\\u001b[31mroot'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
