/**
 * Errors on the wire: `application/problem+json` (RFC 9457), one shape for every route.
 * Handlers throw {@link problem}; `app.onError` turns anything else into a 500 of the same shape.
 */
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
