/**
 * The admin API: writes, history and rollback for editors (the CLI's `--remote` target).
 * Bearer token from the ADMIN_TOKEN secret; never cached, never CORS-open. Every write goes
 * through worker/store.ts, so validation and revision rules are the same as the CLI's local mode.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LANG_PATTERN } from '../data/patterns';
import { ReleaseDocumentSchema } from '../data/schema';
import { problem } from './problem';
import { represent } from './representation';
import type { ReleaseReader } from './releases';
import {
  listRevisions,
  readRevision,
  rollback,
  RevisionConflictError,
  RevisionNotFoundError,
  TranslationRefusedError,
  writeRevision,
  type StoredRevision,
  type WriteOptions,
} from './store';

/** The largest document a PUT accepts; the schema's limits keep real ones far below it. */
const MAX_BODY_BYTES = 64 * 1024;

/** Paths that only the admin API serves (PUT on /api/releases/:id is admin too). */
export const ADMIN_PATH = /^\/api\/releases\/[^/]+\/(?:revisions|rollback)(?:\/|$)/;

type AdminContext = Context<{ Bindings: Env }>;

export function addAdminRoutes(app: Hono<{ Bindings: Env }>, readerFor: (env: Env) => ReleaseReader): void {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw problem(413, 'Content Too Large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    },
  });

  app.put('/api/releases/:id', requireToken, limit, async (c) => {
    const { id, lang } = target(c);
    const document = await jsonBody(c);
    const parsed = ReleaseDocumentSchema.safeParse(document);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
      throw problem(
        400,
        'Invalid document',
        `The document has ${errors.length} error(s); each is listed with its JSON path.`,
        {
          type: 'tag:belarus-release,2025:invalid-document',
          errors,
        },
      );
    }
    if (parsed.data.id !== id || parsed.data.lang !== lang) {
      throw problem(
        400,
        'Wrong target',
        `The body is ${parsed.data.id}/${parsed.data.lang} but the URL names ${id}/${lang}.`,
        {
          errors: [{ path: parsed.data.id !== id ? '/id' : '/lang', message: 'must match the URL' }],
        },
      );
    }
    const stored = await write(c, () =>
      writeRevision(c.env.RELEASES, parsed.data, { ...writer(c), ...precondition(c) }),
    );
    readerFor(c.env).forget(id, lang);
    return written(c, stored);
  });

  app.post('/api/releases/:id/rollback', requireToken, limit, async (c) => {
    const { id, lang } = target(c);
    const body = (await jsonBody(c)) as { revision?: unknown; message?: unknown };
    if (!Number.isInteger(body?.revision) || (body.revision as number) < 1) {
      throw problem(400, 'Invalid rollback', 'The body must be {"revision": n} with n a revision number (>= 1).', {
        errors: [{ path: '/revision', message: 'must be a positive integer' }],
      });
    }
    const n = body.revision as number;
    const options = { ...writer(c), ...(typeof body.message === 'string' ? { message: body.message } : {}) };
    const stored = await write(c, () => rollback(c.env.RELEASES, id, lang, n, options));
    readerFor(c.env).forget(id, lang);
    return written(c, stored);
  });

  app.get('/api/releases/:id/revisions', requireToken, async (c) => {
    const { id, lang } = target(c);
    const revisions = await listRevisions(c.env.RELEASES, id, lang);
    if (revisions.length === 0) throw problem(404, 'Not Found', `There is no document ${id}/${lang}.`);
    return c.json({ revisions }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/releases/:id/revisions/:n', requireToken, async (c) => {
    const { id, lang } = target(c);
    const n = Number(c.req.param('n'));
    const stored = Number.isInteger(n) && n > 0 ? await readRevision(c.env.RELEASES, id, lang, n) : null;
    if (!stored) throw problem(404, 'Not Found', `There is no revision ${c.req.param('n')} of ${id}/${lang}.`);
    return c.json(stored, 200, { 'Cache-Control': 'no-store', ETag: represent(stored.document, stored.revision).etag });
  });
}

