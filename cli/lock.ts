/**
 * One process at a time on a local store. Each CLI process opens the store through its own
 * workerd, so the store's in-isolate queue (worker/store.ts) cannot order two editors pushing
 * at once: both could read revision 5 and both write revision 6. Nor may two workerd processes
 * use the store's SQLite files at once: one closing while the other reads or writes makes that
 * fail with SQLITE_BUSY. A lock file in the store's folder, held from opening the store to
 * closing it (cli/connect.ts), makes the second wait until the first is done; it then sees
 * revision 6, and merges or refuses like any push based on an older revision.
 */
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './errors';

/** Longer than any command takes: a lock this old was left by a process that died holding it. */
const STALE_MS = 30_000;
const WAIT_MS = 20_000;
const RETRY_MS = 50;
/** A wait longer than this is said, so that a command that seems stuck says why. */
const QUIET_MS = 1_000;

/**
 * Runs `work` holding `<dir>/belarus-release.lock`, creating `dir` if need be (cli/state.ts
 * takes one for its file too).
 *
 * @example
 * await withLock('.wrangler/state/v3', () => writeRevision(kv, doc, options));
 */
export async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const path = join(dir, 'belarus-release.lock');
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  let said = false;
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
      const waited = Date.now() - started;
      if (waited > QUIET_MS && !said) {
        console.error(`Waiting for another belarus-release command to finish with ${dir}…`);
        said = true;
      }
      if (waited > WAIT_MS) {
        throw new CliError(
          `Another belarus-release command has held ${dir} for ${WAIT_MS / 1000} s.`,
          [],
          `If no other belarus-release command is running, delete ${path} and try again.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

/** Left by a process that is gone, or older than any command takes. */
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
