/**
 * The admin API, mounted at /api/releases: writes, history and rollback for editors (the CLI's
 * `--remote` target). Bearer token from the ADMIN_TOKEN secret; never cached, never CORS-open.
 * Every write goes to the document's Durable Object (worker/writer.ts), which runs the same
 * store code as the CLI's local mode, so validation and revision rules are the same. Each route is declared once: its schemas validate the request (failures are
 * problems, worker/problem.ts) and document it in /api/openapi.json.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEFAULT_LANG, LANGUAGES } from '../data/lang';
import { MAX_ID_LENGTH, MAX_MESSAGE_LENGTH, textProblem } from '../data/limits';
import { ID_PATTERN } from '../data/patterns';
import { LanguageSchema, ReleaseDocumentSchema } from '../data/schema';
import {
  authorship,
  baseRevision,
  jsonBody,
  MAX_BODY_BYTES,
  requireToken,
  storeRefusalsAsProblems,
  unreadable,
} from './admin-requests';
import { notPublic, type AppEnv } from './headers';
import { retrying } from './kv-retry';
import { invalidBody, invalidDocument, problem, ProblemSchema } from './problem';
import type { ReleaseReader } from './releases';
import { represent } from './representation';
import { publicChanged } from './public-changes';
import { listRevisions, readRevision } from './store';
import { publication } from './publishing';
import { applyWrite, type WriteCommand } from './writer-client';

const PROBLEMS = {
  400:
    'Invalid JSON, document or parameters (every failing JSON path in `errors`), id/lang not matching the URL, ' +
    'or an author or message over its limit or with control characters (the header or `/message` in `errors`)',
  401: 'Missing or wrong bearer token',
  404: 'No such document or revision',
  409:
    'The revision asked for cannot be read from KV (it stays in the history), or a translation would reach readers ' +
    'before the English revision it translates (publish English first, or keep the translation a draft)',
  412:
    'If-Match is not the ETag of the latest revision, If-None-Match: * names a document that exists, or a publish ' +
    'names a revision no longer the newest (`currentRevision` says which is; `detail` what to do)',
  413: `Body over ${MAX_BODY_BYTES / 1024} KB`,
  415: 'Body not application/json',
  428: 'No If-Match, If-None-Match: * or force=true',
  503: 'No ADMIN_TOKEN configured: the admin API is off',
} as const;

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** The documented problem responses of a route, one per status. */
export function problems<S extends keyof typeof PROBLEMS>(...statuses: S[]) {
  const responses = {} as Record<S, { description: string; content: typeof problemContent }>;
  for (const status of statuses) responses[status] = { description: PROBLEMS[status], content: problemContent };
  return responses;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const documentParams = z.object({
  id: z
    .string()
    .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters (KV keys are bounded)`)
    .regex(ID_PATTERN, 'must be a lower-case slug like "belarus-2025-12"')
    .describe(`The release id: a lower-case slug of at most ${MAX_ID_LENGTH} characters`),
});
/** A revision message: bounded, and nothing a terminal or a page would obey. */
const messageField = z
  .string()
  .superRefine((text, ctx) => {
    const refused = textProblem(text, MAX_MESSAGE_LENGTH);
    if (refused) ctx.addIssue({ code: 'custom', message: refused });
  })
  .describe(`At most ${MAX_MESSAGE_LENGTH} characters, no control characters`);
export const langQuery = z.object({
  lang: LanguageSchema.default(DEFAULT_LANG).describe(`Language of the document: one of ${LANGUAGES.join(', ')}`),
});
const RevisionSummarySchema = z
  .object({
    revision: z.int(),
    savedAt: z.string(),
    author: z.string(),
    message: z.string(),
    draft: z.literal(true).optional().describe('Written as a draft: not made current by its write'),
  })
  .meta({ id: 'RevisionSummary' });
const WrittenSchema = RevisionSummarySchema.extend({
  etag: z.string(),
  unchanged: z
    .literal(true)
    .optional()
    .describe('Nothing was written: the newest revision already holds this document; the answer describes it'),
}).meta({ id: 'Written' });

/** Every admin route needs the token; the document says so in its security section. */
export const security = [{ adminToken: [] }];
/** A write: the token, then a JSON body (worker/admin-requests.ts). */
const writeCommon = { security, middleware: [requireToken, jsonBody] };

const writeRoute = createRoute({
  method: 'put',
  path: '/{id}',
  summary: 'Write a new revision (admin)',
  ...writeCommon,
  description:
    'State the base: `If-Match` with the ETag you read (revision and hash), `If-None-Match: *` to create, or ' +
    `\`?force=true\`. The body is at most ${MAX_BODY_BYTES / 1024} KB. Optional \`X-Revision-Author\` and ` +
    '`X-Revision-Message` headers (percent-encoded; 100 and 500 characters, no control characters) go into the history. ' +
    'With `?draft=true` the revision goes into the history only: readers keep the published one until ' +
    '`POST /api/releases/{id}/publish`. Every write to an unpublished release is a draft.',
  request: {
    params: documentParams,
    query: langQuery.extend({
      force: z.enum(['true', 'false']).optional().describe('"true" skips the base check'),
      draft: z.enum(['true', 'false']).optional().describe('"true" stores a draft, which readers do not get'),
    }),
    body: { required: true, content: { 'application/json': { schema: ReleaseDocumentSchema } } },
  },
  responses: { 200: json(WrittenSchema, 'The new revision'), ...problems(400, 401, 409, 412, 413, 415, 428, 503) },
});

/** A read of a document's history: GET with the token, `lang` in the query, 200 or a problem. */
function historyRead<P extends string, Params extends z.ZodObject, Ok extends z.ZodType>(
  path: P,
  summary: string,
  params: Params,
  ok: ReturnType<typeof json<Ok>>,
) {
  const request = { params, query: langQuery };
  const responses = { 200: ok, ...problems(400, 401, 404, 409, 503) };
  return createRoute({ method: 'get', path, summary, security, middleware: requireToken, request, responses });
}

const historyRoute = historyRead(
  '/{id}/revisions',
  'List the revisions of a document (admin)',
  documentParams,
  json(
    z.object({
      revisions: z.array(RevisionSummarySchema),
      published: z
        .int()
        .nullable()
        .describe('The revision readers get; `null` when none (a draft only, or unpublished)'),
      unpublished: z
        .object({ unpublishedAt: z.string(), author: z.string(), message: z.string() })
        .nullable()
        .describe('Set while the release is unpublished'),
      withdrawn: z
        .int()
        .nullable()
        .describe('While no revision is current: the one readers had when the release was unpublished, if any'),
    }),
    'Oldest first, with what readers get',
  ),
);

const revisionRoute = historyRead(
  '/{id}/revisions/{n}',
  'Read one revision (admin)',
  documentParams.extend({ n: z.coerce.number().int().min(1) }),
  json(RevisionSummarySchema.extend({ document: ReleaseDocumentSchema }), 'The revision, with its ETag'),
);

/** A rollback's body: unknown fields are refused, as in documents, so a misspelt `message` is not lost. */
const RollbackSchema = z.strictObject({ revision: z.int().min(1), message: messageField.optional() });

const rollbackRoute = createRoute({
  method: 'post',
  path: '/{id}/rollback',
  summary: 'Write a new revision equal to an old one (admin)',
  description:
    '`lang` is required: a release has a document in each of six languages, and a rollback of the wrong one ' +
    'would change what its readers get.',
  ...writeCommon,
  request: {
    params: documentParams,
    query: z.object({ lang: LanguageSchema.describe(`Language of the document: one of ${LANGUAGES.join(', ')}`) }),
    body: { required: true, content: { 'application/json': { schema: RollbackSchema } } },
  },
  responses: { 200: json(WrittenSchema, 'The new revision'), ...problems(400, 401, 404, 409, 413, 415, 503) },
});

/**
 * The admin routes, to mount at /api/releases, forgetting what `readerFor`'s reader holds of
 * a document once it is written.
 *
 * @example
 * app.route('/api/releases', adminRoutes(readerFor));
 */
export function adminRoutes(readerFor: (env: Env) => ReleaseReader): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });
  // These paths lie under the public /api/*, but only the admin API serves them (PUT shares its
  // path with a public read, and is not a read).
  for (const route of [historyRoute, revisionRoute, rollbackRoute]) app.use(route.getRoutingPath(), notPublic);

  app.openapi(
    writeRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      const { lang, force, draft } = c.req.valid('query');
      const document = c.req.valid('json');
      if (document.id !== id || document.lang !== lang) {
        const path = document.id !== id ? '/id' : '/lang';
        const detail = `The body is ${document.id}/${document.lang} but the URL names ${id}/${lang}.`;
        throw problem(400, 'Wrong target', detail, { errors: [{ path, message: 'must match the URL' }] });
      }
      const base = force === 'true' ? { force: true } : { baseRevision: await baseRevision(c, id, lang) };
      const options = { ...authorship(c), ...base, skipUnchanged: true, ...(draft === 'true' ? { draft: true } : {}) };
      const command = { kind: 'write', id, lang, document, options } as const;
      return applyAndAnswer(c, readerFor(c.env), command);
    },
    (result) => {
      invalidDocument(result); // throws the problem; a valid request goes on
      return undefined;
    },
  );

  app.openapi(
    rollbackRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      const { lang } = c.req.valid('query');
      const { revision, message } = c.req.valid('json');
      const options = { ...authorship(c), skipUnchanged: true, ...(message !== undefined ? { message } : {}) };
      const command = { kind: 'rollback', id, lang, revision, options } as const;
      return applyAndAnswer(c, readerFor(c.env), command);
    },
    (result) => {
      invalidBody(result, RollbackSchema); // throws the problem; a valid request goes on
      return undefined;
    },
  );

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const kv = retrying(c.env.RELEASES);
    const revisions = await listRevisions(kv, id, lang);
    if (revisions.length === 0) throw problem(404, 'Not Found', `There is no document ${id}/${lang}.`);
    return c.json({ revisions, ...(await publication(kv, id, lang)) }, 200, { 'Cache-Control': 'no-store' });
  });

  app.openapi(revisionRoute, async (c) => {
    const { id, n } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const stored = await readRevision(retrying(c.env.RELEASES), id, lang, n).catch(unreadable);
    if (!stored) throw problem(404, 'Not Found', `There is no revision ${n} of ${id}/${lang}.`);
    const etag = represent(stored.document, stored.revision).etag;
    return c.json(stored, 200, { 'Cache-Control': 'no-store', ETag: etag });
  });
  return app;
}

/**
 * Carries out a write or rollback through the document's writer, tells readers of a public
 * change, and answers with the new revision and the ETag to base the next edit on.
 */
async function applyAndAnswer(c: Context<AppEnv>, reader: ReleaseReader, command: WriteCommand) {
  const { id, lang } = command;
  const stored = await storeRefusalsAsProblems(`${id}/${lang}`, () => applyWrite(c.env, command));
  if (!stored.draft && !stored.unchanged) await publicChanged(c, reader, { kind: 'current', id, langs: [lang] });
  const etag = represent(stored.document, stored.revision).etag;
  const { revision, savedAt, author, message, draft, unchanged } = stored;
  const marks = { ...(draft ? { draft } : {}), ...(unchanged ? { unchanged } : {}) };
  return c.json({ revision, etag, savedAt, author, message, ...marks }, 200, {
    ETag: etag,
    'Cache-Control': 'no-store',
  });
}
