/**
 * `publish`, `unpublish` and `preview`: what readers get of a release (worker/publishing.ts),
 * and how an editor sees a draft as readers will before they can (worker/preview.ts).
 */
import { DEFAULT_LANG, LANGUAGES } from '../data/lang';
import type { StoredRevision, Withdrawal } from '../worker/store';
import { requiredId } from './arguments';
import { diffDocuments, renderChanges } from './changes';
import { authorOf, messageOf, noDocument, withStore, type Store } from './connect';
import { markWithheld } from './data-files';
import { CliError } from './errors';
import { flag, text, type Values } from './options';
import type { Target } from './targets';
import { printable } from './terminal';

type Current = NonNullable<Awaited<ReturnType<Target['current']>>>;

/** One language of a release: what readers get, and the newest revision, which publishing gives them. */
interface Language {
  lang: string;
  published: number | null;
  newest: Current;
  /** The published revision, to show what publishing changes. */
  before: StoredRevision | null;
}

/** `publish <id> [--lang xx]`: shows what readers will get, then makes each language's newest revision current. */
export async function publish(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'publish <id>');
  const only = text(values, 'lang');
  return withStore(values, async (store) => {
    const { languages, unpublished } = await languagesOf(store, id, only ? [only] : LANGUAGES);
    const pending = languages.filter((l) => l.published !== l.newest.revision);
    if (pending.length === 0) {
      console.log(
        `Nothing to publish: readers get the newest revision of ${id} (${names(languages)}) in ${store.name}.`,
      );
      return 0;
    }
    console.log(`→ publish ${id} in ${store.name}`);
    if (unpublished) {
      console.log(`  It is unpublished (${withdrawn(unpublished)}): publishing brings it back.`);
      if (only) console.log(`  Only ${only} comes back; \`belarus-release publish ${id}\` brings every language.`);
    }
    for (const l of pending) {
      if (!l.before) {
        console.log(`  ${l.lang}: revision ${l.newest.revision}, new to readers`);
        continue;
      }
      console.log(`  ${l.lang}: revision ${l.before.revision} → ${l.newest.revision}`);
      for (const line of renderChanges(diffDocuments(l.before.document, l.newest.document))) console.log(`    ${line}`);
    }
    if (flag(values, 'dry-run')) {
      console.log(`\nDry run: nothing published in ${store.name}.`);
      return 0;
    }
    // One language at a time, each only if its newest revision is still the one shown above.
    for (const l of pending) await publishShown(store, id, l);
    const now = pending.map((l) => `${l.lang} revision ${l.newest.revision}`).join(', ');
    console.log(`\n✔ Published ${id} in ${store.name}: readers get ${now}.`);
    await noteWithheld(store, id, null);
    return 0;
  });
}

/** `unpublish <id> -m <message>`: every language off the index, `latest` and its URLs (410); the history stays. */
export async function unpublish(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'unpublish <id> -m <message>');
  const message = messageOf(values, 'unpublish');
  const author = authorOf(values);
  return withStore(values, async (store) => {
    const { languages, unpublished } = await languagesOf(store, id, LANGUAGES);
    if (unpublished) {
      console.log(`${id} is already unpublished in ${store.name} (${withdrawn(unpublished)}). Nothing to do.`);
      return 0;
    }
    console.log(`→ unpublish ${id} (${names(languages)}) in ${store.name}`);
    console.log('  Its URLs answer 410 Gone and it leaves the index and `latest`; its history stays.');
    if (flag(values, 'dry-run')) {
      console.log(`\nDry run: nothing changed in ${store.name}.`);
      return 0;
    }
    const note = { author, message };
    const done = await store.target.unpublish(id, note);
    console.log(`\n✔ Unpublished ${id} (${done.languages.join(', ')}) at ${done.unpublishedAt}.`);
    console.log(`  \`belarus-release publish ${id}\` brings it back.`);
    await noteWithheld(store, id, `Unpublished at ${done.unpublishedAt} from ${store.name}: ${message}`);
    return 0;
  });
}

