/**
 * Where the CLI reads and writes: the local store that `npm start` serves (the same
 * .wrangler state, through Miniflare (cli/local-store.ts) and worker/store.ts), or a worker's
 * admin API. Both offer the same operations and refuse the same things.
 */
import { publication, publishDocument, unpublishDocument, type Publication } from '../worker/publishing';
import { represent } from '../worker/representation';
import {
  languagesOf,
  listRevisions,
  readLatest,
  readRevision,
  type RevisionSummary,
  type StoredRevision,
} from '../worker/store';
import {
  CorruptDataError,
  NoDocumentError,
  RevisionConflictError,
  RevisionNotFoundError,
  RevisionNoteError,
  TranslationRefusedError,
  UnpublishedSourceError,
} from '../worker/store-errors';
import { rollback, writeRevision, type WriteOptions } from '../worker/write';
import { CardRefusedError, storeCard } from '../worker/card-store';
import { CliError, RefusedDocumentError, type Issue } from './errors';
import { openLocalKv } from './local-store';

interface Written {
  revision: number;
  etag: string;
  /** Kept from readers: a draft, or a write to an unpublished release. */
  draft?: true;
}

/** The current revision as a target gave it, with its ETag: what an edit is based on. */
interface Current extends StoredRevision {
  etag: string;
}

/** A write: who and why, and what it is based on. */
interface WriteRequest extends Pick<WriteOptions, 'author' | 'message'> {
  /** The revision the edit started from, as read; `null` creates the document. */
  basedOn: Current | null;
  /** Write whatever the current revision is. */
  force: boolean;
  /** Keep it from readers until `publish` (worker/publishing.ts). */
  draft?: boolean;
}

/** A document's history, and what readers get of it (worker/publishing.ts). */
interface History extends Omit<Publication, 'withdrawn'> {
  /** Oldest first; empty when there is no such document. */
  revisions: RevisionSummary[];
  /** Absent from a worker deployed before it was answered. */
  withdrawn?: Publication['withdrawn'];
}

/** A preview's links (worker/preview.ts) and when they stop working. */
interface PreviewLinks {
  expires: string;
  links: { page: string; embed: string; api: string };
}

export interface Target {
  /** For messages: "the local store (.wrangler/state/v3)" or the worker's URL. */
  name: string;
  /** The newest readable revision in the history, with its ETag: what an edit is based on. */
  current(id: string, lang: string): Promise<Current | null>;
  /** Writes `document`, which the store validates first (worker/write.ts). */
  write(document: unknown, request: WriteRequest): Promise<Written>;
  history(id: string, lang: string): Promise<History>;
  /** Revision `n`, `null` when there is none. */
  revision(id: string, lang: string, n: number): Promise<Current | null>;
  rollback(id: string, lang: string, n: number, options: Pick<WriteOptions, 'author' | 'message'>): Promise<Written>;
  /** Stores the link-preview card drawn from revision `n` (worker/card-store.ts); answers its path. */
  card(id: string, lang: string, n: number, png: Uint8Array<ArrayBuffer>): Promise<string>;
  /** Makes `expected` (the newest revision, as the editor saw it) what readers get; lifts an unpublish. */
  publish(id: string, lang: string, expected: Current): Promise<{ revision: number; previous: number | null }>;
  /** Takes every language of the release off the public surface; the history stays. */
  unpublish(
    id: string,
    note: Pick<WriteOptions, 'author' | 'message'>,
  ): Promise<{ unpublishedAt: string; languages: string[] }>;
  /** Signed links that show the newest revision, drafts included, until they expire. */
  previewLinks(id: string, lang: string, seconds: number): Promise<PreviewLinks>;
  close(): Promise<void>;
}

const withEtag = (stored: StoredRevision): Current => ({
  ...stored,
  etag: represent(stored.document, stored.revision).etag,
});
const written = ({ revision, etag, draft }: Current): Written => ({ revision, etag, ...(draft ? { draft } : {}) });

/**
 * The local store of `npm start`, opened in this process; `persistTo` is its state directory
 * (default .wrangler/state/v3). Used when no dev server serves it (cli/dev-server.ts): writes
 * then run worker/write.ts here, with the history as the counter. Local KV is one machine's and
 * consistent, and the Durable Object checks the history before each write, so it numbers after
 * whatever this wrote (worker/writer.ts).
 */
