/**
 * The author is checked before anything starts, wherever it comes from (--author,
 * BELARUS_RELEASE_AUTHOR, git's user.name): a refused one prints no target and no diff, and
 * writes nothing. `help push` names every source of the default.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, ID, workspace, type Workspace } from './helpers';

const LONG = 'a'.repeat(101);
let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  await ws.seed('en.json');
  await editFile(ws.path('en.json'), (d) => (d.headline = 'Should not land'));
});

const history = async () => (await ws.cli('history', ID, ...ws.store)).out.trim().split('\n');

describe('an author that is too long', () => {
  const sources: [string, Record<string, string>, string[]][] = [
    ['--author', {}, ['--author', LONG]],
    ['BELARUS_RELEASE_AUTHOR', { BELARUS_RELEASE_AUTHOR: LONG }, []],
    // Configuration from the environment wins over every git config file, the checkout's too.
    [
      "git's user.name",
      { BELARUS_RELEASE_AUTHOR: '', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.name', GIT_CONFIG_VALUE_0: LONG },
      [],
    ],
  ];
  const commands = (): [string, string[]][] => [
    ['push', ['push', ws.path('en.json'), '-m', 'x']],
    ['push --dry-run', ['push', ws.path('en.json'), '--dry-run']],
    ['rollback', ['rollback', ID, '1', '-m', 'x']],
    ['unpublish', ['unpublish', ID, '-m', 'x']],
  ];
  for (const [source, env, options] of sources) {
    it(`from ${source} is refused before the target or a diff is printed, nothing written`, async () => {
      for (const [name, args] of commands()) {
        const { code, out, err } = await ws.cliWith(env, ...args, ...options, ...ws.store);
        expect(code, name).toBe(1);
        expect(out, name).toBe('');
        expect(err, name).toContain("✘ ERROR: The revision's author must be at most 100 characters");
      }
      expect(await history()).toHaveLength(1);
    });
  }
});

describe('help push', () => {
  it('names every source of the default author', async () => {
    const { out } = await ws.cli('help', 'push');
    expect(out).toMatch(
      /--author <name> +who: kept in the history \(default: \$BELARUS_RELEASE_AUTHOR, else git's user\.name, else the OS user\)/,
    );
  });
});
