/**
 * How the admin API reads a request: who sends it (the bearer token), its body, who and why
 * (for the history), and which revision the edit started from (`If-Match`). Each refusal is a
 * problem document with its own status, before anything is written.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_AUTHOR_LENGTH, MAX_DOCUMENT_BYTES, MAX_MESSAGE_LENGTH, textProblem } from '../data/limits';
import { parseRevisionEtag } from './etag';
import type { AppEnv } from './headers';
import { retrying } from './kv-retry';
import { problem } from './problem';
import { represent } from './representation';
import { lastInHistory, readRevision } from './store';
import {
  CorruptDataError,
  NoDocumentError,
  RevisionConflictError,
  RevisionNotFoundError,
  RevisionNoteError,
  TranslationRefusedError,
  UnpublishedSourceError,
} from './store-errors';
import type { WriteOptions } from './write';

/** The largest body a write accepts: the schema's own size limit, so every valid document fits. */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES;

/** 503 while no token is configured (writes stay off), 401 for a missing or wrong one. */
export const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) {
    throw problem(503, 'Admin API disabled', 'No ADMIN_TOKEN is configured, so nothing can be written.', {
      headers: { 'Retry-After': '3600' },
    });
  }
  if (!(await bearsAdminToken(c, expected))) {
    throw problem(401, 'Unauthorized', 'Send the admin token as "Authorization: Bearer <token>".', {
      headers: { 'WWW-Authenticate': 'Bearer realm="belarus-release admin"' },
    });
  }
  await next();
};

/**
 * Whether the request's `Authorization` carries `expected`, the admin token. The scheme is
 * case-insensitive (RFC 9110 §11.1); whitespace around the credentials is not part of them.
 */
export async function bearsAdminToken(c: Context<AppEnv>, expected: string): Promise<boolean> {
  const token = /^\s*bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  return token !== undefined && (await sameSecret(token, expected));
}

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

/** Where an author or a message comes from, for the problem's `path`. */
const NOTE_HEADERS = { author: 'X-Revision-Author', message: 'X-Revision-Message' } as const;

/**
 * Who and why, from the X-Revision-Author / X-Revision-Message headers (percent-encoded, so any
 * language fits in a header): at most 100 and 500 characters, without control characters (they
 * are printed in terminals by `history`) or bidirectional controls. Refused with a 400 that
 * names the header and the limit.
 */
export function authorship(c: Context<AppEnv>): Pick<WriteOptions, 'author' | 'message'> {
  const header = (field: keyof typeof NOTE_HEADERS, max: number) => {
    const raw = c.req.header(NOTE_HEADERS[field]);
    let value = raw ?? '';
    try {
      value = raw ? decodeURIComponent(raw) : '';
    } catch {
      // Not percent-encoded: taken as it is.
    }
    const refused = textProblem(value, max);
    if (refused) throw invalidNote(field, refused);
    return value;
  };
  return { author: header('author', MAX_AUTHOR_LENGTH) || 'admin-api', message: header('message', MAX_MESSAGE_LENGTH) };
}

function invalidNote(field: keyof typeof NOTE_HEADERS, message: string) {
  const path = NOTE_HEADERS[field];
  return problem(400, 'Invalid revision note', `${path} ${message}.`, { errors: [{ path, message }] });
}

/** A revision KV cannot give back: 409, naming the key. Any other error is thrown as it is. */
export function unreadable(error: unknown): never {
  if (!(error instanceof CorruptDataError)) throw error;
  throw problem(409, 'Unreadable revision', `${error.message}. It stays in the history; roll back to another one.`);
}

/**
 * The revision a write is based on: `If-Match` with the ETag of a revision (the whole tag: a
 * stale or forged hash is refused like a stale revision), or `If-None-Match: *` to create a
 * document that does not exist yet. Stating nothing is refused (428), so that no edit silently
 * overwrites another; `?force=true` is the caller's way round that. The tag is checked against
 * the revision it names in the history, never against the current copy, which a failed write
 * may have left behind; whether that revision is still the latest, the writer decides.
 */
