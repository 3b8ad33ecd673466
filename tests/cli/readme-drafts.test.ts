/**
 * The README's draft example works as written, and a translation that changes what only English
 * may change is refused with the file, line and column of each problem, locally and through a
 * worker.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { editFile, ID, remoteWorker, workspace, type Workspace } from './helpers';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** The arguments of the README's `npx belarus-release …` line that contains `text`. */
function readmeCommand(text: string): string[] {
  const line = readme.split('\n').find((l) => l.startsWith('npx belarus-release ') && l.includes(text));
  if (!line) throw new Error(`The README has no \`npx belarus-release\` line with ${text}`);
  const command = line.replace(/\s+#.*$/, '').slice('npx belarus-release '.length);
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** Runs a README line in `ws`, its files in the workspace. */
const run = (ws: Workspace, args: string[], ...where: string[]) =>
  ws.cli(...args.map((a) => (a.endsWith('.json') ? ws.path(a) : a)), ...where);

describe('the README draft example', () => {
  it('pulls en.json, and pushes a new count as a draft, as written', async () => {
    const ws = await workspace();
    await ws.seed();
    const pulled = await run(ws, readmeCommand('--out en.json'), ...ws.store);
    expect(pulled.code, pulled.err).toBe(0);
    await editFile(ws.path('en.json'), (d) => (d.released.count = 124));
    const pushed = await run(ws, readmeCommand('--draft'), ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain('~ released.count: 123 → 124');
    expect(pushed.out).toContain('(a draft: readers do not get it)');
  });
});

/** The line and column of the `"count"` key in ru.json (where validation errors point too), as `ru.json:line:column`. */
async function countPlace(ws: Workspace): Promise<string> {
  const text = await readFile(ws.path('ru.json'), 'utf8');
  const before = text.slice(0, text.indexOf('"count"'));
  return `${ws.path('ru.json')}:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
}

const expectLocated = async (ws: Workspace, err: string) => {
  expect(err).toContain(
    `✘ ERROR: ${ws.path('ru.json')}: The translation does not match the English revision it names.`,
  );
  expect(err).toContain(`${await countPlace(ws)}: /released/count: must be 123, as in English`);
  expect(err).toContain('change them in en.json');
  expect(err).not.toMatch(/\b400\b/);
};

describe('a count changed in a translation', () => {
  it('is refused by the local store with file:line:column, nothing written', async () => {
    const ws = await workspace();
    await ws.seed();
    await copyFile(`data/releases/${ID}/ru.json`, ws.path('ru.json'));
    expect((await ws.cli('push', ws.path('ru.json'), '-m', 'ru', '--base', '0', ...ws.store)).code).toBe(0);
    await editFile(ws.path('ru.json'), (d) => (d.released.count = 124));
    const { code, err } = await ws.cli('push', ws.path('ru.json'), '-m', 'New count', '--draft', ...ws.store);
    expect(code).toBe(1);
    await expectLocated(ws, err);
    expect((await ws.cli('history', ID, '--lang', 'ru', '--json', ...ws.store)).out).not.toContain('New count');
  });

  describe('through a worker', () => {
    const server = remoteWorker('readme-test-token');
    it('is refused with the same message, file:line:column and no HTTP status', async () => {
      const ws = await workspace();
      expect((await ws.cli('pull', ID, '--lang', 'ru', '--out', ws.path('ru.json'), ...server.args())).code).toBe(0);
      await editFile(ws.path('ru.json'), (d) => (d.released.count = 124));
      const { code, err } = await ws.cli('push', ws.path('ru.json'), '-m', 'New count', '--draft', ...server.args());
      expect(code).toBe(1);
      await expectLocated(ws, err);
    });
  });
});
