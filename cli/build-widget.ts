/**
 * Builds what the worker serves besides its code: the static assets in `dist/assets/`
 * (cli/static-assets.ts): the widget, one minified ES module, at `/widget.js`, the iframe
 * page's script (from embed/) at `/embed.js`, and the element's labels; and what the worker
 * bundles: `dist/releases-bundle.ts`, the documents of data/releases/, and the default
 * link-preview card (cli/build-card.ts).
 * wrangler runs this before `dev` and `deploy` ([build] in wrangler.toml); `npm test` runs it
 * first too.
 */
import { build, transform, type Plugin } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { buildDefaultCard } from './build-card';
import { withoutLitHooks } from './lit-hooks';
import { DataFileError, isWithheld, listDataFiles, readJson, RELEASES_DIR, WITHHELD } from './data-files';
import { staticAssets, writeStaticAssets } from './static-assets';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The minified bundle of `entry`, as text. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [minifyTemplateLiterals, withoutLitHooks],
  });
  return squeeze(result.outputFiles[0]!.text);
}

/**
 * A second pass by terser, about 250 bytes gzip less than esbuild alone in a 10 KB budget:
 * it also shortens Lit's internal `_$xx` names, which Lit keeps stable only so that separately
 * bundled Lit packages can share them; this bundle holds all of Lit, and no other script
 * reaches into its objects (the polyfill hooks that would are for browsers without shadow DOM).
 * Unused parameters go too (`keep_fargs: false`): nothing here reads a function's `length`, and
 * it lets terser inline Lit's two-parameter identity for property names (8 bytes gzip).
 */
export async function squeeze(code: string): Promise<string> {
  const result = await minify(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 3, keep_fargs: false },
    mangle: { properties: { regex: /^_\$/ } },
  });
  return result.code!;
}

/**
 * esbuild leaves the text of template literals as written. Lit's templates are markup and CSS,
 * where a run of whitespace means no more than one space: this minifies each css`` literal
 * (ours have no interpolations) and collapses the line breaks and indentation of every other
 * literal. Comments and code whitespace go first, so only literals still hold line breaks.
 * Both passes write UTF-8: esbuild's default ASCII output would turn a "«" in a literal into
 * `\xAB`, which the CSS pass then reads as the CSS escape `\x` and prints "xAB".
 */
export const minifyTemplateLiterals: Plugin = {
  name: 'minify-template-literals',
  setup(build) {
    build.onLoad({ filter: /(widget|factbox)\/.*\.ts$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), {
        loader: 'ts',
        minifyWhitespace: true,
        charset: 'utf8',
      });
      // A line break and indentation in markup is a text node that shows nothing: our templates
      // break lines only between block elements, or between a tag's name, attributes and `>`
      // (a space that shows is always written on one line, beside a value). Next to a tag's
      // `<` or `>` it goes; elsewhere (between attributes, between values) one space stays.
      let contents = code
        .replace(/>\n\s*/g, '>')
        .replace(/\n\s*([<>])/g, '$1')
        .replace(/\n\s*/g, ' ');
      for (const [literal, body] of contents.matchAll(/unsafeCSS\(`([^`$]*)`\)/g)) {
        const css = await transform(body!, { loader: 'css', minify: true, charset: 'utf8' });
        // esbuild keeps custom property values and calc() as written; their spaces after ":",
        // around "," and "/" and between "))" are not needed either (those around "-" in calc()
        // are, and stay).
        const tight = css.code
          .trim()
          .replace(/(--[\w-]+): /g, '$1:')
          .replace(/ ?, ?/g, ',')
          .replaceAll(') )', '))')
          .replaceAll(' / ', '/');
        contents = contents.replace(literal, `unsafeCSS(\`${tight}\`)`);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * `dist/releases-bundle.ts`: every document under data/releases/, found on disk (no hand-kept
 * list), but those of a release marked withheld (cli/data-files.ts), for the worker to serve
 * when KV is empty, failing or corrupt. A file that is not JSON
 * is reported on one `✘ ERROR:` line (file, line, column). Under `wrangler dev` (which sets
 * WRANGLER_COMMAND=dev for this build) the bundle keeps that document's last good copy and the
 * build goes on, because a failed build leaves the dev server holding every request until the
 * file is fixed; anywhere else (deploy, tests) the build fails and writes nothing.
 *
 * @example
 * await bundleReleases({ lenient: false }); // false when a file could not be read: nothing built
 */
export async function bundleReleases({
  dir = RELEASES_DIR,
  out = `${DIST}releases-bundle.ts`,
  lenient = process.env.WRANGLER_COMMAND === 'dev',
} = {}): Promise<boolean> {
  const previous = lenient ? await lastGoodCopies(out) : [];
  const documents: unknown[] = [];
  let failed = false;
  for (const file of await listDataFiles(dir)) {
    // Readers get the bundle when KV fails: a release kept off the public surface stays off it.
    if (await isWithheld(file.id, dir)) {
      console.log(`${file.path} is left out of the bundle: its release is marked ${WITHHELD}`);
      continue;
    }
    try {
      documents.push(await readJson(file.path));
    } catch (error: unknown) {
      if (!(error instanceof DataFileError)) throw error;
      failed = true;
      const kept = previous.find((d) => d.id === file.id && d.lang === file.lang);
      if (kept) documents.push(kept);
      const what = lenient
        ? kept
          ? 'its last good copy is bundled'
          : 'it is left out of the bundle'
        : 'nothing built';
      console.error(`✘ ERROR: ${error.message} (${what})`);
    }
  }
  if (failed && !lenient) return false;
  await writeFile(
    out,
    `// Generated by cli/build-widget.ts from data/releases/. Do not edit.\nexport const BUNDLED_RELEASES: readonly unknown[] = ${JSON.stringify(documents)};\n`,
  );
  console.log(`Built ${relative(process.cwd(), out)} (${documents.length} documents)`);
  return true;
}

/** The documents of the bundle built last time, if there is one. */
async function lastGoodCopies(path: string): Promise<{ id?: unknown; lang?: unknown }[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const start = text.indexOf('= [');
  try {
    return start === -1 ? [] : (JSON.parse(text.slice(start + 2, text.lastIndexOf(';'))) as { id?: unknown }[]);
  } catch {
    return [];
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const widget = await bundle(fileURLToPath(new URL('../widget/define.ts', import.meta.url)));
  // The iframe page's one script, served at /embed.js.
  const embed = await bundle(fileURLToPath(new URL('../embed/frame.ts', import.meta.url)));
  await mkdir(DIST, { recursive: true });
  await writeStaticAssets(`${DIST}assets`, staticAssets(widget, embed));
  console.log(
    `Built dist/assets/ (widget.js ${widget.length} bytes, embed.js ${embed.length} bytes, labels, _headers)`,
  );
  if (!(await bundleReleases())) process.exitCode = 1;
  await buildDefaultCard();
}