export async function localTarget(persistTo = '.wrangler/state/v3'): Promise<Target> {
  const proxy = await openLocalKv(persistTo);
  const kv = proxy.kv;
  const refusalsAsCliErrors = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error: unknown) {
      throw asCliError(error);
    }
  };
  const writing = async (run: () => Promise<StoredRevision>) => written(withEtag(await refusalsAsCliErrors(run)));
  return {
    name: `the local store (${persistTo})`,
    // From the history, not the current copy: a failed write or an operator may have left that
    // missing, stale or corrupt, and the next push is what repairs it.
    current: async (id, lang) => {
      const stored = await refusalsAsCliErrors(() => readLatest(kv, id, lang));
      return stored && withEtag(stored);
    },
    // In this process the store itself checks the base, by revision, under its write lock.
    write: (document, { basedOn, force, draft, ...options }) =>
      writing(() =>
        writeRevision(kv, document, { ...options, force, draft: draft === true, baseRevision: basedOn?.revision ?? 0 }),
      ),
    history: async (id, lang) => ({
      revisions: await listRevisions(kv, id, lang),
      ...(await publication(kv, id, lang)),
    }),
    revision: async (id, lang, n) => {
      const stored = await refusalsAsCliErrors(() => readRevision(kv, id, lang, n));
      return stored && withEtag(stored);
    },
    rollback: (id, lang, n, options) => writing(() => rollback(kv, id, lang, n, options)),
    card: async (id, lang, n, png) => (await refusalsAsCliErrors(() => storeCard(kv, id, lang, n, png))).path,
    publish: async (id, lang, expected) => {
      const { stored, previous } = await refusalsAsCliErrors(() => publishDocument(kv, id, lang, expected.revision));
      return { revision: stored.revision, previous };
    },
    unpublish: async (id, { author, message }) => {
      const languages = await languagesOf(kv, id);
      if (languages.length === 0) throw asCliError(new NoDocumentError(id, 'any language'));
      const note = { unpublishedAt: new Date().toISOString(), author, message };
      for (const lang of languages) await refusalsAsCliErrors(() => unpublishDocument(kv, id, lang, note));
      return { unpublishedAt: note.unpublishedAt, languages };
    },
    previewLinks: () => {
      throw new CliError(
        'A preview link needs a running worker to open it.',
        [],
        'Start `npm start` and run the command again (it signs the link with the dev server), or use --remote <url>.',
      );
    },
    close: () => proxy.dispose(),
  };
}

function asCliError(error: unknown): unknown {
  if (error instanceof RevisionConflictError) {
    return new CliError(
      `The document changed while you edited it: its current revision is ${error.currentRevision}.`,
      [],
      'Run `diff` to see what changed, then push again (or use --force to overwrite).',
    );
  }
  if (error instanceof TranslationRefusedError) {
    return new RefusedDocumentError(TRANSLATION_REFUSED, error.issues, TRANSLATION_HINT);
  }
  if (error instanceof UnpublishedSourceError) {
    const { id, lang, englishRevision: n, englishPublished: now, publishing } = error;
    return new CliError(
      `${publishing === undefined ? `This ${lang} translation` : `Revision ${publishing} of ${id}/${lang}`} translates English revision ${n}, a draft readers have never had (${now === null ? 'they have no English revision' : `they get ${now}`}).`,
      [],
      `Publish English first (\`belarus-release publish ${id} --lang en\`, or \`publish ${id}\` for every language), or push the translation with --draft; nothing was ${publishing === undefined ? 'written' : 'published'}.`,
    );
  }
  if (error instanceof RevisionNoteError) {
    return new CliError(`The revision's ${error.field} ${error.problem}.`, [], 'Fix it; nothing was written.');
  }
  if (error instanceof CorruptDataError) {
    return new CliError(
      `KV holds something unreadable at "${error.key}".`,
      [error.detail],
      'It stays in the history; roll back to another revision, or push with --force to write a new one.',
    );
  }
  if (error instanceof CardRefusedError) {
    return new CliError(
      `The card was refused: ${error.reason}.`,
      [],
      'It is drawn by cli/card.ts; nothing was stored.',
    );
  }
  if (error instanceof NoDocumentError) {
    return new CliError(`There is no document ${error.id}/${error.lang}.`, [], 'Check the id (and --lang).');
  }
  if (error instanceof RevisionNotFoundError) {
    return new CliError(
      `There is no revision ${error.revision}.`,
      [],
      'Run `history` to list the revisions there are.',
    );
  }
  return error;
}

