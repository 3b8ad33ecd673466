/**
 * Reading the history as an editor does: diff (a file, or two revisions), history, pull of an
 * earlier revision, and rollback with its diff and --dry-run. A store with two revisions (the
 * seed, then Ihar Losik added) is shared by the tests that only read it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, ID, IHAR_LOSIK, workspace, type Workspace } from './helpers';

let ws: Workspace;

beforeAll(async () => {
  ws = await workspace();
  await ws.seed('en.json');
  await editFile(ws.path('en.json'), (d) => d.people.splice(2, 0, IHAR_LOSIK));
  const pushed = await ws.cli('push', ws.path('en.json'), '-m', 'Add Ihar Losik', ...ws.store);
  expect(pushed.code, pushed.err).toBe(0);
});

describe('diff', () => {
  it('exits 0 and says so when the file equals the current revision', async () => {
    const { code, out } = await ws.cli('diff', ws.path('en.json'), ...ws.store);
    expect(code).toBe(0);
    expect(out).toContain('No changes against revision 2');
  });

  it('exits 1 and lists the change by id when the file differs', async () => {
    const { code, out } = await ws.cli('diff', await ws.write('never-pulled.json', () => {}), ...ws.store);
    expect(code).toBe(1);
    expect(out).toContain('- person ihar-losik');
  });

  it('compares two revisions with --from and --to', async () => {
    const { code, out } = await ws.cli('diff', ID, '--from', '1', '--to', '2', ...ws.store);
    expect(code).toBe(1);
    expect(out).toBe(`${ID}/en, revision 1 → 2:\n  + person ihar-losik: "Ihar Losik"\n`);
    expect((await ws.cli('diff', ID, '--from', '2', ...ws.store)).code).toBe(0);
  });

  it('gives the changes as JSON with both the readable path and the JSON Pointer', async () => {
    const { out } = await ws.cli('diff', ID, '--from', '1', '--json', ...ws.store);
    expect(JSON.parse(out)).toMatchObject({
      from: 1,
      to: 2,
      changes: [{ op: 'add', path: 'people[ihar-losik]', pointer: '/people/2', entry: { noun: 'person' } }],
    });
  });

  it('refuses a revision that does not exist, with the way to list them', async () => {
    const { code, err } = await ws.cli('diff', ID, '--from', '9', ...ws.store);
    expect(code).toBe(1);
    expect(err).toContain('There is no revision 9 of belarus-2025-12/en');
    expect(err).toContain('history');
  });
});

describe('history', () => {
  it('marks the current revision and the revision each file is based on', async () => {
    const lines = (await ws.cli('history', ID, ...ws.store)).out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('current');
    expect(lines[1]).toMatch(/ {3}2 .* tester {2}Add Ihar Losik {3}← current, base of .*en\.json$/);
  });

  it('gives JSON with the current revision', async () => {
    const history = JSON.parse((await ws.cli('history', ID, '--json', ...ws.store)).out) as {
      current: number;
      revisions: { revision: number; current: boolean }[];
    };
    expect(history.current).toBe(2);
    expect(history.revisions.map((r) => r.current)).toEqual([false, true]);
  });
});

describe('pull --revision', () => {
  it('writes an earlier revision, and says which one is current', async () => {
    const { code, out } = await ws.cli('pull', ID, '--revision', '1', '--out', ws.path('old.json'), ...ws.store);
    expect(code).toBe(0);
    expect(out).toContain('Wrote revision 1');
    expect(out).toContain('Revision 2 is current');
    expect((await ws.read('old.json')).people.map((p) => p.id)).not.toContain('ihar-losik');
  });
});

describe('rollback', () => {
  it('shows its diff and writes nothing on --dry-run, then writes with a message', async () => {
    const own = await workspace();
    await own.seed('en.json');
    await editFile(own.path('en.json'), (d) => (d.released.count = 124));
    await own.cli('push', own.path('en.json'), '-m', 'unconfirmed count', ...own.store);

    const dry = await own.cli('rollback', ID, '1', '--dry-run', ...own.store);
    expect(dry.out).toContain(
      `→ ${ID} / en in the local store (${own.store[1]}), revision 2 → 3 (the document of revision 1)`,
    );
    expect(dry.out).toContain('~ released.count: 124 → 123');
    expect(dry.out).toContain('Dry run: nothing written');
    expect((await own.cli('history', ID, ...own.store)).out.trim().split('\n')).toHaveLength(2);

    expect((await own.cli('rollback', ID, '1', ...own.store)).err).toContain('rollback needs a message');
    const done = await own.cli('rollback', ID, '1', '-m', 'Not confirmed yet', ...own.store);
    expect(done.code).toBe(0);
    expect(done.out).toContain('Rolled back: revision 3');
    expect(done.out).toContain(`en.json is based on revision 2: \`belarus-release pull ${ID} --lang en --out`);

    const after = await own.cli('diff', own.path('en.json'), ...own.store);
    expect(after.code).toBe(1);
    expect(after.out).toContain('The file has no changes of its own');
    expect((await own.cli('history', ID, ...own.store)).out).toContain('Roll back to revision 1: Not confirmed yet');
  });
});
