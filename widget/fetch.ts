/**
 * Getting a release document from the API: conditionally when the element holds a copy (an
 * unchanged document costs a 304), and every failure as a problem in the API's own shape.
 */
import type { WidgetProblem } from './events';

/** The last document from the network and its ETag, to revalidate with `If-None-Match`. */
export interface Revalidation {
  url: string;
  etag: string;
  doc: unknown;
}

/** Thrown inside the element only, to carry a problem to its error state and event. */
export class ProblemError extends Error {
  constructor(readonly problem: WidgetProblem) {
    super(problem.detail);
  }
}

/**
 * The parsed body at `url` (not yet checked), with what to revalidate it by next time.
 *
 * @example
 * const { doc, revalidation } = await fetchRelease(url, previous, signal);
 */
export async function fetchRelease(
  url: string,
  cached: Revalidation | undefined,
  signal: AbortSignal,
): Promise<{ doc: unknown; revalidation: Revalidation | undefined }> {
  const hit = cached?.url === url ? cached : undefined;
  const response = await fetch(url, { signal, headers: hit ? { 'If-None-Match': hit.etag } : {} });
  if (response.status === 304 && hit) return { doc: hit.doc, revalidation: hit };
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<WidgetProblem>;
    const title = typeof body.title === 'string' ? body.title : `HTTP ${response.status}`;
    throw new ProblemError({ title, status: response.status, detail: String(body.detail ?? title) });
  }
  const doc: unknown = await response.json().catch(() => null);
  const etag = response.headers.get('ETag');
  return { doc, revalidation: etag ? { url, etag, doc } : undefined };
}

/** The problem an error carries, or a network error: fetch rejects with no more to say. */
export function problemOf(error: unknown, origin: string): WidgetProblem {
  return error instanceof ProblemError
    ? error.problem
    : { title: 'Network error', detail: `${origin} did not answer.` };
}
