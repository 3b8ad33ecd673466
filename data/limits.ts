/**
 * The limits every writer meets, in one place: the schema, the admin API and the CLI's local
 * mode check the same numbers, so a document or a revision note that one of them accepts, the
 * others accept too.
 *
 * Lengths count Unicode code points ("characters": 🕊 is one, as "ё" is): zod 4's `.max()` counts
 * them (node_modules/zod/v4/core/checks.js, `$ZodCheckMaxLength`), and so does JSON Schema's
 * `maxLength`, which editors check data/release.schema.json with; {@link characters} counts the
 * revision notes the same way, so one unit holds for every limit. The byte limits (the
 * document, KV metadata) are what bound storage.
 */

/**
 * The largest document, as compact JSON in UTF-8 (what the store keeps and the CLI sends). It
 * equals the admin API's body limit, so every valid document can be sent through the API.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/** The longest `X-Revision-Author` (after percent-decoding) or CLI author. */
export const MAX_AUTHOR_LENGTH = 100;

/** The longest revision message (`X-Revision-Message`, a rollback's `message`, `push -m`). */
export const MAX_MESSAGE_LENGTH = 500;

/**
 * The longest release id. KV keys are at most 512 bytes; `revision:<id>:<lang>:<n>` with an id
 * of 80 ASCII characters stays far below that.
 */
export const MAX_ID_LENGTH = 80;

/**
 * Control characters (C0, DEL, C1: terminal escapes among them) and the bidirectional
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make text
 * display in an order other than the one stored ("123" shown as "321").
 */
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * What is wrong with a short piece of plain text (a revision's author or message), or
 * `undefined` when nothing is.
 *
 * @example
 * textProblem('\u001b[31mroot', 100); // 'must not contain control characters (…)'
 */
export function textProblem(text: string, maxLength: number): string | undefined {
  const length = characters(text);
  if (length > maxLength) return `must be at most ${maxLength} characters, not ${length}`;
  if (CONTROL.test(text)) return 'must not contain control characters (terminal escapes among them)';
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional controls (U+202A–U+202E, U+2066–U+2069)';
  return undefined;
}

/**
 * The length of `text` in Unicode code points, the unit of every length limit here.
 *
 * @example
 * characters('🕊🕊'); // 2 (4 UTF-16 code units)
 */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
