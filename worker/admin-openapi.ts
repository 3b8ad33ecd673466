/**
 * The admin API in the OpenAPI document: the same zod schemas, registered for documentation
 * (worker/admin.ts validates requests itself, to answer with the problem shapes it promises).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ReleaseDocumentSchema } from '../data/schema';
import { ProblemSchema } from './problem';

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEMS[status]!, content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );

const PROBLEMS: Record<number, string> = {
  400: 'Invalid JSON or document (every failing JSON path in `errors`), or id/lang not matching the URL',
  401: 'Missing or wrong bearer token',
  404: 'No such document or revision',
  412: 'The document changed since the stated revision (`currentRevision` says which is current)',
  413: 'Body over 64 KB',
  415: 'Body not application/json',
  428: 'No If-Match, If-None-Match: * or force=true',
  503: 'No ADMIN_TOKEN configured: writes are off',
};

const target = {
  params: z.object({ id: z.string() }),
  query: z.object({ lang: z.string().optional().describe('Language of the document; default "en"') }),
};
const WrittenSchema = z
  .object({ revision: z.int(), etag: z.string(), savedAt: z.string(), author: z.string(), message: z.string() })
  .meta({ id: 'Written' });
const SummarySchema = z
  .object({ revision: z.int(), savedAt: z.string(), author: z.string(), message: z.string() })
  .meta({ id: 'RevisionSummary' });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const security = [{ adminToken: [] }];

export function documentAdminRoutes(app: OpenAPIHono<{ Bindings: Env }>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });
  const routes = [
    createRoute({
      method: 'put',
      path: '/api/releases/{id}',
      summary: 'Write a new revision (admin)',
      description:
        'State the base: `If-Match` with the ETag you edited, `If-None-Match: *` to create, or `?force=true`. ' +
        'Optional `X-Revision-Author` and `X-Revision-Message` headers (percent-encoded) go into the history.',
      security,
      request: { ...target, body: { content: { 'application/json': { schema: ReleaseDocumentSchema } } } },
      responses: { 200: json(WrittenSchema, 'The new revision'), ...problems(400, 401, 412, 413, 415, 428, 503) },
    }),
    createRoute({
      method: 'get',
      path: '/api/releases/{id}/revisions',
      summary: 'List the revisions of a document (admin)',
      security,
      request: target,
      responses: {
        200: json(z.object({ revisions: z.array(SummarySchema) }), 'Oldest first'),
        ...problems(401, 404, 503),
      },
    }),
    createRoute({
      method: 'get',
      path: '/api/releases/{id}/revisions/{n}',
      summary: 'Read one revision (admin)',
      security,
      request: { ...target, params: z.object({ id: z.string(), n: z.string() }) },
      responses: {
        200: json(SummarySchema.extend({ document: ReleaseDocumentSchema }), 'The revision'),
        ...problems(401, 404, 503),
      },
    }),
    createRoute({
      method: 'post',
      path: '/api/releases/{id}/rollback',
      summary: 'Write a new revision equal to an old one (admin)',
      security,
      request: {
        ...target,
        body: {
          content: {
            'application/json': { schema: z.object({ revision: z.int().min(1), message: z.string().optional() }) },
          },
        },
      },
      responses: { 200: json(WrittenSchema, 'The new revision'), ...problems(400, 401, 404, 415, 503) },
    }),
  ];
  for (const route of routes) app.openAPIRegistry.registerPath(route);
}
