/**
 * The public read API, mounted at /api/releases: the release index and one release per
 * language, with the caching headers CDNs and browsers understand. Each route is declared once;
 * `/api/openapi.json` is generated from the declarations and the zod schema of the data.
 */
import { createRoute, z, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DEFAULT_LANG, normaliseLang } from '../data/lang';
import { ReleaseDocumentSchema } from '../data/schema';
import { BEHIND_HEADER, FALLBACK_HEADER, READ_CORS_HEADERS, SECURITY_HEADERS, type AppEnv } from './headers';
import { CACHE_CONTROL, FALLBACK_CACHE_CONTROL, fingerprint, ifNoneMatchHits } from './http-cache';
import { PREVIEW_HEADERS, previewAccess } from './preview';
import { ProblemSchema, problem } from './problem';
import { FALLBACKS, type Fallback, type ReleaseReader } from './releases';

/**
 * The parameters are documented as plain OpenAPI parameters, not zod schemas, so that
 * `app.openapi()` adds no validators: no value is an error here (`lang` falls back to English),
 * and the hot path stays free of them (about 4 µs a request, measured; bench/README.md).
 */
const stringParameter = (name: string, where: 'path' | 'query', description: string) =>
  ({ name, in: where, required: where === 'path', description, schema: { type: 'string' } }) as const;
const langParameter = stringParameter(
  'lang',
  'query',
  'Preferred language (BCP 47, e.g. "be" or "uk-UA"). Unknown or malformed values get English.',
);
const idParameter = stringParameter('id', 'path', 'A release id, or "latest" for the newest release');
const previewParameter = stringParameter(
  'preview',
  'query',
  'Editors only: the newest revision, drafts included, as readers will see it once published. The value is a ' +
    'signed link from POST /api/releases/{id}/preview, or anything with the admin token as a bearer token. ' +
    'Answered `Cache-Control: private, no-store`.',
);

const ReleaseSummarySchema = z
  .object({
    id: z.string(),
    headline: z.string(),
    lang: z.string().describe('The language of the headline: the one asked for when the release has it, else English'),
    date: z.iso.date(),
    languages: z.array(z.string()).describe('Every language the release is published in'),
  })
  .meta({ id: 'ReleaseSummary' });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const cachingHeaders = z.object({
  ETag: z.string().describe('Changes with every revision of the document'),
  'Cache-Control': z.string(),
  'Content-Language': z.string().describe('The language served (on the index: every language of its headlines)'),
  [BEHIND_HEADER]: z
    .string()
    .optional()
    .describe('On a translation English has revised since: how many revisions it is behind'),
  [FALLBACK_HEADER]: z.enum(FALLBACKS).optional().describe('Present when KV failed and a fallback was served'),
});
const notModified = { description: 'Not modified (the ETag in If-None-Match is current)' };

const listReleasesRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'List the releases, newest first',
  parameters: [langParameter],
  responses: {
    200: {
      description: 'The release index',
      headers: cachingHeaders,
      content: { 'application/json': { schema: z.object({ releases: z.array(ReleaseSummarySchema) }) } },
    },
    304: notModified,
  },
});

const getReleaseRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One release document in one language',
  parameters: [idParameter, langParameter, previewParameter],
  responses: {
    200: {
      description: 'The release document in the requested language, or in English when it has none',
      headers: cachingHeaders,
      content: { 'application/json': { schema: ReleaseDocumentSchema } },
    },
    304: notModified,
    401: { description: 'A preview without a signed link or the admin token', content: problemContent },
    403: { description: 'A preview link that has expired or is not genuine', content: problemContent },
    404: { description: 'No release with this id (a draft is not one until it is published)', content: problemContent },
    410: { description: 'The release was unpublished; its history is kept', content: problemContent },
  },
});

/**
 * The read routes, to mount at /api/releases, reading through the reader that `readerFor`
 * gives each request.
 *
 * @example
 * app.route('/api/releases', readRoutes(readerFor));
 */
