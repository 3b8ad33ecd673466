/**
 * An esbuild plugin that takes out of the bundled Lit the hooks nothing on a reader's page
 * uses, 128 bytes gzip of the element's 10 KB budget:
 *
 * - the polyfill-support hooks (`…PolyfillSupport`), which only the @webcomponents polyfills set,
 *   for browsers without shadow DOM, where the element cannot run anyway;
 * - the SSR hydration hook (`litElementHydrateSupport`): the element is never rendered on a
 *   server (the pages render the shared template, not the element);
 * - the version lists (`…Versions`), which only Lit's development build reads, to warn about
 *   two copies of Lit on one page.
 *
 * Each statement is matched exactly in the pinned Lit release: an upgrade that changes one
 * fails the build here, rather than shipping it or cutting something else.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** Per Lit module: each statement to take out, and what stands in its place. */
const HOOKS: Readonly<Record<string, readonly (readonly [RegExp, string])[]>> = {
  '@lit/reactive-element/reactive-element.js': [
    [/\w+=\w+\.reactiveElementPolyfillSupport,/, ''],
    [/,\w+\?\.\(\{ReactiveElement:\w+\}\),\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, ''],
  ],
  'lit-html/lit-html.js': [
    [/,\w+=\w+\.litHtmlPolyfillSupport;\w+\?\.\(\w+,\w+\),\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, ''],
  ],
  'lit-element/lit-element.js': [
    // "…,i.finalized=!0,<hooks>const n=…": the sequence before them ends there.
    [
      /,\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\);const \w+=\w+\.litElementPolyfillSupport;\w+\?\.\(\{LitElement:\w+\}\);/,
      ';',
    ],
    [/\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ''],
  ],
};

export const withoutLitHooks: Plugin = {
  name: 'without-lit-hooks',
  setup(build) {
    build.onLoad(
      { filter: /node_modules\/(@lit\/reactive-element|lit-html|lit-element)\/[\w-]+\.js$/ },
      async ({ path }) => {
        const module = Object.keys(HOOKS).find((name) => path.endsWith(`/node_modules/${name}`));
        if (!module) return undefined;
        let contents = await readFile(path, 'utf8');
        for (const [hook, replacement] of HOOKS[module]!) {
          if (!hook.test(contents))
            throw new Error(`${module} no longer has ${hook}: check what Lit changed (cli/lit-hooks.ts)`);
          contents = contents.replace(hook, replacement);
        }
        return { contents, loader: 'js' };
      },
    );
  },
};
