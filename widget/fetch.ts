/**
 * Getting a release document from the API, and every failure as a problem in the API's own
 * shape. Every load asks the API (`cache: 'no-cache'`): when the browser holds a copy it sends
 * that copy's ETag, so an unchanged document costs a 304 with no body, and an edit shows at
 * the next load or `refresh()` rather than after the copy's `max-age`.
 */
import { BEHIND_HEADER } from '../factbox/language';
import type { WidgetProblem } from './events';

/** Thrown inside the element only, to carry a problem to its error state and event. */
export class ProblemError extends Error {
  constructor(readonly problem: WidgetProblem) {
    super(problem.detail);
  }
}

/**
 * The parsed body at `url` (not yet checked), and whether the API says English has been revised
 * since this translation (a 304 for an unchanged translation may say so after English moved
 * on; the browser updates its copy's headers from it).
 *
 * @example
 * const { doc, behind } = await fetchRelease(`${origin}/api/releases/latest?lang=be`, signal);
 */
export async function fetchRelease(url: string, signal: AbortSignal): Promise<{ doc: unknown; behind: boolean }> {
  const response = await fetch(url, { signal, cache: 'no-cache' });
  const behind = response.headers.has(BEHIND_HEADER);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<WidgetProblem>;
    const title = typeof body.title === 'string' ? body.title : `HTTP ${response.status}`;
    throw new ProblemError({ title, status: response.status, detail: String(body.detail ?? title) });
  }
  const doc: unknown = await response.json().catch(() => null);
  return { doc, behind };
}

/** The problem an error carries, or a network error: fetch rejects with no more to say. */
export function problemOf(error: unknown, origin: string): WidgetProblem {
  return error instanceof ProblemError
    ? error.problem
    : { title: 'Network error', detail: `${origin} did not answer.` };
}
