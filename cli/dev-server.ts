/**
 * Finding the dev server that serves a local store, so that local commands go through it (a
 * request takes milliseconds; opening the store takes half a second) and a push shows in it at
 * once. `npm start` (cli/dev.ts) announces itself in `<store folder>/dev-server.json` while it
 * runs: found by the store's own folder, it is never the server of another checkout that
 * happens to hold port 8787. Its admin token is read from .dev.vars, and used for a server on
 * this machine's loopback address only. Anything amiss (no file, a dead process, no token, no
 * answer) and the command opens the store directly, as it always could.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A running dev server and the admin token it takes. */
export interface DevServer {
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  token: string;
}

/** What `npm start` writes while it runs. */
interface Announcement {
  pid: number;
  origin: string;
  /** The files the server reads its ADMIN_TOKEN from (.dev.vars, or --env-file): the last wins. */
  devVars: string[];
}

const FILE = 'dev-server.json';
const PROBE_MS = 500;

/** Says, in the store's folder, that `origin` serves it; returns how to take that back. */
export async function announce(persistTo: string, origin: string, devVars: string[]): Promise<() => Promise<void>> {
  const path = join(persistTo, FILE);
  const announcement: Announcement = { pid: process.pid, origin, devVars };
  await writeFile(path, `${JSON.stringify(announcement)}\n`);
  return () => rm(path, { force: true });
}

/**
 * The dev server serving the store in `persistTo` (absolute), if one runs and answers.
 *
 * @example
 * const server = await runningDevServer(resolve('.wrangler/state/v3')); // { origin, token } | undefined
 */
export async function runningDevServer(persistTo: string): Promise<DevServer | undefined> {
  if (process.env.BELARUS_RELEASE_NO_DEV_SERVER) return undefined;
  let announcement: Announcement;
  try {
    announcement = JSON.parse(await readFile(join(persistTo, FILE), 'utf8')) as Announcement;
    process.kill(announcement.pid, 0);
  } catch {
    return undefined;
  }
  if (!/^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(announcement.origin)) return undefined;
  let token: string | undefined;
  for (const file of announcement.devVars) token = (await adminToken(file)) ?? token;
  if (!token) return undefined;
  return (await answers(announcement.origin, token)) ? { origin: announcement.origin, token } : undefined;
}

/** ADMIN_TOKEN from a .dev.vars file (dotenv syntax), if it sets one. */
async function adminToken(devVars: string): Promise<string | undefined> {
  const text = await readFile(devVars, 'utf8').catch(() => '');
  const value = /^\s*ADMIN_TOKEN\s*=\s*(.*)$/m.exec(text)?.[1]?.trim();
  return value?.replace(/^(['"])(.*)\1$/, '$2') || undefined;
}

/** Whether the server is up and takes the token: any answer but 401/503 from an admin route. */
async function answers(origin: string, token: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/releases/belarus-release-probe/revisions`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(PROBE_MS),
    });
    await response.body?.cancel();
    return response.status !== 401 && response.status !== 503 && response.status < 500;
  } catch {
    return false;
  }
}
