/**
 * The CLI as an editor runs it (`node cli/bin.js …`, what `npx belarus-release` runs), against
 * both targets: a local store in a temporary directory, and a worker started on 127.0.0.1.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import type { ReleaseDocument } from '../../data/schema';
import { cli } from './run';

const SEED = 'data/releases/belarus-2025-12/en.json';
const TOKEN = 'cli-test-token';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'belarus-release-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the seed document with `edit` applied, written to a file in the temp dir. */
async function edited(name: string, edit: (doc: ReleaseDocument & Record<string, unknown>) => void): Promise<string> {
  const doc = JSON.parse(await readFile(SEED, 'utf8'));
  edit(doc);
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

describe('belarus-release validate', () => {
  it('passes the shipped data', async () => {
    const { code, out } = await cli('validate');
    expect(code).toBe(0);
    expect(out).toContain(`✔ ${SEED}`);
  });

  const bad: [string, (doc: ReleaseDocument & Record<string, unknown>) => void, string][] = [
    ['HTML in a string', (d) => (d.headline = '<script>alert(1)</script>'), '/headline'],
    ['a data: URL', (d) => (d.sources[0]!.url = 'data:text/html,x'), '/sources/0/url'],
    ['a fractional count', (d) => (d.released.count = 1.5), '/released/count'],
    ['an unknown field', (d) => (d.extra = 1), 'extra'],
    ['an over-long string', (d) => (d.summary = 'x'.repeat(5000)), '/summary'],
    ['a missing field', (d) => delete (d as Partial<ReleaseDocument>).date, '/date'],
  ];
  for (const [what, edit, path] of bad) {
    it(`reports ${what} with the file and JSON path, exit 1`, async () => {
      const file = await edited('bad.json', edit);
      const { code, err } = await cli('validate', file);
      expect(code).toBe(1);
      expect(err).toContain('✘ ERROR:');
      expect(err).toContain(`${file}:`);
      expect(err).toContain(path);
    });
  }

  it('says what the admin API says of the same mistakes (tests/worker/admin-input.test.ts)', async () => {
    const file = await edited('mistaken.json', (d) => {
      d.headlnie = d.headline;
      delete (d as Partial<ReleaseDocument>).headline;
      d.summary = 'ё'.repeat(801);
      d.released.count = -1;
    });
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain('/headline: is missing: add it (string)');
    expect(err).toContain('/headlnie: unknown field "headlnie": did you mean "headline"?');
    expect(err).toContain('/summary: must be at most 800 characters, not 801');
    expect(err).toContain('/released/count: must be at least 0, not -1');
  });

  it('reports invalid JSON and a missing file', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"id": ');
    expect((await cli('validate', broken)).err).toMatch(/broken\.json:1:8: not valid JSON/);
    const missing = await cli('push', join(dir, 'nope.json'), '-m', 'x', '--persist-to', join(dir, 'state'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('does not exist');
  });
});

describe('the local store', () => {
  const ID = 'belarus-2025-12';
  /** After beforeAll: revision 1 is the seed, revision 2 has another headline. */
  let seeded: string;
  const pushes: Awaited<ReturnType<typeof cli>>[] = [];
  let seedHeadline: string;
  beforeAll(async () => {
    seeded = join(dir, 'seeded');
    seedHeadline = JSON.parse(await readFile(SEED, 'utf8')).headline;
    const edit = await edited('edited.json', (d) => (d.headline = 'A new headline'));
    pushes.push(await cli('push', SEED, '-m', 'first', '--persist-to', seeded));
    pushes.push(await cli('push', edit, '-m', 'second', '--base', '1', '--persist-to', seeded));
  });

  /** A copy of the seeded store, for a test that writes (or must show it wrote nothing). */
  async function copyOfSeeded(): Promise<string[]> {
    const copy = await mkdtemp(join(dir, 'state-'));
    await cp(seeded, copy, { recursive: true });
    return ['--persist-to', copy];
  }
  const revisions = async (state: string[]) => (await cli('history', ID, ...state)).out.trim().split('\n').length;

  it('push creates revision 1, then 2, and prints each ETag', () => {
    expect(pushes.map((p) => p.code)).toEqual([0, 0]);
    expect(pushes[0]!.out).toMatch(/Wrote belarus-2025-12\/en revision 1 \(ETag "r1-[0-9a-f]{8}"\)/);
    expect(pushes[1]!.out).toMatch(/Wrote belarus-2025-12\/en revision 2 \(ETag "r2-[0-9a-f]{8}"\)/);
  });

  it('diff shows the change by JSON path, exit 1', async () => {
    const { code, out } = await cli('diff', await edited('plain.json', () => {}), '--persist-to', seeded);
    expect(code).toBe(1);
    expect(out).toContain(`~ headline: "A new headline" → "${seedHeadline}"`);
  });

  it('a dry run shows the change and writes nothing', async () => {
    const state = await copyOfSeeded();
    const dry = await cli('push', SEED, '--dry-run', '--base', '2', ...state);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('~ headline:');
    expect(dry.out).toContain('Dry run: nothing written');
    expect(await revisions(state)).toBe(2);
  });

  it('an invalid push exits 1 with the JSON path, and writes nothing', async () => {
    const state = await copyOfSeeded();
    const bad = await edited('bad-push.json', (d) => (d.released.count = -1));
    const { code, err } = await cli('push', bad, '-m', 'x', ...state);
    expect(code).toBe(1);
    expect(err).toContain('✘ ERROR:');
    expect(err).toContain('/released/count');
    expect(await revisions(state)).toBe(2);
  });

  it('history lists every revision with its author and message', async () => {
    const { code, out } = await cli('history', ID, '--persist-to', seeded);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\s*1 {2}\S+ {2}tester {2}first\b/);
    expect(lines[1]).toMatch(/^\s*2 {2}\S+ {2}tester {2}second {3}← current/);
  });

  it('rollback to a missing revision fails, and writes nothing', async () => {
    const state = await copyOfSeeded();
    const { code, err } = await cli('rollback', ID, '9', '-m', 'x', ...state);
    expect(code).toBe(1);
    expect(err).toContain('There is no revision 9');
    expect(await revisions(state)).toBe(2);
  });

  it('rollback adds a revision equal to the old one', async () => {
    const state = await copyOfSeeded();
    const { code, out } = await cli('rollback', ID, '1', '-m', 'undo', ...state);
    expect(code).toBe(0);
    expect(out).toMatch(/revision 3 \(ETag "r3-[0-9a-f]{8}"\) equals revision 1/);
    expect(await revisions(state)).toBe(3);
    expect((await cli('diff', SEED, ...state)).out).toContain('No changes against revision 3');
  });

  it('pull writes the current document to a file that names the JSON Schema', async () => {
    const out = join(dir, 'pulled.json');
    const { code } = await cli('pull', ID, '--out', out, '--persist-to', seeded);
    expect(code).toBe(0);
    const pulled = JSON.parse(await readFile(out, 'utf8'));
    expect(pulled.headline).toBe('A new headline');
    expect(pulled.$schema).toMatch(/release\.schema\.json$/);
  });
});

describe('a remote worker', () => {
  let worker: LocalWorker;
  beforeAll(async () => {
    worker = await startLocalWorker({ ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => worker?.dispose());

  const remote = () => ['--remote', worker.origin, '--token', TOKEN];
  const headline = async () =>
    ((await (await fetch(`${worker.origin}/api/releases/belarus-2025-12`)).json()) as ReleaseDocument).headline;

  it('round trip: push, read through the public API, roll back, read again', async () => {
    const original = await headline();
    const good = await edited('remote.json', (d) => (d.headline = 'Pushed through the admin API'));
    const pushed = await cli('push', good, '-m', 'remote edit', '--base', '1', ...remote());
    expect(pushed.code).toBe(0);
    expect(pushed.out).toContain('revision 2');
    expect(await headline()).toBe('Pushed through the admin API');
    expect((await cli('rollback', 'belarus-2025-12', '1', '-m', 'undo', ...remote())).out).toContain('revision 3');
    expect(await headline()).toBe(original);
    expect((await cli('history', 'belarus-2025-12', ...remote())).out).toContain('remote edit');
  });

  it('refuses a wrong, missing or blank token with a hint, and writes nothing', async () => {
    const good = await edited('remote2.json', (d) => (d.headline = 'Should not land'));
    for (const token of [['--token', 'wrong'], ['--token', '   '], []]) {
      const { code, err } = await cli('push', good, '-m', 'x', '--remote', worker.origin, ...token);
      expect(code).toBe(1);
      expect(err).toMatch(/ERROR: Unauthorized|No admin token/);
      expect(err).not.toContain('401');
      expect(err).toMatch(/--token|BELARUS_RELEASE_TOKEN/);
    }
    expect(await headline()).not.toBe('Should not land');
  });

  it('says clearly when the worker cannot be reached', async () => {
    const { code, err } = await cli('history', 'belarus-2025-12', '--remote', 'http://127.0.0.1:1', '--token', TOKEN);
    expect(code).toBe(1);
    expect(err).toContain('✘ ERROR: Could not reach http://127.0.0.1:1.');
    expect(err).toContain('try again');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
