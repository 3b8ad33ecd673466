/**
 * The release id and --lang an editor types are checked before any store or server is asked:
 * the same message with the local store and with a worker (here one that does not exist, so an
 * answer that mentions reaching it would show the check came too late).
 */
import { describe, expect, it } from 'vitest';
import { ID, SEED, workspace } from './helpers';

const ws = await workspace();
const nowhere = ['--remote', 'http://127.0.0.1:9', '--token', 't'];

describe('a language that is not one of the six', () => {
  const commands: [string, string[]][] = [
    ['pull', ['pull', ID]],
    ['history', ['history', ID]],
    ['diff --from', ['diff', ID, '--from', '1']],
    ['rollback', ['rollback', ID, '1', '-m', 'x']],
    ['publish', ['publish', ID]],
    ['preview', ['preview', ID]],
    ['card', ['card', ID]],
  ];
  for (const [name, args] of commands) {
    it(`is refused by ${name} with the list, the same locally and remotely, exit 1`, async () => {
      const local = await ws.cli(...args, '--lang', 'de', ...ws.store);
      const remote = await ws.cli(...args, '--lang', 'de', ...nowhere);
      expect(local.code).toBe(1);
      expect(local.err).toContain('✘ ERROR: --lang "de" is not one of the languages of the facts.');
      expect(local.err).toContain('The languages: en, be, ru, uk, pl, lt');
      expect(remote.code).toBe(1);
      expect(remote.err).toBe(local.err);
    });
  }

  it('refuses what is not a language tag at all, printing it inert', async () => {
    const { code, err } = await ws.cli('pull', ID, '--lang', 'ru\u001b[31m', ...nowhere);
    expect(code).toBe(1);
    expect(err).toContain('--lang "ru\\u001b[31m" is not one of the languages');
  });
});

describe('a language in another case or with a region', () => {
  it('is read as the language: RU, ru-RU and ru_RU are ru', async () => {
    await ws.seed();
    for (const lang of ['RU', 'ru-RU', 'ru_RU']) {
      const { code, err } = await ws.cli('pull', ID, '--lang', lang, ...ws.store);
      expect(code).toBe(1);
      expect(err).toContain('There is no document belarus-2025-12/ru');
    }
    const { code, out } = await ws.cli('history', ID, '--lang', 'EN', ...ws.store);
    expect(code).toBe(0);
    expect(out).toContain('← current');
  });
});

describe('a release id that breaks the rule', () => {
  const ids = ['Belarus 2025', 'BELARUS-2025-12', 'belarus_2025', 'x-', 'latest', 'a'.repeat(81), '../en'];
  for (const id of ids) {
    it(`refuses "${id.slice(0, 20)}" with the rule, the same locally and remotely, exit 1`, async () => {
      const local = await ws.cli('pull', id, ...ws.store);
      const remote = await ws.cli('pull', id, ...nowhere);
      expect(local.code).toBe(1);
      expect(local.err).toContain(`✘ ERROR: "${id}" is not a release id.`);
      expect(remote.err).toBe(local.err);
      expect(remote.err).not.toMatch(/400|Could not reach|Invalid request/);
    });
  }

  it('says how the name would be written as an id', async () => {
    const { err } = await ws.cli('history', 'Belarus 2025 12', ...nowhere);
    expect(err).toContain('lower-case letters and digits in words joined by hyphens');
    expect(err).toContain('As an id it would be belarus-2025-12; the ids are the folder names under data/releases/.');
  });

  it('is checked by every command that takes an id', async () => {
    for (const args of [
      ['history', 'X Y'],
      ['rollback', 'X Y', '1', '-m', 'x'],
      ['diff', 'X Y', '--from', '1'],
      ['publish', 'X Y'],
      ['unpublish', 'X Y', '-m', 'x'],
      ['preview', 'X Y'],
      ['card', 'X Y'],
      ['translate', 'X Y', 'ru'],
      ['translations', 'X Y'],
    ]) {
      const { code, err } = await ws.cli(...args, ...nowhere);
      expect(code, args.join(' ')).toBe(1);
      expect(err, args.join(' ')).toContain('"X Y" is not a release id.');
    }
  });

  it('leaves files alone: push reads the id from the file', async () => {
    const { err } = await ws.cli('push', SEED, '-m', 'x', '--dry-run', ...nowhere);
    expect(err).not.toContain('is not a release id');
  });
});

describe('translate', () => {
  it('takes its language in any case, and refuses English and the unknown', async () => {
    expect((await ws.cli('translate', ID, 'xx', ...nowhere)).err).toContain('"xx" is not one of the languages');
    expect((await ws.cli('translate', ID, 'EN', ...nowhere)).err).toContain('English is the source');
  });
});
