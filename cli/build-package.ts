/**
 * Builds the npm package `@belarus-release/element` (package/package.json) into dist/package/,
 * ready for `npm pack` or `npm publish` there:
 * - `index.js`: the element's class and events, no side effects; `define.js`: widget/define.ts,
 *   which registers `<belarus-release>` with the class from `./index.js`. ES modules, their
 *   templates minified as in widget.js (the site's bundler minifies the code itself), with Lit
 *   left as a dependency so that a site bundles one copy of it. package/src/default-api.ts replaces widget/default-api.ts: there is
 *   no script origin to default `api` to, so it is required.
 * - `index.d.ts`, `define.d.ts`: the declarations, bundled, with the release document's type
 *   written out (the schema's type is inferred from zod, which the package does not depend on).
 * - `custom-elements.json`: the committed manifest, its paths pointing at the package's files.
 * - `package.json`, and a README: the bundler section of the repository's README.
 *
 * @example
 * npm run build:package && cd dist/package && npm pack
 */
import { build, type Plugin } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { minifyTemplateLiterals } from './build-widget';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PACKAGE_DIR = join(ROOT, 'dist/package');
/** tsc's declarations, before bundling: in the repository, where `lit` resolves. */
const DECLARATIONS = join(ROOT, 'dist/package-declarations');
const TSCONFIG = join(ROOT, 'tsconfig.widget.json');
const ENTRY = join(ROOT, 'package/src/index.ts');
const DEFINE = join(ROOT, 'widget/define.ts');
/** The README section that becomes the package's README. */
const README_SECTION = '## The element as an npm package';

/** Thrown when the package cannot be built; the message says what to fix. */
export class PackageBuildError extends Error {}

/** Builds dist/package/ afresh; throws {@link PackageBuildError}. */
export async function buildPackage(): Promise<void> {
  await rm(PACKAGE_DIR, { recursive: true, force: true });
  await mkdir(PACKAGE_DIR, { recursive: true });
  const manifest = await packageJson();
  await bundleScripts();
  await declarations();
  await writeFile(join(PACKAGE_DIR, 'custom-elements.json'), await elementsManifest());
  await writeFile(join(PACKAGE_DIR, 'README.md'), await readme(manifest.name));
  await writeFile(join(PACKAGE_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** package/package.json, checked against the Lit the element is built and tested with. */
async function packageJson(): Promise<{ name: string; dependencies: Record<string, string> }> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'package/package.json'), 'utf8'));
  const lit = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).dependencies.lit as string;
  if (manifest.dependencies?.lit !== `^${lit}`)
    throw new PackageBuildError(
      `package/package.json depends on lit ${manifest.dependencies?.lit}, but the element is built and tested with lit ${lit}: set it to "^${lit}".`,
    );
  return manifest;
}

/** Lit stays an import; the package's default-api module replaces the widget's. */
const packageModules: Plugin = {
  name: 'package-modules',
  setup(build) {
    build.onResolve({ filter: /^lit(\/.*)?$/ }, ({ path }) => ({ path, external: true }));
    build.onResolve({ filter: /^\.\/default-api$/ }, () => ({ path: join(ROOT, 'package/src/default-api.ts') }));
  },
};

/** define.js takes the class from index.js, so that both entries share one class. */
const classFromIndex: Plugin = {
  name: 'class-from-index',
  setup(build) {
    build.onResolve({ filter: /^\.\/belarus-release$/ }, () => ({ path: './index.js', external: true }));
  },
};

async function bundleScripts(): Promise<void> {
  const common = {
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  } as const;
  await build({
    ...common,
    entryPoints: [ENTRY],
    outfile: join(PACKAGE_DIR, 'index.js'),
    plugins: [packageModules, minifyTemplateLiterals],
  });
  await build({ ...common, entryPoints: [DEFINE], outfile: join(PACKAGE_DIR, 'define.js'), plugins: [classFromIndex] });
}

/** How tsc's messages are printed: paths relative to the repository. */
const DIAGNOSTICS_HOST: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (file) => file,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

/**
 * tsc's declarations of both entries into {@link DECLARATIONS}, with data/schema.d.ts replaced
 * by the release document's type spelled out; fails on any type error.
 */
