/**
 * One writer at a time on a local store. Each CLI process opens the store through its own
 * workerd, so the store's in-isolate queue (worker/store.ts) cannot order two editors pushing
 * at once: without this, both could read revision 5 and both write revision 6. A lock file in
 * the store's folder makes the second wait until the first has written; it then sees revision
 * 6, and merges or refuses like any push based on an older revision.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './errors';

/** Longer than any push takes: a lock this old was left by a process that died mid-write. */
const STALE_MS = 30_000;
const WAIT_MS = 20_000;
const RETRY_MS = 50;

/**
 * Runs `write` holding `<dir>/belarus-release.lock` (cli/state.ts takes one for its file too).
 *
 * @example
 * await withLock('.wrangler/state/v3', () => writeRevision(kv, doc, options));
 */
export async function withLock<T>(dir: string, write: () => Promise<T>): Promise<T> {
  const path = join(dir, 'belarus-release.lock');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(path)) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new CliError(
          `Another push to ${dir} has held its lock for ${WAIT_MS / 1000} s.`,
          [],
          `If no other belarus-release command is running, delete ${path} and try again.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await write();
  } finally {
    await rm(path, { force: true });
  }
}

/** Left by a process that is gone, or older than any write takes. */
async function isStale(path: string): Promise<boolean> {
  try {
    const [info, pid] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    if (Date.now() - info.mtimeMs > STALE_MS) return true;
    if (!/^\d+$/.test(pid)) return false; // being written right now
    process.kill(Number(pid), 0);
    return false;
  } catch (error: unknown) {
    // ESRCH: no such process. ENOENT: released meanwhile, so try again at once.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ESRCH' || code === 'ENOENT';
  }
}
