/**
 * Drafts, publishing, unpublishing and previews as an editor runs them: against a local store
 * (what readers get is the history's `current`), and through a worker's admin API on 127.0.0.1,
 * where what readers get is what its public URLs answer.
 */
import { execFile } from 'node:child_process';
import { access, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundleReleases } from '../../cli/build-widget';
import type { ReleaseDocument } from '../../data/schema';
import { ID, SEED, remoteWorker, workspace, type Workspace } from './helpers';

interface HistoryJson {
  current: number | null;
  withdrawn: number | null;
  newest: number;
  unpublished: { message: string } | null;
  revisions: { revision: number; draft?: true; current: boolean }[];
}

const historyOf = async (ws: Workspace, ...where: string[]) =>
  JSON.parse((await ws.cli('history', ID, '--json', ...where)).out) as HistoryJson;

/** A workspace whose store holds revision 1, and draft.json: revision 1 with a new headline. */
async function withDraftFile(): Promise<Workspace> {
  const ws = await workspace();
  await ws.seed('draft.json');
  const doc = await ws.read('draft.json');
  await ws.write('draft.json', (d) => Object.assign(d, doc, { headline: 'A headline in draft' }));
  return ws;
}

describe('a local draft', () => {
  it('is written to the history but not given to readers, and history says so', async () => {
    const ws = await withDraftFile();
    const pushed = await ws.cli('push', ws.path('draft.json'), '-m', 'Try', '--draft', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain('revision 1 → 2 (a draft: readers do not get it)');
    expect(pushed.out).toContain(`\`belarus-release publish ${ID}\` makes it public`);
    const text = (await ws.cli('history', ID, ...ws.store)).out.trim().split('\n');
    expect(text[0]).toMatch(/← current/);
    expect(text[1]).toMatch(/← draft/);
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: 1, newest: 2 });
  });

  it('is published by `publish`, which first shows what readers will get', async () => {
    const ws = await withDraftFile();
    await ws.cli('push', ws.path('draft.json'), '-m', 'Try', '--draft', ...ws.store);
    const dry = await ws.cli('publish', ID, '--dry-run', ...ws.store);
    expect(dry.out).toMatch(/en: revision 1 → 2\n {4}~ headline: ".*" → "A headline in draft"/);
    expect(dry.out).toContain('Dry run: nothing published');
    expect((await historyOf(ws, ...ws.store)).current).toBe(1);
    const done = await ws.cli('publish', ID, ...ws.store);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain(`✔ Published ${ID}`);
    expect((await historyOf(ws, ...ws.store)).current).toBe(2);
  });

  it('says there is nothing to publish when readers have the newest revision', async () => {
    const ws = await workspace();
    await ws.seed();
    const { code, out } = await ws.cli('publish', ID, ...ws.store);
    expect(code).toBe(0);
    expect(out).toContain('Nothing to publish');
  });
});

describe('unpublish, locally', () => {
  it('needs a message', async () => {
    const ws = await workspace();
    await ws.seed();
    const { code, err } = await ws.cli('unpublish', ID, ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('unpublish needs a message');
    expect((await historyOf(ws, ...ws.store)).unpublished).toBeNull();
  });

  it('takes the release from readers and keeps its history; publish brings it back', async () => {
    const ws = await workspace();
    await ws.seed();
    const gone = await ws.cli('unpublish', ID, '-m', 'Legal check', ...ws.store);
    expect(gone.code, gone.err).toBe(0);
    expect(gone.out).toContain(`✔ Unpublished ${ID} (en)`);
    expect(await historyOf(ws, ...ws.store)).toMatchObject({
      current: null,
      unpublished: { message: 'Legal check' },
      revisions: [{ revision: 1 }],
    });
    expect((await ws.cli('history', ID, ...ws.store)).out).toMatch(/^Unpublished since .* by tester: Legal check/);
    const back = await ws.cli('publish', ID, ...ws.store);
    expect(back.out).toContain('It is unpublished');
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: 1, unpublished: null });
  });

  it('keeps a push to the unpublished release as a draft, and says so', async () => {
    const ws = await withDraftFile();
    await ws.cli('unpublish', ID, '-m', 'Legal check', ...ws.store);
    const pushed = await ws.cli('push', ws.path('draft.json'), '-m', 'Fix', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain('The release is unpublished, so it is kept as a draft');
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: null, revisions: [{}, { draft: true }] });
  });

  it('labels the draft it published "published, now unpublished"; a draft pushed since stays a draft', async () => {
    const ws = await withDraftFile();
    await ws.cli('push', ws.path('draft.json'), '-m', 'Try', '--draft', ...ws.store);
    expect((await ws.cli('publish', ID, ...ws.store)).code).toBe(0);
    expect((await ws.cli('unpublish', ID, '-m', 'Legal check', ...ws.store)).code).toBe(0);
    await ws.write('draft.json', (d) => Object.assign(d, { headline: 'A headline fixed while unpublished' }));
    expect((await ws.cli('push', ws.path('draft.json'), '-m', 'Fix', ...ws.store)).code).toBe(0);
    const lines = (await ws.cli('history', ID, ...ws.store)).out.trim().split('\n').slice(-3);
    expect(lines[0]).not.toContain('←');
    expect(lines[1]).toMatch(/ {3}2 .* Try {3}← published, now unpublished$/);
    expect(lines[2]).toMatch(/ {3}3 .* Fix {3}← draft/);
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: null, withdrawn: 2, newest: 3 });
  });

  it('refuses a release that does not exist', async () => {
    const ws = await workspace();
    await ws.seed();
    const { code, err } = await ws.cli('unpublish', 'no-such-release', '-m', 'x', ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('There is no release no-such-release');
  });
});

