/**
 * No lost update against the local store: a push is based on the revision its file came from,
 * merges with what others wrote since when the changes do not overlap, and stops otherwise.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { editFile, ID, IHAR_LOSIK, workspace, type Workspace } from './helpers';

/** A store at revision 1, pulled by two editors into a.json and b.json. */
async function twoEditors(): Promise<Workspace> {
  const ws = await workspace();
  await ws.seed('a.json', 'b.json');
  return ws;
}

describe('two editors against the local store', () => {
  it('merges changes to different paths: both land, and the file gets the merged document', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => d.people.splice(2, 0, IHAR_LOSIK));
    expect((await ws.cli('push', ws.path('a.json'), '-m', 'A', ...ws.store)).code).toBe(0);

    const b = await ws.cli('push', ws.path('b.json'), '-m', 'B', ...ws.store);
    expect(b.code).toBe(0);
    expect(b.out).toContain('Merged: ');
    expect(b.out).toContain('+ person ihar-losik');
    expect(b.out).toContain('revision 2 → 3');

    const pulled = await ws.cli('pull', ID, ...ws.store);
    const current = JSON.parse(pulled.out) as { headline: string; people: { id: string }[] };
    expect(current.headline).toBe('Headline by editor A');
    expect(current.people.map((p) => p.id)).toContain('ihar-losik');
    expect((await ws.read('b.json')).headline).toBe('Headline by editor A');
  });

  it('refuses changes to the same path, naming both revisions and every path, and writes nothing', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => {
      d.headline = 'Headline by editor B';
      d.summary = 'Summary by editor B.';
    });
    await ws.cli('push', ws.path('a.json'), '-m', 'A', ...ws.store);
    const before = await readFile(ws.path('b.json'), 'utf8');

    const b = await ws.cli('push', ws.path('b.json'), '-m', 'B', ...ws.store);
    expect(b.code).toBe(1);
    expect(b.err).toContain('✘ ERROR:');
    expect(b.err).toContain('is based on revision 1, the store is at revision 2');
    expect(b.err).toContain('changed on both sides: headline');
    expect(b.err).toMatch(/Your changes[^\n]*\n\s+~ headline[^\n]*\n\s+~ summary/);
    expect(b.err).toMatch(/Changes in the store since \(revision 1 → 2\):\n\s+~ headline/);
    expect((await ws.cli('history', ID, ...ws.store)).out.trim().split('\n')).toHaveLength(2);
    expect(await readFile(ws.path('b.json'), 'utf8')).toBe(before);
  });

  it('overwrites with --force, saying which revision it replaces and what that undoes', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => (d.headline = 'Headline by editor B'));
    await ws.cli('push', ws.path('a.json'), '-m', 'A', ...ws.store);

    const b = await ws.cli('push', ws.path('b.json'), '-m', 'B wins', '--force', ...ws.store);
    expect(b.code).toBe(0);
    expect(b.out).toContain('--force: revision 2 (by tester');
    expect(b.out).toContain('This undoes what changed since your base, revision 1: headline');
    expect(b.out).toContain('revision 3');
  });

  it('refuses a file it knows no base for, and says how to give one', async () => {
    const ws = await workspace();
    await ws.seed();
    const copy = await ws.write('copy.json', (d) => (d.headline = 'Edited in a copy never pulled'));

    const refused = await ws.cli('push', copy, '-m', 'copy', ...ws.store);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('No base revision is known for');
    expect(refused.err).toContain('--base <n>');

    const based = await ws.cli('push', copy, '-m', 'copy', '--base', '1', ...ws.store);
    expect(based.code).toBe(0);
    expect(based.out).toContain('revision 1 → 2');
  });

  it('names the target before writing, on a dry run too', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    const dry = await ws.cli('push', ws.path('a.json'), '--dry-run', ...ws.store);
    expect(dry.out.split('\n')[0]).toBe(`→ ${ID} / en in the local store (${ws.store[1]}), revision 1 → 2`);
    expect(dry.out).toContain('Dry run: nothing written');
    const pushed = await ws.cli('push', ws.path('a.json'), '-m', 'A', ...ws.store);
    expect(pushed.out.indexOf('→ belarus-2025-12 / en')).toBeLessThan(pushed.out.indexOf('✔ Wrote'));
  });
});

describe('two pushes racing on the local store', () => {
  it('writes one first and merges the other: both changes land, nothing is reverted', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => d.people.push(IHAR_LOSIK));
    const results = await Promise.all(
      ['a.json', 'b.json'].map((f) => ws.cli('push', ws.path(f), '-m', f, ...ws.store)),
    );
    expect(
      results.map((r) => r.code),
      results.map((r) => r.err).join('\n'),
    ).toEqual([0, 0]);
    expect(results.filter((r) => r.out.includes('Merged: '))).toHaveLength(1);

    const current = JSON.parse((await ws.cli('pull', ID, ...ws.store)).out) as {
      headline: string;
      people: { id: string }[];
    };
    expect(current.headline).toBe('Headline by editor A');
    expect(current.people.at(-1)!.id).toBe('ihar-losik');
    expect((await ws.cli('history', ID, ...ws.store)).out.trim().split('\n')).toHaveLength(3);
  });

  it('writes one first and refuses the other when both change the same path', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => (d.headline = 'Headline by editor B'));
    const results = await Promise.all(
      ['a.json', 'b.json'].map((f) => ws.cli('push', ws.path(f), '-m', f, ...ws.store)),
    );
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = results.find((r) => r.code === 1)!;
    expect(loser.err).toContain('changed on both sides: headline');
    expect((await ws.cli('history', ID, ...ws.store)).out.trim().split('\n')).toHaveLength(2);
  });

  it('lets reads run alongside: every command answers while pushes write and close the store', async () => {
    const ws = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Headline by editor A'));
    await editFile(ws.path('b.json'), (d) => d.people.push(IHAR_LOSIK));
    // Each command waits its turn for the store (cli/lock.ts): six keep the queue short.
    const reads = [
      ['history', ID],
      ['pull', ID],
    ];
    const commands = [
      ['push', ws.path('a.json'), '-m', 'A'],
      ...reads,
      ['push', ws.path('b.json'), '-m', 'B'],
      ...reads,
    ];
    const results = await Promise.all(commands.map((args) => ws.cli(...args, ...ws.store)));
    expect(
      results.map((r) => r.code),
      results.map((r) => r.err).join('\n'),
    ).toEqual(commands.map(() => 0));
    expect((await ws.cli('history', ID, ...ws.store)).out.trim().split('\n')).toHaveLength(3);
  });
});
