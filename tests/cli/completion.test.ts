/**
 * Shell completion: the scripts come from the same definitions as the help, and a real shell
 * completes with them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run';
import { workspace } from './helpers';

/** What bash offers for the words typed so far (the last one being completed). */
function bashCompletes(script: string, words: string[]): string[] {
  const typed = words.map((w) => `'${w}'`).join(' ');
  const run = `${script}\nCOMP_WORDS=(belarus-release ${typed}); COMP_CWORD=${words.length}; _belarus_release; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', run], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const hasZsh = spawnSync('zsh', ['--version']).status === 0;

describe('completion', () => {
  it('completes commands and each command’s own options in bash', async () => {
    const { code, out } = await cli('completion', 'bash');
    expect(code).toBe(0);
    expect(bashCompletes(out, ['pu'])).toEqual(['push', 'pull', 'publish']);
    expect(bashCompletes(out, ['push', '--d'])).toEqual(['--dry-run', '--draft']);
    expect(bashCompletes(out, ['pull', '--d'])).toEqual([]);
  });

  it('offers in bash exactly the options that each command’s help lists', async () => {
    const script = (await cli('completion', 'bash')).out;
    for (const command of ['push', 'publish', 'unpublish', 'preview', 'validate']) {
      const help = (await cli('help', command)).out;
      const listed = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]).sort();
      const offered = bashCompletes(script, [command, '--']).sort();
      expect(offered, command).toEqual(listed);
    }
  });

  it.skipIf(!hasZsh)('gives zsh a script it parses, describing every command', async () => {
    const { code, out } = await cli('completion', 'zsh');
    expect(code).toBe(0);
    const ws = await workspace();
    const file = join(ws.dir, '_belarus-release');
    await writeFile(file, out);
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    expect(out).toContain("'unpublish:Take a release off the index");
  });

  it('refuses a shell it does not know, naming the ones it does', async () => {
    const { code, err } = await cli('completion', 'fish');
    expect(code).toBe(1);
    expect(err).toContain('No completion for the shell "fish"');
    expect(err).toContain('completion bash');
  });
});