describe('the seed step of `npm start`', () => {
  it('neither republishes an unpublished release nor overwrites a draft; a new language stays a draft', async () => {
    const ws = await withDraftFile();
    await ws.cli('push', ws.path('draft.json'), '-m', 'Try', '--draft', ...ws.store);
    await ws.cli('unpublish', ID, '-m', 'Legal check', ...ws.store);
    const data = join(ws.dir, 'seed-data');
    await mkdir(join(data, ID), { recursive: true });
    await copyFile(SEED, join(data, ID, 'en.json'));
    await copyFile(SEED.replace('en.json', 'be.json'), join(data, ID, 'be.json'));
    const env = { ...process.env, BELARUS_RELEASE_DATA_DIR: data, BELARUS_RELEASE_STATE_DIR: join(ws.dir, 'state') };
    await promisify(execFile)('npx', ['tsx', 'cli/seed.ts', ...ws.store], { env });
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: null, newest: 2, unpublished: {} });
    const belarusian = await historyOf(ws, '--lang', 'be', ...ws.store);
    expect(belarusian).toMatchObject({ current: null, revisions: [{ revision: 1, draft: true }] });
  });
});

describe('a release marked withheld in data/releases/', () => {
  /** A data folder holding the shipped release, marked withheld, and another one. */
  async function withheldData(ws: Workspace): Promise<string> {
    const data = join(ws.dir, 'withheld-data');
    for (const id of [ID, 'other-release']) await mkdir(join(data, id), { recursive: true });
    await copyFile(SEED, join(data, ID, 'en.json'));
    await writeFile(join(data, ID, 'withheld.txt'), 'Unpublished\n');
    const other = JSON.parse(await readFile(SEED, 'utf8')) as ReleaseDocument;
    await writeFile(join(data, 'other-release', 'en.json'), JSON.stringify({ ...other, id: 'other-release' }));
    return data;
  }

  it('is left out of the copy bundled into the worker, which readers get when KV fails', async () => {
    const ws = await workspace();
    const out = join(ws.dir, 'bundle.ts');
    expect(await bundleReleases({ dir: await withheldData(ws), out, lenient: false })).toBe(true);
    const bundled = await readFile(out, 'utf8');
    expect(bundled).not.toContain(`"id":"${ID}"`);
    expect(bundled).toContain('"id":"other-release"');
  });

  it('is seeded as a draft', async () => {
    const ws = await workspace();
    const env = {
      ...process.env,
      BELARUS_RELEASE_DATA_DIR: await withheldData(ws),
      BELARUS_RELEASE_STATE_DIR: join(ws.dir, 'state'),
    };
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'cli/seed.ts', ...ws.store], { env });
    expect(stdout).toContain(`Seeded ${ID}/en (revision 1, a draft: its release is withheld)`);
    expect(await historyOf(ws, ...ws.store)).toMatchObject({ current: null, revisions: [{ draft: true }] });
  });
});

