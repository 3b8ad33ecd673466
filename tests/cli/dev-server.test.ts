/**
 * Local commands go through the dev server that announces itself in the store's folder (as
 * `npm start` does, cli/dev.ts), with the token of its .dev.vars; and open the store themselves
 * when the announcement is stale, the token wrong or the server not on this machine. The
 * server here is the deploy bundle on 127.0.0.1 (cli/local-worker.ts) standing in for
 * `wrangler dev`, which would hold port 8787.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announce } from '../../cli/dev-server';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import type { ReleaseDocument } from '../../data/schema';
import { editFile, ID, workspace, type Workspace } from './helpers';

const TOKEN = 'dev-server-test-token';
let worker: LocalWorker;
let ws: Workspace;
let store: string;

beforeAll(async () => {
  worker = await startLocalWorker({ ADMIN_TOKEN: TOKEN });
  ws = await workspace();
  store = ws.store[1]!;
  await mkdir(store, { recursive: true });
  await writeFile(ws.path('.dev.vars'), `ADMIN_TOKEN="${TOKEN}"\n`);
});
afterAll(() => worker?.dispose());

/** Announces `origin` as the server of the workspace's store, for the length of `run`. */
async function announced<T>(origin: string, devVars: string, run: () => Promise<T>): Promise<T> {
  const withdraw = await announce(store, origin, [devVars]);
  try {
    return await run();
  } finally {
    await withdraw();
  }
}

describe('a running dev server', () => {
  it('serves local commands, and shows a push at once', async () => {
    await announced(worker.origin, ws.path('.dev.vars'), async () => {
      const history = await ws.cli('history', ID, ...ws.store);
      expect(history.out).toContain('Seeded from data/releases/belarus-2025-12/en.json');
      expect(history.out).toContain('← current');

      await ws.cli('pull', ID, '--out', ws.path('en.json'), ...ws.store);
      await editFile(ws.path('en.json'), (d) => (d.headline = 'Pushed through the dev server'));
      const pushed = await ws.cli('push', ws.path('en.json'), '-m', 'fast', ...ws.store);
      expect(pushed.out).toContain(`→ ${ID} / en in the local store (${store}), revision 1 → 2`);
    });
    const published = (await (await fetch(`${worker.origin}/api/releases/${ID}`)).json()) as ReleaseDocument;
    expect(published.headline).toBe('Pushed through the dev server');
    // The store's own folder was never opened: Miniflare would have laid out its files there.
    expect(await readdir(store)).toEqual([]);
  });
});

describe('a preview through the dev server', () => {
  it('prints links the dev server opens, showing the draft', async () => {
    const { out } = await announced(worker.origin, ws.path('.dev.vars'), async () => {
      await ws.cli('pull', ID, '--lang', 'be', '--out', ws.path('be.json'), ...ws.store);
      await editFile(ws.path('be.json'), (d) => (d.headline = 'Чарнавік загалоўка'));
      const pushed = await ws.cli('push', ws.path('be.json'), '-m', 'draft', '--draft', ...ws.store);
      expect(pushed.code, pushed.err).toBe(0);
      return ws.cli('preview', ID, '--lang', 'be', ...ws.store);
    });
    const page = /page {4}(\S+)/.exec(out)?.[1] ?? '';
    expect(page.startsWith(`${worker.origin}/releases/${ID}?lang=be&preview=`)).toBe(true);
    expect(await (await fetch(page)).text()).toContain('Чарнавік загалоўка');
    const published = await (await fetch(`${worker.origin}/releases/${ID}?lang=be`)).text();
    expect(published).not.toContain('Чарнавік загалоўка');
  });
});

describe('falling back to the store itself', () => {
  const cases: [string, () => string, () => string][] = [
    ['the token is wrong', () => worker.origin, () => ws.path('wrong.vars')],
    ['there is no token', () => worker.origin, () => ws.path('missing.vars')],
    [
      'the server is not on this machine',
      () => worker.origin.replace('127.0.0.1', '10.0.0.1'),
      () => ws.path('.dev.vars'),
    ],
    ['nothing answers', () => 'http://127.0.0.1:1', () => ws.path('.dev.vars')],
  ];
  for (const [when, origin, devVars] of cases) {
    it(`when ${when}`, async () => {
      await writeFile(ws.path('wrong.vars'), 'ADMIN_TOKEN=not-the-token\n');
      const { code, err } = await announced(origin(), devVars(), () => ws.cli('history', ID, ...ws.store));
      expect(code).toBe(1);
      expect(err).toContain(`There is no release ${ID} in the local store`);
    });
  }
});
