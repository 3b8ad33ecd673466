/**
 * How the admin API reads a request: who sends it (the bearer token), its body, who and why
 * (for the history), and which revision the edit started from (`If-Match`). Each refusal is a
 * problem document with its own status, before anything is written.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseRevisionEtag } from './etag';
import type { AppEnv } from './headers';
import { problem } from './problem';
import { represent } from './representation';
import {
  readCurrent,
  RevisionConflictError,
  RevisionNotFoundError,
  TranslationRefusedError,
  type WriteOptions,
} from './store';

/** The largest body a write accepts; the schema's limits keep real documents far below it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** 503 while no token is configured (writes stay off), 401 for a missing or wrong one. */
export const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
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

const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw problem(413, 'Content Too Large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  },
});

/**
 * A JSON body of at most {@link MAX_BODY_BYTES}, parsed before the route's schema sees it, so
 * that a wrong type (415) or broken JSON (400) is answered in our words. hono keeps the parsed
 * body, so the schema's validator does not parse it again.
 */
export const jsonBody: MiddlewareHandler<AppEnv> = (c, next) =>
  limit(c, async () => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw problem(415, 'Unsupported Media Type', `Send the body as application/json, not "${type || 'nothing'}".`);
    }
    try {
      await c.req.json();
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw problem(400, 'Invalid JSON', `The body is not JSON: ${reason}`);
    }
    await next();
  });

/** Who and why, from the X-Revision-Author / X-Revision-Message headers (percent-encoded). */
export function authorship(c: Context<AppEnv>): Pick<WriteOptions, 'author' | 'message'> {
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
 * The revision a write is based on: `If-Match` with the ETag of the current revision (the whole
 * tag: a stale or forged hash is refused like a stale revision), or `If-None-Match: *` to create
 * a document that does not exist yet. Stating nothing is refused (428), so that no edit silently
 * overwrites another; `?force=true` is the caller's way round that.
 */
export async function baseRevision(c: Context<AppEnv>, id: string, lang: string): Promise<number> {
  const ifMatch = c.req.header('If-Match')?.trim();
  if (ifMatch) {
    if (!parseRevisionEtag(ifMatch)) {
      throw problem(412, 'Precondition Failed', `If-Match must be an ETag of this API, not ${ifMatch}.`);
    }
    const current = await readCurrent(c.env.RELEASES, id, lang);
    if (!current || represent(current.document, current.revision).etag !== ifMatch) {
      throw conflict(current?.revision ?? 0);
    }
    return current.revision;
  }
  if (c.req.header('If-None-Match')?.trim() === '*') return 0;
  throw problem(
    428,
    'Precondition Required',
    'State the revision you edited: send If-Match with its ETag, If-None-Match: * to create, or ?force=true.',
  );
}

/** Runs a store write, answering its refusals as problems: 412 for a conflict, 404 for no such revision. */
export async function storeRefusalsAsProblems<T>(id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error: unknown) {
    if (error instanceof RevisionConflictError) throw conflict(error.currentRevision);
    if (error instanceof TranslationRefusedError) {
      throw problem(
        400,
        'Invalid translation',
        `The translation does not match the English revision it names (${error.issues.length} problem(s), each with its JSON path).`,
        { type: 'tag:belarus-release,2025:invalid-document', errors: error.issues },
      );
    }
    if (error instanceof RevisionNotFoundError) {
      throw problem(404, 'Not Found', `There is no revision ${error.revision} of ${id} to roll back to.`);
    }
    throw error;
  }
}

function conflict(currentRevision: number) {
  return problem(
    412,
    'Precondition Failed',
    `The document has changed: its current revision is ${currentRevision}. Pull it, reapply your edit, and try again.`,
    { type: 'tag:belarus-release,2025:revision-conflict', currentRevision },
  );
}
