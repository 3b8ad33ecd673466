/**
 * Files are safe: pull never overwrites without --force, never writes through a symbolic link,
 * creates missing folders and writes the repository's layout (what Prettier gives); a BOM is
 * accepted; a directory or a missing path is one clear error.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDataFiles } from '../../cli/data-files';
import { formatJson } from '../../cli/files';
import { ID, SEED, seedDocument, workspace, type Workspace } from './helpers';

let ws: Workspace;

beforeAll(async () => {
  ws = await workspace();
  await ws.seed();
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('pull --out', () => {
  it('never overwrites an existing file without --force, and replaces it with --force', async () => {
    await writeFile(ws.path('mine.json'), '{ "my": "edits" }\n');
    const refused = await ws.cli('pull', ID, '--out', ws.path('mine.json'), ...ws.store);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('exists already: nothing was written');
    expect(refused.err).toContain('--force');
    expect(await readFile(ws.path('mine.json'), 'utf8')).toBe('{ "my": "edits" }\n');

    expect((await ws.cli('pull', ID, '--out', ws.path('mine.json'), '--force', ...ws.store)).code).toBe(0);
    expect((await ws.read('mine.json')).id).toBe(ID);
  });

  it('never writes through a symbolic link, with or without --force', async () => {
    await writeFile(ws.path('system-file'), 'precious\n');
    await symlink(ws.path('system-file'), ws.path('link.json'));
    for (const force of [[], ['--force']]) {
      const { code, err } = await ws.cli('pull', ID, '--out', ws.path('link.json'), ...force, ...ws.store);
      expect(code).toBe(1);
      expect(err).toContain('is a symbolic link: the CLI never writes through one');
    }
    expect(await readFile(ws.path('system-file'), 'utf8')).toBe('precious\n');
    expect((await lstat(ws.path('link.json'))).isSymbolicLink()).toBe(true);
  });

  it('creates missing folders', async () => {
    const out = ws.path('new/folder/en.json');
    expect((await ws.cli('pull', ID, '--out', out, ...ws.store)).code).toBe(0);
    expect((await ws.read('new/folder/en.json')).lang).toBe('en');
  });

  it('writes a file that passes prettier --check with the repository’s configuration', async () => {
    const out = ws.path('pretty.json');
    await ws.cli('pull', ID, '--out', out, ...ws.store);
    const check = promisify(execFile)('npx', ['prettier', '--config', '.prettierrc.json', '--check', out]);
    await expect(check).resolves.toBeDefined();
  });

  it('answers a directory with one clear error', async () => {
    await mkdir(ws.path('folder'), { recursive: true });
    const { code, err } = await ws.cli('pull', ID, '--out', ws.path('folder'), ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain(`✘ ERROR: ${ws.path('folder')} is a directory.`);
    noStack(err);
  });
});

describe('reading files', () => {
  it('accepts a UTF-8 byte-order mark', async () => {
    await writeFile(ws.path('bom.json'), `\uFEFF${await readFile(SEED, 'utf8')}`);
    const { code, out } = await ws.cli('validate', ws.path('bom.json'));
    expect(code).toBe(0);
    expect(out).toContain(`✔ ${ws.path('bom.json')}`);
  });

  const missing: [string, (ws: Workspace) => string[], string][] = [
    ['validate of a directory', (w) => ['validate', w.dir], 'is a directory: name a .json file in it.'],
    ['push of a missing file', (w) => ['push', w.path('nope.json'), '-m', 'x', ...w.store], 'does not exist'],
    ['diff of a missing file', (w) => ['diff', w.path('nope.json'), ...w.store], 'does not exist: check the path.'],
  ];
  for (const [what, args, message] of missing) {
    it(`answers ${what} with one ✘ ERROR line and no stack trace`, async () => {
      const { code, err } = await ws.cli(...args(ws));
      expect(code).toBe(1);
      expect(err.trim().split('\n')).toEqual([expect.stringMatching(/^✘ ERROR: /)]);
      expect(err).toContain(message);
    });
  }
});

describe('the repository’s layout', () => {
  it('is exactly what Prettier makes of each data file', async () => {
    for (const file of await listDataFiles()) {
      const text = await readFile(file.path, 'utf8');
      expect(formatJson(JSON.parse(text)), file.path).toBe(text);
    }
  });

  it('is what Prettier gives for edited documents too: long and short lists and objects', async () => {
    const doc = await seedDocument();
    doc.people[0]!.aliases = ['A', 'B'];
    doc.people[1]!.aliases = Array.from({ length: 8 }, (_, i) => `A rather long alias number ${i}`);
    doc.released = { count: 1, source: 'x'.repeat(100) };
    doc.context = [{ text: 'Short.', source: 's' }];
    doc.translation = { from: 'en', revision: 1, same: [] };
    const expected = await prettier.format(JSON.stringify(doc), { parser: 'json', printWidth: 120 });
    expect(formatJson(doc)).toBe(expected);
  });
});
