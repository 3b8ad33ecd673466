/**
 * No lost update through a worker's admin API (`--remote`): the same two-editor cases as against
 * the local store, and two pushes racing, where the worker answers the loser 412 and the CLI
 * looks again. The worker is the deploy bundle on 127.0.0.1 (cli/local-worker.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { editFile, ID, IHAR_LOSIK, remoteWorker, workspace, type Workspace } from './helpers';

const server = remoteWorker('remote-test-token');
const remote = server.args;
const published = async () =>
  (await (
    await fetch(`${server.origin()}/api/releases/${ID}`, { headers: { 'Cache-Control': 'no-cache' } })
  ).json()) as ReleaseDocument;
const revisions = async (ws: Workspace) => (await ws.cli('history', ID, '--json', ...remote())).out;

/** Two editors who pulled the current revision into a.json and b.json. */
async function twoEditors(): Promise<{ ws: Workspace; base: number }> {
  const ws = await workspace();
  for (const name of ['a.json', 'b.json']) {
    const pulled = await ws.cli('pull', ID, '--out', ws.path(name), ...remote());
    expect(pulled.code, pulled.err).toBe(0);
  }
  return { ws, base: (JSON.parse(await revisions(ws)) as { current: number }).current };
}

describe('two editors through --remote', () => {
  it('merges changes to different paths: both are published', async () => {
    const { ws, base } = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.summary = 'Summary by remote editor A.'));
    await editFile(ws.path('b.json'), (d) => d.people.splice(1, 0, IHAR_LOSIK));
    expect((await ws.cli('push', ws.path('a.json'), '-m', 'A', ...remote())).code).toBe(0);

    const b = await ws.cli('push', ws.path('b.json'), '-m', 'B', ...remote());
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain(`Merged: ${ws.path('b.json')} is based on revision ${base}`);
    expect(b.out).toContain(`→ ${ID} / en in ${server.origin()}, revision ${base + 1} → ${base + 2}`);
    const now = await published();
    expect(now.summary).toBe('Summary by remote editor A.');
    expect(now.people[1]!.id).toBe('ihar-losik');
  });

  it('refuses changes to the same path, naming both revisions, and publishes nothing', async () => {
    const { ws, base } = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.deal.summary = 'Deal summary by A.'));
    await editFile(ws.path('b.json'), (d) => (d.deal.summary = 'Deal summary by B.'));
    expect((await ws.cli('push', ws.path('a.json'), '-m', 'A', ...remote())).code).toBe(0);

    const b = await ws.cli('push', ws.path('b.json'), '-m', 'B', ...remote());
    expect(b.code).toBe(1);
    expect(b.err).toContain(`is based on revision ${base}, the store is at revision ${base + 1}`);
    expect(b.err).toContain('changed on both sides: deal.summary');
    expect((await published()).deal.summary).toBe('Deal summary by A.');
  });
});

describe('two pushes racing through --remote', () => {
  it('writes one first and merges the other', async () => {
    const { ws, base } = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.released.count = 124));
    await editFile(ws.path('b.json'), (d) => (d.context[0]!.text = 'Context edited by B.'));
    const results = await Promise.all(
      ['a.json', 'b.json'].map((f) => ws.cli('push', ws.path(f), '-m', f, ...remote())),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.filter((r) => r.out.includes('Merged: '))).toHaveLength(1);
    const now = await published();
    expect([now.released.count, now.context[0]!.text]).toEqual([124, 'Context edited by B.']);
    expect((JSON.parse(await revisions(ws)) as { current: number }).current).toBe(base + 2);
  });

  it('writes one first and refuses the other when both change the same path', async () => {
    const { ws, base } = await twoEditors();
    await editFile(ws.path('a.json'), (d) => (d.headline = 'Racing headline A'));
    await editFile(ws.path('b.json'), (d) => (d.headline = 'Racing headline B'));
    const results = await Promise.all(
      ['a.json', 'b.json'].map((f) => ws.cli('push', ws.path(f), '-m', f, ...remote())),
    );
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const winner = results.findIndex((r) => r.code === 0);
    expect((await published()).headline).toBe(`Racing headline ${'AB'[winner]}`);
    expect((JSON.parse(await revisions(ws)) as { current: number }).current).toBe(base + 1);
  });
});
