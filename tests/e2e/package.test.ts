/**
 * The npm package as a site that bundles its JavaScript gets it: built and packed
 * (`npm run build:package`, `npm pack`), checked by publint and Are the Types Wrong, installed
 * from the tarball into a scratch project in the system temp folder (offline: Lit and React are
 * linked from this repository's node_modules), the README's examples type-checked and bundled
 * there by esbuild, and rendered in Chromium against the running worker.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import seed from '../../data/releases/belarus-2025-12/en.json';
import { CHROMIUM_LAUNCH } from '../browser';
import { hostSite, type HostSite } from './host';

const ROOT = new URL('../../', import.meta.url).pathname;
/** A package of this repository's node_modules, for the scratch project to link. */
const installed = (name: string) => join(ROOT, 'node_modules', name);
/** The documentation's stand-in for the worker's origin. */
const EXAMPLE_API = 'https://facts.example';

let scratch: string;
let tarball: string;
let worker: LocalWorker;
let site: HostSite;
let browser: Browser;
/** What the site serves: its pages and the bundles built from the installed package. */
const files = new Map<string, { body: string; headers?: Record<string, string> }>();

async function run(command: string, args: string[], cwd = ROOT) {
  try {
    return await promisify(execFile)(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error: unknown) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** The README's code block in `lang` from its section for bundler users. */
async function example(lang: 'ts' | 'tsx'): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The element as an npm package'));
  return section.match(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``))![1]!;
}

/** Bundles `source` (a module in the scratch project) the way a site's bundler would. */
async function bundle(name: string, source: string): Promise<string> {
  const entry = join(scratch, name);
  await writeFile(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: scratch,
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  files.set(`/${name.replace(/\.tsx?$/, '.js')}`, { body: code, headers: { 'Content-Type': 'text/javascript' } });
  return code;
}

/** Opens a page of the site with `body` and the bundle `script`; records console problems and requests. */
async function open(body: string, script: string): Promise<{ page: Page; console: string[]; requests: string[] }> {
  const path = `/page-${files.size}`;
  files.set(path, {
    body: `<!doctype html><html lang="en"><title>A site</title>${body}<script type="module" src="${script}"></script>`,
  });
  const page = await browser.newPage();
  const messages: string[] = [];
  const requests: string[] = [];
  // React's development build says hello at `info`; warnings and errors are what count.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(site.url(path));
  return { page, console: messages, requests };
}

/** The box's text once it shows facts or its error. */
async function settledText(page: Page, selector = 'belarus-release'): Promise<string> {
  await page.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('[aria-labelledby], [part=error]'),
    selector,
  );
  return page.locator(selector).evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'belarus-release-package-'));
  await run('npm', ['run', 'build:package']);
  const [packed] = JSON.parse(
    (await run('npm', ['pack', '--json', '--pack-destination', scratch], join(ROOT, 'dist/package'))).stdout,
  );
  tarball = join(scratch, packed.filename);
  const dependencies = Object.fromEntries(
    ['lit', 'react', 'react-dom', '@types/react'].map((name) => [name, `file:${installed(name)}`]),
  );
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({
      private: true,
      type: 'module',
      dependencies: { '@belarus-release/element': `file:${tarball}`, ...dependencies },
    }),
  );
  // --offline: the tarball's own dependency, lit, is met by the linked copy.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], scratch);
  [worker, site, browser] = await Promise.all([
    startLocalWorker(),
    hostSite((url) => files.get(url.pathname) ?? { body: 'not found' }),
    chromium.launch(CHROMIUM_LAUNCH),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await worker?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('passes publint, warnings and suggestions included', async () => {
    const { stdout } = await run('npx', ['publint', 'run', tarball, '--strict']);
    expect(stdout).toContain('All good!');
  });

  it('passes Are the Types Wrong for an ES-module-only package', async () => {
    // Exits non-zero on any problem; the JSON says which entry points were resolved.
    const { stdout } = await run('npx', [
      'attw',
      tarball,
      '--profile',
      'esm-only',
      '--no-definitely-typed',
      '--format',
      'json',
    ]);
    const { analysis } = JSON.parse(stdout);
    expect(Object.keys(analysis.entrypoints)).toEqual(
      expect.arrayContaining(['.', './define', './custom-elements.json', './package.json']),
    );
  });

  it('holds the element, its registration, types and manifest, and leaves Lit a dependency', async () => {
    const element = join(scratch, 'node_modules/@belarus-release/element');
    const manifest = JSON.parse(await readFile(join(element, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ lit: expect.stringMatching(/^\^3\./) });
    const index = await readFile(join(element, 'index.js'), 'utf8');
    expect(index.match(/from "[^"]+"/g)!.every((from) => from === 'from "lit"')).toBe(true);
    expect(index).not.toContain('import.meta');
    expect(index).not.toContain('customElements.define');
    const elements = JSON.parse(await readFile(join(element, 'custom-elements.json'), 'utf8'));
    expect(elements.modules.map((m: { path: string }) => m.path)).toEqual(['index.js', 'define.js']);
    expect(elements.modules[0].declarations[0].tagName).toBe('belarus-release');
    expect(elements.modules[1].exports).toContainEqual(
      expect.objectContaining({ kind: 'custom-element-definition', name: 'belarus-release' }),
    );
  });

  it('carries the check for a missing api, which widget.js (served by the worker) leaves out', async () => {
    const index = await readFile(join(scratch, 'node_modules/@belarus-release/element/index.js'), 'utf8');
    expect(index).toContain('It has no api attribute.');
    // dist/assets/widget.js, built by npm test before the tests (npm run build:widget)
    expect(await readFile(join(ROOT, 'dist/assets/widget.js'), 'utf8')).not.toContain('api attribute');
  });

  it("type-checks the README's TypeScript and React examples against the installed types", async () => {
    await writeFile(join(scratch, 'readme.ts'), await example('ts'));
    await writeFile(join(scratch, 'readme-react.tsx'), await example('tsx'));
    const options = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2023', 'dom'],
      types: [],
      jsx: 'react-jsx',
    };
    await writeFile(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: options, files: ['readme.ts', 'readme-react.tsx'] }),
    );
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(scratch, 'tsconfig.json')]);
    // The check can fail: createElement('belarus-release') is typed as the element, so a number
    // for `variant` is refused (an HTMLElement would have no `variant` at all).
    await writeFile(
      join(scratch, 'wrong.ts'),
      `import '@belarus-release/element/define';\ndocument.createElement('belarus-release').variant = 1;\n`,
    );
    await writeFile(
      join(scratch, 'tsconfig.wrong.json'),
      JSON.stringify({ compilerOptions: options, files: ['wrong.ts'] }),
    );
    await expect(
      run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(scratch, 'tsconfig.wrong.json')]),
    ).rejects.toThrow("Type 'number' is not assignable to type 'string'");
  });

  it('lets a bundler drop the main entry when nothing of it is used (no side effects)', async () => {
    expect((await bundle('unused.ts', `import '@belarus-release/element';\n`)).trim()).toBe('');
  });
});

