/**
 * Getting a release document from the API: conditionally when this page already holds a copy
 * (an unchanged document costs a 304), and every failure as a problem in the API's own shape.
 */
import type { WidgetProblem } from './events';

/** Thrown inside the element only, to carry a problem to its error state and event. */
export class ProblemError extends Error {
  constructor(readonly problem: WidgetProblem) {
    super(problem.detail);
  }
}

/** The last copy of each URL on this page and its ETag, to revalidate with `If-None-Match`. */
const copies = new Map<string, { etag: string; doc: unknown }>();

/**
 * The parsed body at `url` (not yet checked).
 *
 * @example
 * const doc = await fetchRelease(`${origin}/api/releases/latest?lang=en`, signal);
 */
export async function fetchRelease(url: string, signal: AbortSignal): Promise<unknown> {
  const copy = copies.get(url);
  const response = await fetch(url, { signal, headers: copy ? { 'If-None-Match': copy.etag } : {} });
  if (response.status === 304 && copy) return copy.doc;
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<WidgetProblem>;
    const title = typeof body.title === 'string' ? body.title : `HTTP ${response.status}`;
    throw new ProblemError({ title, status: response.status, detail: String(body.detail ?? title) });
  }
  const doc: unknown = await response.json().catch(() => null);
  const etag = response.headers.get('ETag');
  if (etag) copies.set(url, { etag, doc });
  return doc;
}

/** The problem an error carries, or a network error: fetch rejects with no more to say. */
export function problemOf(error: unknown, origin: string): WidgetProblem {
  return error instanceof ProblemError
    ? error.problem
    : { title: 'Network error', detail: `${origin} did not answer.` };
}
