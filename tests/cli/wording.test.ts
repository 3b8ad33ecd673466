/**
 * Small things an editor meets: the words of a refusal name what they typed (not an option they
 * did not give), suggest the nearest option, give the corrected URL, and a hint that helps.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID, workspace, type Workspace } from './helpers';

const nowhere = ['--remote', 'http://127.0.0.1:9', '--token', 't'];
let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  await ws.seed();
});

describe('rollback to a revision that is not one', () => {
  for (const revision of ['0', 'x', '1.5', ' ']) {
    it(`says "${revision}" is not a revision, naming no option, with the real history command`, async () => {
      const { code, err } = await ws.cli('rollback', ID, revision, '-m', 'x', '--lang', 'ru', ...nowhere);
      expect(code).toBe(1);
      expect(err).toContain(`✘ ERROR: The revision "${revision}" is not a revision number`);
      expect(err).not.toContain('--revision');
      expect(err).toContain(`Run \`belarus-release history ${ID} --lang ru\` to list them.`);
    });
  }

  it('says revisions count from 1', async () => {
    expect((await ws.cli('rollback', ID, '0', '-m', 'x', ...nowhere)).err).toContain('they count from 1');
  });

  it('gives pull --revision and diff --from the real history command too', async () => {
    expect((await ws.cli('pull', ID, '--revision', 'two', ...nowhere)).err).toContain(
      `--revision "two" is not a revision number.\n\nRun \`belarus-release history ${ID}\` to list them.`,
    );
    expect((await ws.cli('diff', ID, '--from', '0', ...nowhere)).err).toContain(`history ${ID}\``);
  });
});

describe('a mistyped option', () => {
  const cases: [string[], string][] = [
    [['pull', ID, '--lnag', 'ru'], 'Unknown option --lnag. Did you mean --lang?'],
    [['push', 'en.json', '--mesage', 'x'], 'Unknown option --mesage. Did you mean --message?'],
    [['history', ID, '--remtoe', 'x'], 'Unknown option --remtoe. Did you mean --remote?'],
    [['pull', ID, '--zzzzzz'], 'Unknown option --zzzzzz.\n'],
  ];
  for (const [args, message] of cases) {
    it(`${args[2]} gets "${message.trim()}"`, async () => {
      const { code, err } = await ws.cli(...args);
      expect(code).toBe(1);
      expect(err).toContain(message);
    });
  }
});

describe('--remote without a scheme', () => {
  const cases: [string, string][] = [
    ['127.0.0.1:8787', 'Use --remote http://127.0.0.1:8787'],
    ['localhost:8787', 'Use --remote http://localhost:8787'],
    ['facts.example', 'Use --remote https://facts.example'],
    ['ftp://facts.example', 'Use --remote https://facts.example'],
  ];
  for (const [remote, hint] of cases) {
    it(`${remote} says it needs http:// or https://, with the corrected URL`, async () => {
      const { code, err } = await ws.cli('history', ID, '--remote', remote, '--token', 't');
      expect(code).toBe(1);
      expect(err).toContain(`✘ ERROR: --remote "${remote}" is not a worker URL: it needs http:// or https://.`);
      expect(err).toContain(hint);
      expect(err).not.toContain('Invalid URL');
    });
  }
});

describe('a document that is not there', () => {
  it('preview names the releases there are, not `history`', async () => {
    const { code, err } = await ws.cli('preview', 'nope', ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('There is no release nope in the local store');
    expect(err).toContain(`The releases under data/releases/: ${ID}`);
    expect(err).not.toContain('Run `history`');
  });

  it('suggests the nearest release id', async () => {
    expect((await ws.cli('pull', 'belarus-2025-11', ...ws.store)).err).toContain(`Did you mean ${ID}?`);
  });

  it('names the languages a release has, and how to start another', async () => {
    const { err } = await ws.cli('preview', ID, '--lang', 'pl', ...ws.store);
    expect(err).toContain(`There is no document ${ID}/pl in the local store`);
    expect(err).toContain(`${ID} is there in en.`);
    expect(err).toContain(`\`belarus-release translate ${ID} pl\` starts it`);
  });
});

describe('validate and the English revision a translation names', () => {
  it('says a translation names a revision newer than the English file beside it', async () => {
    const dir = join(ws.dir, 'releases', ID);
    await mkdir(dir, { recursive: true });
    const env = { BELARUS_RELEASE_DATA_DIR: join(ws.dir, 'releases') };
    await ws.cliWith(env, 'pull', ID, '--out', join(dir, 'en.json'), ...ws.store);
    await copyFile(`data/releases/${ID}/ru.json`, join(dir, 'ru.json'));
    const ru = JSON.parse(await readFile(join(dir, 'ru.json'), 'utf8')) as { translation: { revision: number } };
    ru.translation.revision = 99;
    await writeFile(join(dir, 'ru.json'), JSON.stringify(ru, null, 2));
    const { code, err } = await ws.cliWith(env, 'validate', join(dir, 'ru.json'));
    expect(code).toBe(0);
    expect(err).toContain(`names English revision 99, but ${join(dir, 'en.json')} is revision 1`);
    expect(err).toContain(`push refuses it unless the store holds revision 99 of ${ID}/en`);
    expect(err).not.toContain('may have moved on');
  });
});
