/**
 * `npm start` runs this before `wrangler dev` (through cli/dev.ts): every document in
 * data/releases/ that the local KV store (.wrangler/state) does not hold yet is written as its
 * first revision (a draft when its release is marked withheld, cli/data-files.ts), with its
 * link-preview card (cli/card-push.ts: tens of milliseconds a card, and half a second once to
 * load the renderer; bench/README.md). Documents the store already holds are left alone, so
 * local edits, drafts and unpublished releases survive restarts. A file that cannot be seeded
 * (not JSON, invalid, or at a path that names another document than the one it holds) is
 * reported and skipped: the others are seeded and the server still starts. Each file seeded,
 * or found equal to what the store holds, is recorded as based on that revision, so that a
 * later push of it never undoes someone else's edit. The store is held as a command holds it
 * (cli/lock.ts) until the seed is done.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReleaseDocument } from '../data/schema';
import { pushCard } from './card-push';
import { isWithheld, listDataFiles, type DataFile } from './data-files';
import { CliError, formatError } from './errors';
import { loadDocument } from './load';
import { withLock } from './lock';
import { baseOf, recordBase } from './state';
import { localTarget, type Target } from './targets';

/**
 * @example
 * await seed('.wrangler/state/v3');
 */
export async function seed(persistTo = '.wrangler/state/v3'): Promise<void> {
  const store = `local:${resolve(persistTo)}`;
  await withLock(resolve(persistTo), async () => {
    const target = await localTarget(persistTo);
    try {
      for (const file of await listDataFiles()) await seedFile(target, store, file);
    } finally {
      await target.close();
    }
  });
}

/** Seeds one file, unless the store holds its document; reports and skips a file it cannot use. */
async function seedFile(target: Target, store: string, file: DataFile): Promise<void> {
  try {
    const { $schema: _editorOnly, ...document } = (await loadDocument(file.path)).document;
    const current = (await target.current(document.id, document.lang)) ?? (await firstRevision(target, file, document));
    const same = JSON.stringify(current.document) === JSON.stringify(document);
    if (same && (await baseOf(file.path, store))?.revision !== current.revision) {
      const base = { id: file.id, lang: file.lang, revision: current.revision, etag: current.etag, by: 'seed' };
      await recordBase(file.path, store, base);
    }
  } catch (error: unknown) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${formatError(error)}\n(${file.path} was not seeded; the other files were.)`);
  }
}

/** Writes `document` as its first revision (a draft when its release is withheld), with its card. */
async function firstRevision(target: Target, file: DataFile, document: ReleaseDocument) {
  const message = `Seeded from ${file.path}`;
  const draft = await isWithheld(file.id);
  const { revision } = await target.write(document, { author: 'seed', message, basedOn: null, force: false, draft });
  const how = draft ? `, a draft: its release is withheld` : '';
  console.log(`Seeded ${file.id}/${file.lang} (revision ${revision}${how}) from ${file.path}`);
  await pushCard(target, document, revision);
  return (await target.revision(document.id, document.lang, revision))!;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--persist-to');
  await seed(at === -1 ? undefined : process.argv[at + 1]);
}
