/**
 * Messages that say the fix, every error at once with its JSON path, line and column; and a
 * data file with a syntax error: one line, while what does not need that file keeps working.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleReleases } from '../../cli/build-widget';
import { ID, IHAR_LOSIK, SEED, workspace, type Doc, type Workspace } from './helpers';

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});

/** The line and column at which `needle` starts in `text`, as `line:column`. */
function place(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle));
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
}

describe('messages that say the fix', () => {
  const cases: [string, (d: Doc) => void, string][] = [
    ['a javascript: URL', (d) => (d.sources[0]!.url = 'javascript:alert(1)'), 'must be an https:// or http:// URL'],
    ['an ftp: URL', (d) => (d.sources[0]!.url = 'ftp://example.org/file'), 'must be an https:// or http:// URL'],
    ['a URL without a scheme', (d) => (d.sources[0]!.url = 'www.bbc.com/news'), 'must be an https:// or http:// URL'],
    ['a URL with a space', (d) => (d.sources[0]!.url = 'https://www.bbc.com/a page'), 'must not contain spaces'],
    ['a date in another format', (d) => (d.date = '13/12/2025'), 'use YYYY-MM-DD'],
    [
      'a misspelt speaker',
      (d) => {
        d.people.push(IHAR_LOSIK);
        d.quotes[0]!.speaker = 'ihar-losk';
      },
      'unknown speaker "ihar-losk": did you mean "ihar-losik"?',
    ],
    ['a misspelt envoy', (d) => (d.deal.envoy = 'jon-coale'), 'unknown envoy "jon-coale": did you mean "john-coale"?'],
    [
      'a misspelt source',
      (d) => (d.released.source = 'washington-insidr'),
      'unknown source "washington-insidr": did you mean "washington-insider"?',
    ],
    ['a missing field', (d) => delete (d as Partial<Doc>).summary, '/summary: is missing: add it (string)'],
  ];
  for (const [what, edit, message] of cases) {
    it(`says how to fix ${what}`, async () => {
      const { code, err } = await ws.cli('validate', await ws.write('case.json', edit));
      expect(code).toBe(1);
      expect(err).toContain(message);
    });
  }
});

describe('every error at once', () => {
  it('lists schema errors, references and duplicates together, each with line, column and JSON path', async () => {
    const file = await ws.write('many.json', (d) => {
      d.date = '2025-13-01';
      d.sources[0]!.url = 'ftp://x.org';
      d.people[1]!.id = d.people[0]!.id;
      d.quotes[0]!.speaker = 'nobody-at-all';
    });
    const text = await readFile(file, 'utf8');
    const { code, err } = await ws.cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:${place(text, '"date"')}: /date: must be a real date: use YYYY-MM-DD`);
    expect(err).toContain(`${file}:${place(text, '"url"')}: /sources/0/url: must be an https:// or http:// URL`);
    const second = text.indexOf('"id": "maria-kolesnikova"', text.indexOf('"id": "maria-kolesnikova"') + 1);
    const speaker = text.indexOf('"speaker": "nobody-at-all"');
    expect(err).toContain(`${file}:${place(text, text.slice(second))}: /people/1/id: duplicate id "maria-kolesnikova"`);
    expect(err).toContain(
      `${file}:${place(text, text.slice(speaker))}: /quotes/0/speaker: unknown speaker "nobody-at-all"`,
    );
    expect(err).toContain('(5 error(s))');
  });

  it('puts a JSON syntax error on one line with its line and column, and no stack trace', async () => {
    const text = (await readFile(SEED, 'utf8')).replace('"date": "2025-12-13",', '"date": "2025-12-13"');
    await writeFile(ws.path('comma.json'), text);
    const { code, err } = await ws.cli('validate', ws.path('comma.json'));
    expect(code).toBe(1);
    expect(err.trim()).toBe(
      `✘ ERROR: ${ws.path('comma.json')}:${place(text, '"released"')}: not valid JSON: ` +
        `unexpected '"': expected "," or "}" (a missing comma?)`,
    );
  });
});

describe('a data file with a syntax error', () => {
  let data: string;
  const env = () => ({ BELARUS_RELEASE_DATA_DIR: data });

  beforeAll(async () => {
    data = join(ws.dir, 'releases');
    await mkdir(join(data, ID), { recursive: true });
    await mkdir(join(data, 'broken-release'), { recursive: true });
    await copyFile(SEED, join(data, ID, 'en.json'));
    await writeFile(join(data, 'broken-release', 'en.json'), '{\n  "id": "broken-release",\n  "lang" "en"\n}\n');
  });

  it('is one ✘ ERROR line in validate, which still checks the other files', async () => {
    const { code, out, err } = await ws.cliWith(env(), 'validate');
    expect(code).toBe(1);
    expect(out).toContain(`✔ ${join(data, ID, 'en.json')}`);
    expect(err).toMatch(/^✘ ERROR: .*broken-release\/en\.json:3:10: not valid JSON: unexpected '"'/m);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('does not stop commands that do not read it', async () => {
    expect((await ws.cliWith(env(), '--help')).code).toBe(0);
    const pushed = await ws.cliWith(env(), 'push', join(data, ID, 'en.json'), '-m', 'first', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect((await ws.cliWith(env(), 'history', ID, ...ws.store)).code).toBe(0);
  });

  it('fails a build with that one line, and writes nothing', async () => {
    const out = join(ws.dir, 'strict-bundle.ts');
    expect(await bundleReleases({ dir: data, out, lenient: false })).toBe(false);
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('under wrangler dev keeps its last good copy in the bundle, so the server keeps serving', async () => {
    const out = join(ws.dir, 'dev-bundle.ts');
    const good = { id: 'broken-release', lang: 'en', headline: 'last good copy' };
    await writeFile(out, `export const BUNDLED_RELEASES: readonly unknown[] = ${JSON.stringify([good])};\n`);
    expect(await bundleReleases({ dir: data, out, lenient: true })).toBe(true);
    const bundled = await readFile(out, 'utf8');
    expect(bundled).toContain('"headline":"last good copy"');
    expect(bundled).toContain(`"id":"${ID}"`);
  });
});

describe('the seed step', () => {
  it('refuses a copy of en.json saved as ru.json, seeds the rest, and records their base', async () => {
    const data = join(ws.dir, 'seed-data');
    await mkdir(join(data, ID), { recursive: true });
    await copyFile(SEED, join(data, ID, 'en.json'));
    await copyFile(SEED, join(data, ID, 'ru.json'));
    const store = join(ws.dir, 'seeded');
    const env = { ...process.env, BELARUS_RELEASE_DATA_DIR: data, BELARUS_RELEASE_STATE_DIR: join(ws.dir, 'state') };
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'cli/seed.ts', '--persist-to', store], { env });
    expect(stdout).toContain(`Seeded ${ID}/en (revision 1)`);
    expect(stderr).toContain(`holds ${ID}/en, but its path says ${ID}/ru`);
    expect(stderr).toContain('was not seeded');
    expect((await ws.cli('history', ID, '--lang', 'ru', '--persist-to', store)).code).toBe(1);
    const history = await ws.cliWith({ BELARUS_RELEASE_DATA_DIR: data }, 'history', ID, '--persist-to', store);
    expect(history.out).toMatch(/← current, base of .*seed-data\/belarus-2025-12\/en\.json/);
  });
});
