/**
 * Where the element finds its API when `api` names none. widget.js is served by the worker, so
 * the origin it was loaded from is the API's and the snippet needs no configuration. The npm
 * package's build (cli/build-package.ts) puts package/src/default-api.ts in this module's place:
 * bundled into a site's own script, the element cannot know where its API is.
 */

/** The origin this script was loaded from. */
export const SCRIPT_ORIGIN: string = new URL(import.meta.url).origin;

/**
 * Whether `api` must be given (only in the npm package). A literal, so that the minifier drops
 * what the element does without it from widget.js, whose budget is 10 KB gzip.
 */
export const API_REQUIRED: boolean = false;