export function readRoutes(readerFor: (env: Env) => ReleaseReader): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listReleasesRoute, async (c) => {
    const { value, fallback } = await readerFor(c.env).list(normaliseLang(c.req.query('lang')));
    const body = JSON.stringify({ releases: value });
    // Content-Language names what was served: each headline is in the language asked for or in English.
    const lang = [...new Set(value.map((release) => release.lang))].sort().join(', ') || DEFAULT_LANG;
    return send(c, { body, etag: `W/"${fingerprint(body)}"`, lang }, fallback);
  });

  app.openapi(getReleaseRoute, async (c) => {
    const id = c.req.param('id');
    const reader = readerFor(c.env);
    const lang = normaliseLang(c.req.query('lang'));
    if (c.req.query('preview') !== undefined) return preview(c, reader, id, lang);
    const served = await reader.get(id, lang);
    if (!served) throw await notServed(reader, id);
    return send(c, served.value, served.fallback, served.behind);
  });
  return app;
}

/** The newest revision, drafts included, for an editor (worker/preview.ts); never cached. */
async function preview(c: Context<AppEnv>, reader: ReleaseReader, id: string, lang: string): Promise<Response> {
  const access = await previewAccess(c, id);
  if (typeof access === 'object') throw problem(access.status, access.title, access.detail);
  const served = await reader.preview(id, lang);
  if (!served) throw problem(404, 'Not Found', `There is no release "${id}", draft or published.`);
  return send(c, served.value, undefined, undefined, PREVIEW_HEADERS);
}

/**
 * Why a release is not served: 410 Gone when it was unpublished (its URLs may come back with
 * `publish`), else 404.
 *
 * @example
 * if (!served) throw await notServed(reader, id);
 */
export async function notServed(reader: ReleaseReader, id: string) {
  const withdrawal = await reader.withdrawal(id);
  if (!withdrawal) {
    return problem(404, 'Not Found', `There is no release "${id}". GET /api/releases lists the releases there are.`);
  }
  return problem(
    410,
    'Gone',
    `The release "${id}" was unpublished${withdrawal.unpublishedAt ? ` on ${withdrawal.unpublishedAt.slice(0, 10)}` : ''}. ` +
      'GET /api/releases lists the releases there are.',
    { type: 'tag:belarus-release,2025:unpublished' },
  );
}

interface Sendable {
  body: string;
  etag: string;
  lang: string;
}

interface ResponseHeaders {
  ok: Record<string, string>;
  notModified: Record<string, string>;
}

/** Headers of documents served from KV, built once per representation: the hot path. */
const prepared = new WeakMap<Sendable, ResponseHeaders>();

/**
 * A 200 with the body, or a body-less 304 with the same validators and caching headers;
 * `extra` replaces some (a preview's Cache-Control).
 */
function send(
  c: Context,
  sendable: Sendable,
  fallback: Fallback | undefined,
  behind?: number,
  extra?: Record<string, string>,
): Response {
  const usual = !fallback && !behind && !extra;
  let headers = usual ? prepared.get(sendable) : undefined;
  if (!headers) {
    headers = headersFor(sendable, fallback, behind);
    if (usual) prepared.set(sendable, headers);
    else if (extra) headers = { ok: { ...headers.ok, ...extra }, notModified: { ...headers.notModified, ...extra } };
  }
  if (ifNoneMatchHits(c.req.header('If-None-Match'), sendable.etag)) {
    return new Response(null, { status: 304, headers: headers.notModified });
  }
  return new Response(sendable.body, { status: 200, headers: headers.ok });
}

function headersFor({ etag, lang }: Sendable, fallback: Fallback | undefined, behind?: number): ResponseHeaders {
  const notModified: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...READ_CORS_HEADERS,
    ETag: etag,
    'Cache-Control': fallback ? FALLBACK_CACHE_CONTROL : CACHE_CONTROL,
    'Content-Language': lang,
  };
  if (fallback) notModified[FALLBACK_HEADER] = fallback;
  if (behind) notModified[BEHIND_HEADER] = String(behind);
  return { notModified, ok: { ...notModified, 'Content-Type': 'application/json; charset=utf-8' } };
}
