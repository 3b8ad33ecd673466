/**
 * The public read API: the release index and one release per language, with the caching
 * headers CDNs and browsers understand. Routes are declared with their zod schemas so that
 * `/api/openapi.json` is generated from the same schema that validates the data.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ReleaseDocumentSchema } from '../data/schema';
import { FALLBACK_HEADER, READ_CORS_HEADERS, SECURITY_HEADERS } from './headers';
import { CACHE_CONTROL, FALLBACK_CACHE_CONTROL, fingerprint, ifNoneMatchHits } from './http-cache';
import { ProblemSchema, problem } from './problem';
import { normaliseLang, type Fallback, type ReleaseReader } from './releases';

const LangQuery = z.object({
  lang: z
    .string()
    .optional()
    .describe('Preferred language (BCP 47, e.g. "be" or "uk-UA"). Unknown or malformed values get English.'),
});

const ReleaseSummarySchema = z
  .object({ id: z.string(), headline: z.string(), date: z.iso.date(), languages: z.array(z.string()) })
  .meta({ id: 'ReleaseSummary' });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const cachingHeaders = z.object({
  ETag: z.string().describe('Changes with every revision of the document'),
  'Cache-Control': z.string(),
  'Content-Language': z.string().describe('The language served'),
  [FALLBACK_HEADER]: z
    .enum(['memory', 'bundled'])
    .optional()
    .describe('Present when KV failed and a fallback was served'),
});

const listReleasesRoute = createRoute({
  method: 'get',
  path: '/api/releases',
  summary: 'List the releases, newest first',
  request: { query: LangQuery },
  responses: {
    200: {
      description: 'The release index',
      headers: cachingHeaders,
      content: { 'application/json': { schema: z.object({ releases: z.array(ReleaseSummarySchema) }) } },
    },
    304: { description: 'Not modified (the ETag in If-None-Match is current)' },
  },
});

const getReleaseRoute = createRoute({
  method: 'get',
  path: '/api/releases/{id}',
  summary: 'One release document in one language',
  request: {
    params: z.object({ id: z.string().describe('A release id, or "latest" for the newest release') }),
    query: LangQuery,
  },
  responses: {
    200: {
      description: 'The release document in the requested language, or in English when it has none',
      headers: cachingHeaders,
      content: { 'application/json': { schema: ReleaseDocumentSchema } },
    },
    304: { description: 'Not modified (the ETag in If-None-Match is current)' },
    404: { description: 'No release with this id', content: problemContent },
  },
});

/**
 * Adds the read routes to `app`, reading through the reader that `readerFor` gives each request.
 * The routes are documented from their zod schemas but not validated by them: no query value
 * is an error here (`lang` falls back to English), and skipping the validators keeps the hot
 * path short.
 */
export function addReadRoutes(app: OpenAPIHono<{ Bindings: Env }>, readerFor: (env: Env) => ReleaseReader): void {
  app.openAPIRegistry.registerPath(listReleasesRoute);
  app.get('/api/releases', async (c) => {
    const lang = normaliseLang(c.req.query('lang'));
    const { value, fallback } = await readerFor(c.env).list(lang);
    const body = JSON.stringify({ releases: value });
    return send(c, { body, etag: `W/"${fingerprint(body)}"`, lang }, fallback);
  });

  app.openAPIRegistry.registerPath(getReleaseRoute);
  app.get('/api/releases/:id', async (c) => {
    const id = c.req.param('id');
    const served = await readerFor(c.env).get(id, normaliseLang(c.req.query('lang')));
    if (!served) {
      throw problem(404, 'Not Found', `There is no release "${id}". GET /api/releases lists the releases there are.`);
    }
    return send(c, served.value, served.fallback);
  });
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

/** A 200 with the body, or a body-less 304 with the same validators and caching headers. */
function send(c: Context, sendable: Sendable, fallback: Fallback | undefined): Response {
  let headers = fallback ? undefined : prepared.get(sendable);
  if (!headers) {
    headers = headersFor(sendable, fallback);
    if (!fallback) prepared.set(sendable, headers);
  }
  if (ifNoneMatchHits(c.req.header('If-None-Match'), sendable.etag)) {
    return new Response(null, { status: 304, headers: headers.notModified });
  }
  return new Response(sendable.body, { status: 200, headers: headers.ok });
}

function headersFor({ etag, lang }: Sendable, fallback: Fallback | undefined): ResponseHeaders {
  const notModified: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...READ_CORS_HEADERS,
    ETag: etag,
    'Cache-Control': fallback ? FALLBACK_CACHE_CONTROL : CACHE_CONTROL,
    'Content-Language': lang,
  };
  if (fallback) notModified[FALLBACK_HEADER] = fallback;
  return { notModified, ok: { ...notModified, 'Content-Type': 'application/json; charset=utf-8' } };
}
