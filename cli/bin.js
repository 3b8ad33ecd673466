#!/usr/bin/env node
// The `belarus-release` command. It runs cli/main.ts from a bundle, dist/cli.mjs, which esbuild
// rebuilds whenever a TypeScript source is newer (a fraction of a second, once per change):
// loading the sources through tsx instead costs every command about a quarter of a second, and
// an editor's commands should take well under one. The bundle sits one folder below the root,
// as cli/ does, so the paths the code finds from import.meta.url stay the same. Should it fail
// to build, tsx runs the sources, and says what is wrong with them.
import { readdirSync, renameSync, statSync, utimesSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bundle = `${root}dist/cli.mjs`;

/** The newest modification time of the code the bundle is made of. */
function newestSource() {
  let newest = 0;
  for (const dir of ['cli', 'data', 'factbox', 'worker']) {
    for (const name of readdirSync(`${root}${dir}`, { recursive: true })) {
      if (name.endsWith('.ts')) newest = Math.max(newest, statSync(`${root}${dir}/${name}`).mtimeMs);
    }
  }
  return newest;
}

const builtAt = (() => {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
})();

async function build(sourcesAt) {
  const { build } = await import('esbuild');
  const temporary = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [`${root}cli/main.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: temporary,
    logLevel: 'silent',
  });
  // Dated as the sources it was built from: a file saved during the build is newer, and so is
  // built again next time.
  utimesSync(temporary, new Date(), new Date(sourcesAt));
  renameSync(temporary, bundle);
}

let main;
try {
  const sourcesAt = newestSource();
  if (sourcesAt > builtAt) await build(sourcesAt);
  ({ main } = await import(pathToFileURL(bundle).href));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