/** 503 while no token is configured (writes stay off), 401 for a missing or wrong one. */
const requireToken: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) {
    throw problem(503, 'Admin API disabled', 'No ADMIN_TOKEN is configured, so nothing can be written.', {
      headers: { 'Retry-After': '3600' },
    });
  }
  const token = /^Bearer +(\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!token || !(await sameSecret(token, expected))) {
    throw problem(401, 'Unauthorized', 'Send the admin token as "Authorization: Bearer <token>".', {
      headers: { 'WWW-Authenticate': 'Bearer realm="belarus-release admin"' },
    });
  }
  await next();
};

/** Compares digests in constant time, so neither content nor length leaks through timing. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const digest = (text: string) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return (crypto.subtle as WorkersSubtleCrypto).timingSafeEqual(a, b);
}

/** Workers' non-standard constant-time comparison (declared here for the Node type check too). */
type WorkersSubtleCrypto = SubtleCrypto & { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean };

function target(c: AdminContext): { id: string; lang: string } {
  const lang = c.req.query('lang') ?? 'en';
  if (!LANG_PATTERN.test(lang))
    throw problem(400, 'Invalid language', `"${lang}" is not a language like "en" or "be".`);
  return { id: c.req.param('id')!, lang };
}

async function jsonBody(c: AdminContext): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw problem(415, 'Unsupported Media Type', `Send the body as application/json, not "${type || 'nothing'}".`);
  }
  try {
    return JSON.parse(await c.req.text());
  } catch (error: unknown) {
    throw problem(
      400,
      'Invalid JSON',
      `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Who and why, from the X-Revision-Author / X-Revision-Message headers (percent-encoded). */
function writer(c: AdminContext): Pick<WriteOptions, 'author' | 'message'> {
  const header = (name: string) => {
    const value = c.req.header(name);
    try {
      return value ? decodeURIComponent(value) : '';
    } catch {
      return value ?? '';
    }
  };
  return { author: header('X-Revision-Author') || 'admin-api', message: header('X-Revision-Message') };
}

/**
 * The base a write states: `If-Match` with an ETag of the current revision, `If-None-Match: *`
 * to create a document that does not exist yet, or `?force=true`. Stating nothing is refused
 * (428), so that no edit silently overwrites another.
 */
function precondition(c: AdminContext): Pick<WriteOptions, 'baseRevision' | 'force'> {
  if (c.req.query('force') === 'true') return { force: true };
  const ifMatch = c.req.header('If-Match');
  if (ifMatch) {
    const base = /^(?:W\/)?"r(\d+)-[0-9a-f]+"$/.exec(ifMatch.trim())?.[1];
    if (!base) throw problem(412, 'Precondition Failed', `If-Match must be an ETag of this API, not ${ifMatch}.`);
    return { baseRevision: Number(base) };
  }
  if (c.req.header('If-None-Match')?.trim() === '*') return { baseRevision: 0 };
  throw problem(
    428,
    'Precondition Required',
    'State the revision you edited: send If-Match with its ETag, If-None-Match: * to create, or ?force=true.',
  );
}

async function write(c: AdminContext, run: () => Promise<StoredRevision>): Promise<StoredRevision> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof RevisionConflictError) {
      throw problem(
        412,
        'Precondition Failed',
        `The document has changed: its current revision is ${error.currentRevision}. Pull it, reapply your edit, and try again.`,
        {
          type: 'tag:belarus-release,2025:revision-conflict',
          currentRevision: error.currentRevision,
        },
      );
    }
    if (error instanceof TranslationRefusedError) {
      throw problem(
        400,
        'Invalid translation',
        `The translation does not match the English revision it names (${error.issues.length} problem(s), each with its JSON path).`,
        { type: 'tag:belarus-release,2025:invalid-document', errors: error.issues },
      );
    }
    if (error instanceof RevisionNotFoundError) {
      throw problem(
        404,
        'Not Found',
        `There is no revision ${error.revision} of ${c.req.param('id')} to roll back to.`,
      );
    }
    throw error;
  }
}

function written(c: AdminContext, stored: StoredRevision): Response {
  const etag = represent(stored.document, stored.revision).etag;
  const body = {
    revision: stored.revision,
    etag,
    savedAt: stored.savedAt,
    author: stored.author,
    message: stored.message,
  };
  return c.json(body, 200, { ETag: etag, 'Cache-Control': 'no-store' });
}

/** A zod issue path as a JSON Pointer (RFC 6901): ["people", 0, "name"] → "/people/0/name". */
function jsonPath(path: PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('') || '/';
}
