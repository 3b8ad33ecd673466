/**
 * The CLI behaves like the ones editors know (wrangler, gh, git): --version, help, per-command
 * help with only that command's options, usage for a mistyped option, a required message,
 * --json on the commands that read, an author from git, and no chatter from wrangler.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID, SEED, workspace, type Workspace } from './helpers';

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  await ws.seed('en.json');
});

describe('help and version', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect((await ws.cli('--version')).out.trim()).toBe(`belarus-release ${version}`);
  });

  it('lists every command with `help`, and one command’s options with `help <command>`', async () => {
    const overview = (await ws.cli('help')).out;
    for (const command of ['validate', 'diff', 'push', 'pull', 'history', 'rollback'])
      expect(overview).toContain(command);
    const push = await ws.cli('help', 'push');
    expect(push.out).toBe((await ws.cli('push', '--help')).out);
    expect(push.out).toMatch(/^ {2}-m, --message <text> +why: kept in the history \(required\)$/m);
    expect(push.out).toMatch(/^ {6}--dry-run +show what would be written, and write nothing$/m);
    expect(push.out).toMatch(/^ {6}--force +replace the current revision/m);
  });

  it('lists only the options a command takes: validate has no store options', async () => {
    const { out } = await ws.cli('validate', '--help');
    expect(out).toContain('--json');
    for (const option of ['--remote', '--token', '--persist-to', '--message']) expect(out).not.toContain(option);
  });

  it('answers an unknown option with that command’s usage, not Node’s parser message', async () => {
    const { code, err } = await ws.cli('history', ID, '--bogus');
    expect(code).toBe(1);
    expect(err).toContain('✘ ERROR: Unknown option --bogus.');
    expect(err).toContain('Usage: belarus-release history <id> [options]');
    expect(err).toContain('--lang <xx>');
    expect(err).not.toContain('ERR_PARSE_ARGS');
  });

  it('suggests the command meant', async () => {
    const { code, err } = await ws.cli('histroy', ID);
    expect(code).toBe(1);
    expect(err).toContain('Unknown command "histroy". Did you mean "history"?');
  });
});

describe('writing', () => {
  it('requires a message for push, saying how to give one, and writes nothing', async () => {
    const doc = await ws.read('en.json');
    await writeFile(ws.path('en.json'), JSON.stringify({ ...doc, headline: 'No message given' }));
    const { code, err } = await ws.cli('push', ws.path('en.json'), ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('push needs a message');
    expect(err).toContain('-m "');
    expect((await ws.cli('history', ID, ...ws.store)).out.trim().split('\n')).toHaveLength(1);
  });

  it('records --author, else git’s user.name', async () => {
    await writeFile(ws.path('gitconfig'), '[user]\n\tname = Editor From Git\n');
    const env = { BELARUS_RELEASE_AUTHOR: '', GIT_CONFIG_GLOBAL: ws.path('gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
    const edit = async (headline: string) => {
      const doc = await ws.read('en.json');
      await writeFile(ws.path('en.json'), JSON.stringify({ ...doc, headline }));
    };
    await edit('Pushed with git user.name');
    expect((await ws.cliWith(env, 'push', ws.path('en.json'), '-m', 'git', ...ws.store)).code).toBe(0);
    await edit('Pushed with --author');
    expect((await ws.cliWith(env, 'push', ws.path('en.json'), '-m', 'a', '--author', 'Ana', ...ws.store)).code).toBe(0);
    const { revisions } = JSON.parse((await ws.cli('history', ID, '--json', ...ws.store)).out) as {
      revisions: { author: string }[];
    };
    expect(revisions.slice(-2).map((r) => r.author)).toEqual(['Editor From Git', 'Ana']);
  });
});

describe('--json', () => {
  const reads: [string, string[]][] = [
    ['validate', ['validate', SEED, '--json']],
    ['history', ['history', ID, '--json']],
    ['pull', ['pull', ID, '--json']],
    ['diff', ['diff', ID, '--from', '1', '--json']],
    ['translations', ['translations', ID, '--json']],
  ];
  for (const [command, args] of reads) {
    it(`is JSON on stdout for ${command}`, async () => {
      const { out } = await ws.cli(...args, ...(command === 'validate' ? [] : ws.store));
      expect(() => JSON.parse(out) as unknown).not.toThrow();
    });
  }
});

describe('local commands', () => {
  it('say nothing about .dev.vars or wrangler', async () => {
    const { out, err } = await ws.cli('history', ID, ...ws.store);
    expect(`${out}${err}`).not.toMatch(/\.dev\.vars|wrangler|secrets/i);
  });
});
