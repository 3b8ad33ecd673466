/**
 * The card step of a write: after `push` (and the seed) writes a revision, its link-preview
 * card is drawn from the document (cli/card.ts) and stored beside it (through the admin API for
 * `--remote` and a running dev server, else straight into the local store). The revision is
 * written by then, so a card that cannot be drawn or stored is a warning, not a failure: the
 * pages show the default card for it until a later push stores one.
 */
import type { ReleaseDocument } from '../data/schema';
import { renderCard } from './card';
import { CliError } from './errors';
import type { Target } from './targets';

/**
 * Draws and stores the card of revision `revision` of `document`; says how it went.
 *
 * @example
 * await pushCard(store.target, document, written.revision); // ✔ Stored its link-preview card (58 KB, drawn in 41 ms) at /cards/…
 */
export async function pushCard(target: Target, document: ReleaseDocument, revision: number): Promise<void> {
  const { id, lang } = document;
  try {
    const started = performance.now();
    const png = await renderCard(document);
    const drawn = Math.round(performance.now() - started);
    const path = await target.card(id, lang, revision, png);
    console.log(
      `✔ Stored its link-preview card (${Math.round(png.byteLength / 1024)} KB, drawn in ${drawn} ms) at ${path}`,
    );
  } catch (error: unknown) {
    const reason = error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error);
    console.warn(
      `▲ WARNING: The link-preview card of ${id}/${lang} revision ${revision} was not stored: ${reason}\n` +
        '  Link previews show the default card for it until the next push writes a revision (and its card).',
    );
  }
}
