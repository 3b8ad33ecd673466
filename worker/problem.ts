/**
 * Errors on the wire: `application/problem+json` (RFC 9457), one shape for every route.
 * Handlers throw {@link problem}; requests that fail their route's schemas get
 * {@link invalidRequest}; `app.onError` turns anything else into the same shape with
 * {@link errorResponse}.
 */
import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { findings } from '../data/issues';
import { ReleaseDocumentSchema } from '../data/schema';

export const ProblemSchema = z
  .object({
    type: z.string().describe('a URI naming the kind of problem; "about:blank" means the status says it all'),
    title: z.string(),
    status: z.int(),
    detail: z.string().describe('what went wrong in this request, and how to fix it'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('for invalid documents: every failing JSON path')
      .optional(),
    currentRevision: z.int().describe('for conflicting writes: the revision that is current').optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ProblemSchema>;

const PROBLEM_TYPE = 'application/problem+json';

/** A problem response, with no-store caching: an error must never be cached as the resource. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * An exception that renders as a problem document.
 *
 * @example
 * throw problem(404, 'Not Found', 'No release "x". GET /api/releases lists them.');
 */
export function problem(
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  extra: Partial<Pick<Problem, 'type' | 'errors' | 'currentRevision'>> & { headers?: Record<string, string> } = {},
): HTTPException {
  const { headers, ...members } = extra;
  const body: Problem = { type: 'about:blank', title, status, detail, ...members };
  return new HTTPException(status, { message: detail, res: problemResponse(body, headers) });
}

/** What each validation target is called in a problem's detail. */
const PARTS: Record<string, string> = { json: 'body', query: 'query string', param: 'path', header: 'headers' };

/**
 * The `defaultHook` of every OpenAPIHono app here: a request that fails its route's schemas is
 * answered 400 with every failing JSON path (of the body, query or path parameters) in `errors`,
 * in the words the CLI uses for the same mistake (data/issues.ts).
 *
 * @example
 * const app = new OpenAPIHono({ defaultHook: invalidRequest });
 */
export function invalidRequest(result: HookResult): void {
  invalidBody(result, undefined);
}

/**
 * {@link invalidRequest} for a route whose JSON body `schema` validates: a misspelt field of the
 * body is named with the field it may have meant.
 *
 * @example
 * app.openapi(rollbackRoute, handler, (result) => invalidBody(result, RollbackSchema));
 */
export function invalidBody(result: HookResult, schema: z.core.$ZodType | undefined): void {
  if (result.success) return;
  const part = PARTS[result.target] ?? result.target;
  const json = result.target === 'json';
  const title = json ? 'Invalid request body' : 'Invalid request';
  throw invalid(result, title, `The ${part} has`, 'invalid-request', json ? schema : undefined);
}

/**
 * The hook of a route whose body is a release document: its errors are the document's (type
 * `…:invalid-document`), those of its query string or path are the request's.
 *
 * @example
 * app.openapi(writeRoute, handler, invalidDocument);
 */
export function invalidDocument(result: HookResult): void {
  if (result.success || result.target !== 'json') return invalidRequest(result);
  throw invalid(result, 'Invalid document', 'The document has', 'invalid-document', ReleaseDocumentSchema);
}

type HookResult = Parameters<Hook<unknown, Env, string, void>>[0];

function invalid(
  result: HookResult & { success: false },
  title: string,
  what: string,
  kind: string,
  schema: z.core.$ZodType | undefined,
) {
  // The validator hands the hook what it parsed as `data` too (@hono/zod-validator), untyped.
  const input = (result as { data?: unknown }).data;
  const errors = findings(result.error.issues, input, schema).map(({ path, message }) => ({
    path: path || '/',
    message,
  }));
  return problem(400, title, `${what} ${errors.length} error(s); each is listed with its JSON path.`, {
    type: `tag:belarus-release,2025:${kind}`,
    errors,
  });
}

/**
 * The problem response for an error no handler turned into one: an HTTPException keeps its
 * status (hono's own, such as a malformed body, carry no response of ours), anything else is
 * logged and answered 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof HTTPException) {
    if (error.res) return error.getResponse();
    return problemResponse({ type: 'about:blank', title: error.message, status: error.status, detail: error.message });
  }
  console.error('unhandled error', error);
  return problemResponse({
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The worker failed to answer this request. Try again; if it persists, report it.',
  });
}