export async function baseRevision(c: Context<AppEnv>, id: string, lang: string): Promise<number> {
  const ifMatch = c.req.header('If-Match')?.trim();
  if (ifMatch) {
    const named = parseRevisionEtag(ifMatch);
    if (!named) throw problem(412, 'Precondition Failed', `If-Match must be an ETag of this API, not ${ifMatch}.`);
    const kv = retrying(c.env.RELEASES);
    const stored = await readRevision(kv, id, lang, named.revision).catch(() => null);
    if (!stored || represent(stored.document, stored.revision).etag !== ifMatch) {
      throw conflict(await lastInHistory(kv, id, lang));
    }
    return named.revision;
  }
  if (c.req.header('If-None-Match')?.trim() === '*') return 0;
  throw problem(
    428,
    'Precondition Required',
    'State the revision you edited: send If-Match with its ETag, If-None-Match: * to create, or ?force=true.',
  );
}

/**
 * Runs a store write, answering its refusals as problems: 412 for a conflict, 404 for no such
 * revision or document. `what` names the document in them ("belarus-2025-12/ru"), or the release.
 */
export async function storeRefusalsAsProblems<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error: unknown) {
    if (error instanceof RevisionConflictError) {
      throw error.baseRevision === 0 ? exists(what, error.currentRevision) : conflict(error.currentRevision);
    }
    if (error instanceof TranslationRefusedError) {
      throw problem(
        400,
        'Invalid translation',
        `The translation does not match the English revision it names (${error.issues.length} problem(s), each with its JSON path).`,
        { type: 'tag:belarus-release,2025:invalid-translation', errors: error.issues },
      );
    }
    if (error instanceof UnpublishedSourceError) throw unpublishedSource(error);
    if (error instanceof RevisionNoteError) throw invalidNote(error.field, error.problem);
    if (error instanceof CorruptDataError) unreadable(error);
    if (error instanceof NoDocumentError) {
      throw problem(404, 'Not Found', `There is no document ${error.id}/${error.lang}.`);
    }
    if (error instanceof RevisionNotFoundError) {
      throw problem(
        404,
        'Not Found',
        `There is no revision ${error.revision} of ${what} to roll back to: its history (GET …/revisions) lists those there are.`,
      );
    }
    throw error;
  }
}

/**
 * 409: a translation would reach readers before the English revision it translates. Says which
 * revisions, and the two ways on: publish English first (or the release as a whole), or keep
 * the translation a draft until then.
 */
function unpublishedSource({ id, lang, englishRevision, englishPublished, publishing }: UnpublishedSourceError) {
  const readers = englishPublished === null ? 'readers have no English revision' : `readers get ${englishPublished}`;
  const what =
    publishing === undefined
      ? `This ${lang} translation names English revision ${englishRevision}`
      : `Revision ${publishing} of ${id}/${lang} translates English revision ${englishRevision}`;
  const way =
    publishing === undefined
      ? `Publish English first (POST /api/releases/${id}/publish?lang=en), or write the translation as a draft (?draft=true; push --draft) and publish the release as a whole.`
      : `Publish English first, or the release as a whole (POST /api/releases/${id}/publish without lang), which publishes English before its translations.`;
  const message = `English revision ${englishRevision} is a draft readers have never had (${readers})`;
  return problem(
    409,
    'English revision not published',
    `${what}, a draft readers have never had (${readers}). ${way}`,
    {
      type: 'tag:belarus-release,2025:unpublished-english',
      errors: [{ path: '/translation/revision', message }],
    },
  );
}

/** 412 for `If-None-Match: *` (create) when the document has a history already. */
function exists(what: string, currentRevision: number) {
  return problem(
    412,
    'Precondition Failed',
    `${what} exists already (its newest revision is ${currentRevision}), so If-None-Match: * cannot create it. ` +
      `To change it, send If-Match with the ETag of revision ${currentRevision} (GET …/revisions/${currentRevision}), or ?force=true.`,
    { type: 'tag:belarus-release,2025:revision-conflict', currentRevision },
  );
}

function conflict(currentRevision: number) {
  return problem(
    412,
    'Precondition Failed',
    `The document has changed: its current revision is ${currentRevision}. Pull it, reapply your edit, and try again.`,
    { type: 'tag:belarus-release,2025:revision-conflict', currentRevision },
  );
}
