/**
 * Where the CLI reads and writes: the local store that `npm start` serves (the same
 * .wrangler state, through wrangler's getPlatformProxy and worker/store.ts), or a worker's
 * admin API. Both offer the same operations and refuse the same things.
 */
import { represent } from '../worker/representation';
import type { KVNamespace } from '../worker/kv';
import {
  listRevisions,
  readCurrent,
  readRevision,
  rollback,
  RevisionConflictError,
  RevisionNotFoundError,
  TranslationRefusedError,
  writeRevision,
  type RevisionSummary,
  type StoredRevision,
  type WriteOptions,
} from '../worker/store';
import { CliError } from './errors';

interface Written {
  revision: number;
  etag: string;
}

export interface Target {
  /** For messages: "the local store (.wrangler/state/v3)" or the worker's URL. */
  name: string;
  current(id: string, lang: string): Promise<StoredRevision | null>;
  write(document: unknown, options: WriteOptions): Promise<Written>;
  history(id: string, lang: string): Promise<RevisionSummary[]>;
  revision(id: string, lang: string, n: number): Promise<StoredRevision | null>;
  rollback(id: string, lang: string, n: number, options: WriteOptions): Promise<Written>;
  close(): Promise<void>;
}

const written = (stored: StoredRevision): Written => ({
  revision: stored.revision,
  etag: represent(stored.document, stored.revision).etag,
});

/** The local store of `npm start`; `persistTo` is its state directory (default .wrangler/state/v3). */
export async function localTarget(persistTo = '.wrangler/state/v3'): Promise<Target> {
  // Wrangler's own chatter (which secrets it found, which are missing) is about the worker, not
  // about this command: keep it to errors unless the editor asked for more.
  process.env.WRANGLER_LOG ??= 'error';
  // Loaded on demand: wrangler takes a second to import, and validate or --remote never need it.
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<{ RELEASES: KVNamespace }>({
    configPath: 'wrangler.toml',
    persist: { path: persistTo },
    remoteBindings: false,
  });
  const kv = proxy.env.RELEASES;
  const conflicts = async <T>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error: unknown) {
      throw asCliError(error);
    }
  };
  return {
    name: `the local store (${persistTo})`,
    current: (id, lang) => readCurrent(kv, id, lang),
    write: (document, options) => conflicts(async () => written(await writeRevision(kv, document, options))),
    history: (id, lang) => listRevisions(kv, id, lang),
    revision: (id, lang, n) => readRevision(kv, id, lang, n),
    rollback: (id, lang, n, options) => conflicts(async () => written(await rollback(kv, id, lang, n, options))),
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
    return new CliError(
      'The translation does not match the English revision it names.',
      error.issues.map((issue) => `${issue.path}: ${issue.message}`),
      'Fix them (`npx belarus-release translations` shows what English changed), then push again; nothing was written.',
    );
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
  const id = (document: unknown) => document as { id: string; lang: string };
  const meta = (options: WriteOptions) => ({
    'X-Revision-Author': encodeURIComponent(options.author),
    'X-Revision-Message': encodeURIComponent(options.message),
  });
  const revision = async (i: string, lang: string, n: number) =>
    (await call(`/api/releases/${i}/revisions/${n}?lang=${lang}`))?.json() as Promise<StoredRevision | null>;
  return {
    name: base,
    async current(i, lang) {
      const history = await this.history(i, lang);
      const last = history.at(-1);
      return last ? revision(i, lang, last.revision) : null;
    },
    async write(document, options) {
      const { id: i, lang } = id(document);
      const precondition: Record<string, string> = options.force
        ? {}
        : options.baseRevision
          ? { 'If-Match': `"r${options.baseRevision}-0"` }
          : { 'If-None-Match': '*' };
      const force = options.force ? '&force=true' : '';
      const response = await call(`/api/releases/${i}?lang=${lang}${force}`, {
        method: 'PUT',
        body: JSON.stringify(document),
        headers: { 'Content-Type': 'application/json', ...precondition, ...meta(options) },
      });
      return (await response!.json()) as Written;
    },
    async history(i, lang) {
      const response = await call(`/api/releases/${i}/revisions?lang=${lang}`);
      return response ? ((await response.json()) as { revisions: RevisionSummary[] }).revisions : [];
    },
    revision,
    async rollback(i, lang, n, options) {
      const response = await call(`/api/releases/${i}/rollback?lang=${lang}`, {
        method: 'POST',
        body: JSON.stringify({ revision: n, ...(options.message ? { message: options.message } : {}) }),
        headers: { 'Content-Type': 'application/json', ...meta(options) },
      });
      return (await response!.json()) as Written;
    },
    close: async () => {},
  };
}

const HINTS: Record<number, string> = {
  401: 'Pass the admin token with --token or the BELARUS_RELEASE_TOKEN environment variable.',
  404: 'Run `history` to list the revisions there are.',
  412: 'Run `diff` to see what changed, then push again (or use --force to overwrite).',
  503: "Set the worker's ADMIN_TOKEN secret (`npx wrangler secret put ADMIN_TOKEN`, or .dev.vars locally).",
};

async function problemError(response: Response): Promise<CliError> {
  const body = (await response.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
  const details = (body.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  return new CliError(
    `${response.status} ${body.title ?? response.statusText}: ${body.detail ?? ''}`.trim(),
    details,
    HINTS[response.status] ?? '',
  );
}
