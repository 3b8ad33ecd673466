/**
 * The card step of a write: after `push` (and the seed) writes a revision, its link-preview
 * card is drawn from the document (cli/card.ts) and stored beside it (through the admin API for
 * `--remote` and a running dev server, else straight into the local store). The revision is
 * written by then, so a card that cannot be drawn or stored is a warning, not a failure: the
 * pages show the default card for it until a later push stores one. The `card` command does
 * the same for the current revision on demand, or writes the card to a file to look at.
 */
import { DEFAULT_LANG } from '../data/lang';
import type { ReleaseDocument } from '../data/schema';
import { requiredId } from './arguments';
import { renderCard } from './card';
import { noDocument, withStore } from './connect';
import { CliError } from './errors';
import { writeTextFile } from './files';
import { flag, text, type Values } from './options';
import type { Target } from './targets';

/**
 * `card <id> [--lang xx] [--out file.png]`: draws the card of the current revision and stores
 * it (a store seeded before cards, or a push whose card failed), or writes it to a file.
 */
export async function cardCommand(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'card <id> [--lang <xx>] [--out <file.png>]');
  const lang = text(values, 'lang') ?? DEFAULT_LANG;
  const out = text(values, 'out');
  return withStore(values, async (store) => {
    const current = await store.target.current(id, lang);
    if (!current) {
      throw await noDocument(store, id, lang);
    }
    if (!out) {
      const stored = await pushCard(store.target, current.document, current.revision);
      return stored ? 0 : 1;
    }
    await writeTextFile(out, await renderCard(current.document), { force: flag(values, 'force') });
    console.log(`✔ Wrote the link-preview card of ${id}/${lang} revision ${current.revision} to ${out}.`);
    return 0;
  });
}

/**
 * Draws and stores the card of revision `revision` of `document`; says how it went, and answers
 * whether it is stored.
 *
 * @example
 * await pushCard(store.target, document, written.revision); // ✔ Stored its link-preview card (58 KB, drawn in 41 ms) at /cards/…
 */
export async function pushCard(target: Target, document: ReleaseDocument, revision: number): Promise<boolean> {
  const { id, lang } = document;
  try {
    const started = performance.now();
    const png = await renderCard(document);
    const drawn = Math.round(performance.now() - started);
    const path = await target.card(id, lang, revision, png);
    console.log(
      `✔ Stored its link-preview card (${Math.round(png.byteLength / 1024)} KB, drawn in ${drawn} ms) at ${path}`,
    );
    return true;
  } catch (error: unknown) {
    const reason = error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error);
    console.warn(
      `▲ WARNING: The link-preview card of ${id}/${lang} revision ${revision} was not stored: ${reason}\n` +
        '  Link previews show the default card for it until a push or `belarus-release card` stores one.',
    );
    return false;
  }
}