describe('the installed package in Chromium, against the worker', () => {
  it("renders the README's TypeScript example", async () => {
    await bundle('readme-app.ts', (await example('ts')).replace(EXAMPLE_API, worker.origin));
    const { page, console, requests } = await open('<main></main>', '/readme-app.js');
    expect(await settledText(page)).toContain(seed.headline);
    expect(await page.title()).toBe(`${seed.released.count} released`);
    expect(requests).toContain(`${worker.origin}/api/releases/latest?lang=en`);
    expect(console).toEqual([]);
    await page.close();
  });

  it("renders the README's React 19 example", async () => {
    await writeFile(join(scratch, 'readme-react.tsx'), (await example('tsx')).replace(EXAMPLE_API, worker.origin));
    await bundle(
      'react-app.tsx',
      `import { createRoot } from 'react-dom/client';
       import { Facts } from './readme-react.tsx';
       createRoot(document.querySelector('main')!).render(<Facts onLoad={(headline) => { document.body.dataset.headline = headline; }} />);`,
    );
    const { page, console } = await open('<main></main>', '/react-app.js');
    expect(await settledText(page)).toContain(seed.headline);
    // React set the properties and heard the element's event.
    await page.waitForFunction(() => document.body.dataset.headline);
    expect(await page.evaluate(() => document.body.dataset.headline)).toBe(seed.headline);
    expect(await page.locator('belarus-release').getAttribute('variant')).toBe('compact');
    expect(console).toEqual([]);
    await page.close();
  });

  it('registers nothing from the main entry: the site defines the class under its own name', async () => {
    await bundle(
      'own-name.ts',
      `import { BelarusReleaseElement } from '@belarus-release/element';
       document.body.dataset.before = String(customElements.get('belarus-release'));
       customElements.define('fact-box', BelarusReleaseElement);`,
    );
    const { page } = await open(`<fact-box api="${worker.origin}"></fact-box>`, '/own-name.js');
    expect(await settledText(page, 'fact-box')).toContain(seed.headline);
    expect(await page.evaluate(() => document.body.dataset.before)).toBe('undefined');
    await page.close();
  });
});

describe('the installed package without api', () => {
  const listen = `import '@belarus-release/element/define';
    addEventListener('belarus-release-error', (event) => { document.body.dataset.problem = JSON.stringify(event.problem); });`;

  it.each([
    ['no api attribute', '', 'It has no api attribute.'],
    [
      'an api that is not an http(s) URL',
      ' api="ftp://facts.example"',
      'Its api attribute, "ftp://facts.example", is not an http(s) URL.',
    ],
  ])(
    'shows the error state for %s, names the attribute in the console and fetches nothing',
    async (_, attribute, said) => {
      await bundle('no-api.ts', listen);
      const { page, console, requests } = await open(
        `<belarus-release lang="be"${attribute}></belarus-release>`,
        '/no-api.js',
      );
      await settledText(page);
      const error = page.locator('belarus-release [part=error]');
      await expect.poll(() => error.isVisible()).toBe(true);
      // Nothing to retry and no fact page to link to: the element does not know where the worker
      // is (nor, so, where the Belarusian labels are).
      expect(await error.locator('button, a').count()).toBe(0);
      expect(await error.locator('p').textContent()).toBe('These facts are not available.');
      const problem = JSON.parse((await page.evaluate(() => document.body.dataset.problem))!);
      expect(problem).toEqual({ title: 'No API', detail: expect.stringContaining(said) });
      expect(console).toEqual([`error: <belarus-release>: ${problem.detail}`]);
      expect(problem.detail).toContain('Set api to the origin of the belarus-release worker');
      // Only the page and its script: nothing asked of the site's own origin or anyone else.
      expect(requests).toEqual([expect.stringContaining('/page-'), expect.stringContaining('/no-api.js')]);
      await page.close();
    },
  );

  it('loads the facts once api is set', async () => {
    await bundle('no-api.ts', listen);
    const { page } = await open('<belarus-release></belarus-release>', '/no-api.js');
    expect(await settledText(page)).not.toContain(seed.headline);
    await page.locator('belarus-release').evaluate((el, api) => el.setAttribute('api', api), worker.origin);
    await page.waitForFunction(() =>
      document.querySelector('belarus-release')!.shadowRoot!.querySelector('[aria-labelledby]'),
    );
    expect(await settledText(page)).toContain(seed.headline);
    await page.close();
  });
});
