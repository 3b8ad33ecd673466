/**
 * Commands take turns on a local store (cli/lock.ts): one that finds the store held waits, says
 * so after a second, and runs once it is free; a lock left by a process that is gone is taken
 * over at once; and no command leaves its lock behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID, workspace } from './helpers';

const WAITING = 'Waiting for another belarus-release command to finish with';

describe('a local store held by another command', () => {
  it('waits, says so, and runs once the store is free', async () => {
    const ws = await workspace();
    await ws.seed();
    const lock = join(ws.store[1]!, 'belarus-release.lock');
    // This test's own process holds it, as another command would, until the command says it waits.
    await writeFile(lock, String(process.pid));
    const command = spawn(process.execPath, ['cli/bin.js', 'history', ID, ...ws.store], {
      env: { ...process.env, BELARUS_RELEASE_STATE_DIR: join(ws.dir, 'state'), BELARUS_RELEASE_TOKEN: '' },
    });
    let out = '';
    let err = '';
    let outWhileHeld: string | undefined;
    command.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    command.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (outWhileHeld === undefined && err.includes(WAITING)) {
        outWhileHeld = out;
        void rm(lock);
      }
    });
    const [code] = (await once(command, 'close')) as [number];
    expect(code, err).toBe(0);
    expect(err).toContain(`${WAITING} ${ws.store[1]}…`);
    expect(outWhileHeld).toBe('');
    expect(out).toContain('← current');
    expect(await readdir(ws.store[1]!)).not.toContain('belarus-release.lock');
  });

  it('is taken over at once when the process that held it is gone', async () => {
    const ws = await workspace();
    await ws.seed();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(ws.store[1]!, 'belarus-release.lock'), String(gone));
    const { code, err } = await ws.cli('history', ID, ...ws.store);
    expect(code, err).toBe(0);
    expect(err).not.toContain(WAITING);
    expect(await readdir(ws.store[1]!)).not.toContain('belarus-release.lock');
  });
});
