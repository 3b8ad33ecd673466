/**
 * widget/default-api.ts as the npm package has it (cli/build-package.ts puts this module in its
 * place): bundled into a site's own script, the element cannot know where the worker is, so
 * `api` is required.
 */
export const SCRIPT_ORIGIN: string = '';
export const API_REQUIRED: boolean = true;