describe('preview, locally', () => {
  it('says a link needs a running worker', async () => {
    const ws = await workspace();
    await ws.seed();
    const { code, err } = await ws.cli('preview', ID, ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('A preview link needs a running worker');
  });
});

describe('through --remote', () => {
  const server = remoteWorker('publishing-test-token');
  const remote = server.args;
  const read = (path: string) => fetch(`${server.origin()}${path}`);

  /** A release of its own (the worker is shared by the tests of this file), pushed as a draft. */
  async function draftRelease(id: string): Promise<Workspace> {
    const ws = await workspace();
    await ws.write('new.json', (d) => Object.assign(d, { id, headline: `Draft ${id}` }));
    const pushed = await ws.cli('push', ws.path('new.json'), '-m', 'New', '--draft', ...remote());
    expect(pushed.code, pushed.err).toBe(0);
    return ws;
  }

  it('keeps a draft from readers and shows it through a preview link', async () => {
    const ws = await draftRelease('remote-draft');
    expect((await read('/api/releases/remote-draft')).status).toBe(404);
    const preview = await ws.cli('preview', 'remote-draft', '--json', '--hours', '1', ...remote());
    expect(preview.code, preview.err).toBe(0);
    const { links } = JSON.parse(preview.out) as { links: { api: string; page: string } };
    const response = await fetch(links.api);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(((await response.json()) as ReleaseDocument).headline).toBe('Draft remote-draft');
    expect(await (await fetch(links.page)).text()).toContain('Draft remote-draft');
  });

  it('publishes, unpublishes (410) and publishes again, with the history intact', async () => {
    const ws = await draftRelease('remote-cycle');
    expect((await ws.cli('publish', 'remote-cycle', ...remote())).code).toBe(0);
    expect((await read('/api/releases/remote-cycle')).status).toBe(200);
    const gone = await ws.cli('unpublish', 'remote-cycle', '-m', 'Withdrawn', ...remote());
    expect(gone.code, gone.err).toBe(0);
    expect((await read('/api/releases/remote-cycle')).status).toBe(410);
    expect((await read('/releases/remote-cycle')).status).toBe(410);
    const index = (await (await read('/api/releases')).json()) as { releases: { id: string }[] };
    expect(index.releases.map((r) => r.id)).not.toContain('remote-cycle');
    expect((await ws.cli('publish', 'remote-cycle', ...remote())).code).toBe(0);
    expect((await read('/api/releases/remote-cycle')).status).toBe(200);
    const history = JSON.parse((await ws.cli('history', 'remote-cycle', '--json', ...remote())).out) as HistoryJson;
    expect(history).toMatchObject({ current: 1, unpublished: null, revisions: [{ revision: 1 }] });
  });

  it('labels a draft that was published, then unpublished, as such, not as a draft', async () => {
    const ws = await draftRelease('remote-withdrawn');
    expect((await ws.cli('publish', 'remote-withdrawn', ...remote())).code).toBe(0);
    expect((await ws.cli('unpublish', 'remote-withdrawn', '-m', 'Withdrawn', ...remote())).code).toBe(0);
    const text = (await ws.cli('history', 'remote-withdrawn', ...remote())).out.trim().split('\n');
    expect(text.at(-1)).toMatch(/ {3}1 .* New {3}← published, now unpublished, base of /);
    const history = JSON.parse((await ws.cli('history', 'remote-withdrawn', '--json', ...remote())).out) as HistoryJson;
    expect(history).toMatchObject({ current: null, withdrawn: 1, revisions: [{ revision: 1, draft: true }] });
  });

  it('marks a release it unpublishes withheld in data/releases/, and publish lifts the mark', async () => {
    const ws = await draftRelease('remote-mark');
    const data = join(ws.dir, 'data');
    await mkdir(join(data, 'remote-mark'), { recursive: true });
    const mark = join(data, 'remote-mark', 'withheld.txt');
    const env = { BELARUS_RELEASE_DATA_DIR: data };
    await ws.cliWith(env, 'publish', 'remote-mark', ...remote());
    const gone = await ws.cliWith(env, 'unpublish', 'remote-mark', '-m', 'Withdrawn', ...remote());
    expect(gone.out).toContain('withheld.txt: commit it');
    expect(await readFile(mark, 'utf8')).toContain('Withdrawn');
    const back = await ws.cliWith(env, 'publish', 'remote-mark', ...remote());
    expect(back.out).toContain('Removed');
    await expect(access(mark)).rejects.toThrow();
  });

  it('refuses a wrong token and changes nothing', async () => {
    await draftRelease('remote-token');
    const ws = await workspace();
    const args = ['--remote', server.origin(), '--token', 'wrong-token'];
    const { code, err } = await ws.cli('publish', 'remote-token', ...args);
    expect(code).toBe(1);
    expect(err).toContain('✘ ERROR: Unauthorized:');
    expect((await read('/api/releases/remote-token')).status).toBe(404);
  });
});