/** Publishes the revision the editor was shown, or says that a newer one came meanwhile. */
async function publishShown(store: Store, id: string, { lang, newest }: Language): Promise<void> {
  try {
    await store.target.publish(id, lang, newest);
  } catch (error: unknown) {
    const now = await store.target.current(id, lang);
    if (!now || now.revision === newest.revision) throw error;
    throw new CliError(
      `Revision ${now.revision} of ${id}/${lang} was written meanwhile: ${lang} was not published.`,
      [],
      `Run \`belarus-release publish ${id}\` again to see what it brings.`,
    );
  }
}

const MAX_HOURS = 168;

/** `preview <id> [--lang xx] [--hours n]`: signed links that show the newest revision, drafts included. */
export async function preview(values: Values, positionals: string[]): Promise<number> {
  const id = requiredId(positionals[0], 'preview <id>');
  const lang = text(values, 'lang') ?? DEFAULT_LANG;
  const hours = Number(text(values, 'hours') ?? 24);
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS) {
    throw new CliError(`--hours "${text(values, 'hours')}" is not a whole number from 1 to ${MAX_HOURS}.`, [], '');
  }
  return withStore(values, async (store) => {
    if ((await store.target.history(id, lang)).revisions.length === 0) throw await noDocument(store, id, lang);
    const preview = await store.target.previewLinks(id, lang, hours * 3600);
    if (flag(values, 'json')) {
      console.log(JSON.stringify(preview, null, 2));
      return 0;
    }
    console.log(
      `The newest revision of ${id} / ${lang}, drafts included, as readers will see it, until ${preview.expires}:`,
    );
    console.log(`  page    ${preview.links.page}`);
    console.log(`  iframe  ${preview.links.embed}`);
    console.log(`  API     ${preview.links.api}`);
    console.log('\nAnyone with a link can open it until then; changing ADMIN_TOKEN revokes every link.');
    return 0;
  });
}

/** Each language of `candidates` the release has, with what readers get of it; an error when it has none. */
async function languagesOf(
  store: Store,
  id: string,
  candidates: readonly string[],
): Promise<{ languages: Language[]; unpublished: Withdrawal | null }> {
  const languages: Language[] = [];
  let unpublished: Withdrawal | null = null;
  for (const lang of candidates) {
    const history = await store.target.history(id, lang);
    const newest = history.revisions.length > 0 ? await store.target.current(id, lang) : null;
    if (!newest) continue;
    unpublished = history.unpublished;
    const { published } = history;
    const before =
      published !== null && published !== newest.revision ? await store.target.revision(id, lang, published) : null;
    languages.push({ lang, published, newest, before });
  }
  if (languages.length === 0) {
    const which = candidates.length === 1 ? `${id}/${candidates[0]}` : id;
    throw new CliError(`There is no release ${which} in ${store.name}.`, [], 'Check the id (and --lang).');
  }
  return { languages, unpublished };
}

/**
 * Keeps the repository's mark of a release that is not public (cli/data-files.ts) in step with
 * a deployed worker, so the copy of data/releases/ bundled into the next deploy, which readers
 * get when KV fails, leaves it out. Only for --remote: a local store is not what deploys bundle.
 *
 * @example
 * await noteWithheld(store, 'belarus-2026-01', 'A draft of a new release'); // null lifts the mark
 */
export async function noteWithheld(store: Store, id: string, why: string | null): Promise<void> {
  if (!store.key.startsWith('remote:')) return;
  const path = await markWithheld(id, why);
  if (!path) return;
  const what = why === null ? 'Removed' : 'Wrote';
  console.log(
    `${what} ${path}: commit it, so that the copy bundled into the next deploy ${why === null ? 'holds' : 'leaves out'} ${id}.`,
  );
}

const names = (languages: Language[]) => languages.map((l) => l.lang).join(', ');

const withdrawn = ({ unpublishedAt, author, message }: Withdrawal) =>
  `since ${printable(unpublishedAt)}${author ? ` by ${printable(author)}` : ''}${message ? `: ${printable(message)}` : ''}`;