function emitDeclarations(): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    TSCONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new PackageBuildError(ts.formatDiagnostic(diagnostic, DIAGNOSTICS_HOST));
      },
    },
  )!;
  const program = ts.createProgram([ENTRY, DEFINE], {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: DECLARATIONS,
    rootDir: ROOT,
  });
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length) throw new PackageBuildError(ts.formatDiagnostics(problems, DIAGNOSTICS_HOST));
  program.emit();
  ts.sys.writeFile(join(DECLARATIONS, 'data/schema.d.ts'), releaseDocumentType(program));
}

/** index.d.ts: the declarations bundled into one file; define.d.ts imports from it. */
async function declarations(): Promise<void> {
  await rm(DECLARATIONS, { recursive: true, force: true });
  emitDeclarations();
  const [index] = generateDtsBundle(
    [
      {
        filePath: join(DECLARATIONS, 'package/src/index.d.ts'),
        output: { inlineDeclareGlobals: true, noBanner: true },
      },
    ],
    { preferredConfigPath: TSCONFIG },
  );
  // tsc names the type Lit's `render()` returns by the module that declares it, lit-html, which
  // `lit` re-exports: the package depends on lit only.
  const types = index!.replaceAll('import("lit-html")', 'import("lit")');
  const other = types.match(/(?:from |import\()["'](?!lit["'])([^"']+)/);
  if (other) throw new PackageBuildError(`index.d.ts imports ${other[1]}, which the package does not depend on.`);
  await writeFile(join(PACKAGE_DIR, 'index.d.ts'), types);
  const define = await readFile(join(DECLARATIONS, 'widget/define.d.ts'), 'utf8');
  const fromIndex = define.replaceAll(`'./belarus-release'`, `'./index.js'`);
  if (/from '\.\.?\/(?!index\.js')/.test(fromIndex))
    throw new PackageBuildError(`widget/define.ts imports more than ./belarus-release:\n${define}`);
  await writeFile(join(PACKAGE_DIR, 'define.d.ts'), fromIndex);
  await rm(DECLARATIONS, { recursive: true, force: true });
}

/** `ReleaseDocument` as a plain object type: what zod infers, with zod out of the picture. */
function releaseDocumentType(program: ts.Program): string {
  const checker = program.getTypeChecker();
  const schema = program.getSourceFile(join(ROOT, 'data/schema.ts'))!;
  const symbol = checker
    .getExportsOfModule(checker.getSymbolAtLocation(schema)!)
    .find((s) => s.name === 'ReleaseDocument')!;
  const node = checker.typeToTypeNode(
    checker.getDeclaredTypeOfSymbol(symbol),
    undefined,
    ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals,
  )!;
  const type = ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, schema);
  return `/** A release document, as GET /api/releases/:id returns it (data/schema.ts). */\nexport type ReleaseDocument = ${type};\n`;
}

/** The committed custom-elements.json, naming the package's files instead of the sources. */
async function elementsManifest(): Promise<string> {
  const text = await readFile(join(ROOT, 'custom-elements.json'), 'utf8');
  const paths: [RegExp, string][] = [
    [/"\/?widget\/belarus-release(\.ts)?"/g, '"index.js"'],
    [/"\/?widget\/define(\.ts)?"/g, '"define.js"'],
  ];
  const rewritten = paths.reduce((json, [from, to]) => json.replace(from, to), text);
  const left = rewritten.match(/"[^"]*\.ts"/);
  if (left) throw new PackageBuildError(`custom-elements.json names ${left[0]}, which the package does not have.`);
  return rewritten;
}

/** The README's section for bundler users, as the package's README. */
async function readme(name: string): Promise<string> {
  const text = await readFile(join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf(`\n${README_SECTION}\n`);
  if (start === -1) throw new PackageBuildError(`README.md has no "${README_SECTION}" section.`);
  // Up to the next heading: the section's own subsections are for this repository's maintainers.
  const body = text.slice(start + README_SECTION.length + 2);
  const end = body.search(/\n##+ /);
  return `# ${name}\n${end === -1 ? body : body.slice(0, end + 1)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildPackage();
    console.log('Built dist/package (cd dist/package && npm pack)');
  } catch (error: unknown) {
    if (!(error instanceof PackageBuildError)) throw error;
    console.error(`✘ ERROR: ${error.message}`);
    process.exitCode = 1;
  }
}