/** A worker's admin API at `origin`, with its bearer token. */
export function remoteTarget(origin: string, token: string): Target {
  const base = origin.replace(/\/+$/, '');
  const call = async (path: string, init: RequestInit = {}): Promise<Response | null> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...init.headers },
      });
    } catch (error: unknown) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(
        `Could not reach ${base}.`,
        [cause],
        'Check the URL and that the worker is running, then try again.',
      );
    }
    if (response.status === 404 && init.method === undefined) return null;
    if (!response.ok) throw await problemError(response);
    return response;
  };
  const meta = (options: Pick<WriteOptions, 'author' | 'message'>) => ({
    'X-Revision-Author': encodeURIComponent(options.author),
    'X-Revision-Message': encodeURIComponent(options.message),
  });
  return {
    name: base,
    async current(id, lang) {
      const last = (await this.history(id, lang)).revisions.at(-1);
      return last ? this.revision(id, lang, last.revision) : null;
    },
    async revision(id, lang, n) {
      const response = await call(`/api/releases/${id}/revisions/${n}?lang=${lang}`);
      if (!response) return null;
      // The ETag goes back unchanged in If-Match: the worker checks all of it.
      const etag = response.headers.get('ETag');
      if (!etag) throw new CliError(`${base} sent no ETag with revision ${n}.`, [], 'Is it a belarus-release worker?');
      return { ...((await response.json()) as StoredRevision), etag };
    },
    async write(document, { basedOn, force, draft, ...options }) {
      const { id, lang } = document as { id: string; lang: string };
      const precondition: Record<string, string> = force
        ? {}
        : basedOn
          ? { 'If-Match': basedOn.etag }
          : { 'If-None-Match': '*' };
      const query = `${force ? '&force=true' : ''}${draft ? '&draft=true' : ''}`;
      const response = await call(`/api/releases/${id}?lang=${lang}${query}`, {
        method: 'PUT',
        body: JSON.stringify(document),
        headers: { 'Content-Type': 'application/json', ...precondition, ...meta(options) },
      });
      return (await response!.json()) as Written;
    },
    async history(id, lang) {
      const response = await call(`/api/releases/${id}/revisions?lang=${lang}`);
      return response ? ((await response.json()) as History) : { revisions: [], published: null, unpublished: null };
    },
    async rollback(id, lang, n, options) {
      const response = await call(`/api/releases/${id}/rollback?lang=${lang}`, {
        method: 'POST',
        body: JSON.stringify({ revision: n, ...(options.message ? { message: options.message } : {}) }),
        headers: { 'Content-Type': 'application/json', ...meta(options) },
      });
      return (await response!.json()) as Written;
    },
    async card(id, lang, n, png) {
      const response = await call(`/api/releases/${id}/card?lang=${lang}&revision=${n}`, {
        method: 'PUT',
        body: png,
        headers: { 'Content-Type': 'image/png' },
      });
      return ((await response!.json()) as { path: string }).path;
    },
    async publish(id, lang, expected) {
      const response = await call(`/api/releases/${id}/publish?lang=${lang}`, {
        method: 'POST',
        headers: { 'If-Match': expected.etag },
      });
      const { published } = (await response!.json()) as { published: { revision: number; previous: number | null }[] };
      return published[0]!;
    },
    async unpublish(id, options) {
      const response = await call(`/api/releases/${id}/unpublish`, { method: 'POST', headers: meta(options) });
      return (await response!.json()) as { unpublishedAt: string; languages: string[] };
    },
    async previewLinks(id, lang, seconds) {
      const response = await call(`/api/releases/${id}/preview?lang=${lang}&ttl=${seconds}`, { method: 'POST' });
      return (await response!.json()) as PreviewLinks;
    },
    close: async () => {},
  };
}

const TRANSLATION_REFUSED = 'The translation does not match the English revision it names.';
const TRANSLATION_HINT =
  'A translation keeps the ids, counts, dates and URLs of the English revision it names (translation.revision): ' +
  'change them in en.json, then bring the translation up to that revision ' +
  '(`npx belarus-release translations` shows what English changed). Nothing was written.';

const HINTS: Record<number, string> = {
  401: 'Pass the admin token with --token or the BELARUS_RELEASE_TOKEN environment variable.',
  404: 'Run `history` to list the revisions there are.',
  412: 'Run `diff` to see what changed, then push again (or use --force to overwrite).',
  503: "Set the worker's ADMIN_TOKEN secret (`npx wrangler secret put ADMIN_TOKEN`, or .dev.vars locally).",
};

async function problemError(response: Response): Promise<CliError> {
  const body = (await response.json().catch(() => ({}))) as {
    type?: string;
    title?: string;
    detail?: string;
    errors?: Issue[];
  };
  if (body.type === 'tag:belarus-release,2025:invalid-translation' && Array.isArray(body.errors)) {
    return new RefusedDocumentError(TRANSLATION_REFUSED, body.errors, TRANSLATION_HINT);
  }
  const details = (body.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  // The editor asked the CLI, not an HTTP server: the problem's words, without its status code.
  const message = [body.title ?? response.statusText, body.detail].filter(Boolean).join(': ');
  return new CliError(
    message || `The worker refused (HTTP ${response.status}).`,
    details,
    HINTS[response.status] ?? '',
  );
}
