/**
 * The CLI's local mode against what a failed write or a careless operator leaves in KV, and
 * against text a terminal would obey (issue 11, "What broke"; issue 9, "Any language stores").
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalKv } from '../../cli/local-store';
import type { ReleaseDocument } from '../../data/schema';
import { listRevisions, readCurrent } from '../../worker/store';
import { writeRevision } from '../../worker/write';
import { cliWith } from './run';

const ID = 'belarus-2025-12';
const ESC = '\u001b';
let dir: string;
let state: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'belarus-release-cli-repair-'));
  state = ['--persist-to', join(dir, 'state')];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CLI on this test's store, never through a dev server another test or `npm start` runs. */
const cli = (args: string[], env: Record<string, string> = {}) =>
  cliWith({ BELARUS_RELEASE_NO_DEV_SERVER: '1', BELARUS_RELEASE_STATE_DIR: join(dir, 'cli-state'), ...env }, ...args);

/** Runs `work` against the local KV of this test's state directory. */
async function withKv<T>(work: (kv: Awaited<ReturnType<typeof openLocalKv>>['kv']) => Promise<T>): Promise<T> {
  const local = await openLocalKv(join(dir, 'state'));
  try {
    return await work(local.kv);
  } finally {
    await local.dispose();
  }
}

async function file(name: string, doc: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

const data = async (lang: string) =>
  JSON.parse(await readFile(`data/releases/${ID}/${lang}.json`, 'utf8')) as ReleaseDocument;

describe('the local store after damage', { timeout: 120_000 }, () => {
  it('diffs, pushes, rolls back and shows history over a corrupt current value, printing no escapes', async () => {
    const en = await data('en');
    await withKv(async (kv) => {
      await writeRevision(kv, en, { author: 'seed', message: 'first' });
      // What an old version stored unchecked, then an operator's damage.
      const escaped = {
        revision: 2,
        savedAt: '2026-01-01T00:00:00.000Z',
        author: `${ESC}[31mroot`,
        message: `${ESC}]0;pwned${'\u0007'}`,
      };
      await kv.put(`revision:${ID}:en:00000002`, JSON.stringify({ ...escaped, document: en }), {
        metadata: JSON.stringify(escaped),
      });
      await kv.put(`current:${ID}:en`, '{not json');
    });

    const edited = await file('en.json', { ...en, headline: 'A repaired headline' });
    const diff = await cli(['diff', edited, ...state]);
    expect(diff.err).not.toMatch(/CorruptDataError|\n\s+at /);
    expect(diff.out).toContain('headline');

    const history = await cli(['history', ID, ...state]);
    expect(history.code).toBe(0);
    expect(history.out).not.toContain(ESC);
    expect(history.out).toContain('\\u001b[31mroot');

    const push = await cli(['push', edited, '-m', 'repair', '--base', '2', ...state]);
    expect(push.out).toContain('revision 2 → 3');
    expect((await cli(['rollback', ID, '1', '-m', 'undo', ...state])).out).toContain('revision 3 → 4');
    const current = await withKv((kv) => readCurrent(kv, ID, 'en'));
    expect([current?.revision, current?.document.headline]).toEqual([4, en.headline]);
  });

  it('stores a Russian headline of 200 characters with combining accents, and a long message', async () => {
    const ru = await data('ru');
    const headline = `${'Белору\u0301ссия освободи\u0301ла заключённых '.repeat(6).slice(0, 199)}х`;
    expect(headline).toHaveLength(200);
    const path = await file('ru.json', { ...ru, headline });
    const message = 'Заголово\u0301к '.repeat(50).trim().slice(0, 500);
    const push = await cli(['push', path, '-m', message, ...state]);
    expect(push.code, push.err).toBe(0);
    expect(push.out).toContain('Wrote belarus-2025-12/ru revision 1');
    const history = await withKv((kv) => listRevisions(kv, ID, 'ru'));
    expect(history.map((r) => r.message)).toEqual([message]);
  });

  it('refuses an author with terminal escapes before writing, and prints none', async () => {
    const path = await file('en-2.json', { ...(await data('en')), headline: 'Never written' });
    const { code, err } = await cli(['push', path, '-m', 'x', '--base', '4', ...state], {
      BELARUS_RELEASE_AUTHOR: `${ESC}[2Jroot`,
    });
    expect(code).toBe(1);
    expect(err).toContain('✘ ERROR:');
    expect(err).toContain('control characters');
    expect(err).not.toContain(ESC);
  });
});
