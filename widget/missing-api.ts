/**
 * The element has no API to fetch from: it came from the npm package (which cannot know where
 * the worker is) and its `api` attribute is missing or not an http(s) URL. The reader sees the
 * error state; the site's developer gets the fix, naming the attribute, in the console and in
 * the error event.
 */
import type { WidgetProblem } from './events';

/**
 * @example
 * if (!origin) throw new ProblemError(missingApi(this.api));
 */
export function missingApi(api: string | undefined): WidgetProblem {
  const detail = `${
    api ? `Its api attribute, "${api}", is not an http(s) URL.` : 'It has no api attribute.'
  } Set api to the origin of the belarus-release worker, as in <belarus-release api="https://facts.example">: an element bundled from the npm package cannot know where its API is.`;
  console.error(`<belarus-release>: ${detail}`);
  return { title: 'No API', detail };
}
