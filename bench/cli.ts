/**
 * `npm run bench:cli`: how long an editor waits for each CLI command, from typing it to the
 * prompt (a new `node cli/bin.js …` process each time, as `npx belarus-release` runs it):
 *
 * - with `npm start` running: cli/dev.ts (seed, then wrangler dev) on a free port with its own
 *   store and token file, announced in the store's folder, so commands go through the server;
 * - without it: the same commands open the local store themselves (Miniflare, cli/local-store.ts);
 * - through --remote: the deploy bundle on 127.0.0.1 (cli/local-worker.ts), for reference;
 * - `--version`: the floor any command pays (Node, tsx, loading the CLI).
 *
 * Each command runs ROUNDS times; the median, fastest and slowest wall-clock times are printed
 * as a Markdown table for bench/README.md. Nothing here talks to Cloudflare.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningDevServer } from '../cli/dev-server';
import { startLocalWorker } from '../cli/local-worker';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ID = 'belarus-2025-12';
const work = await mkdtemp(join(tmpdir(), 'belarus-release-bench-cli-'));
const file = join(work, 'en.json');
const env = { ...process.env, BELARUS_RELEASE_STATE_DIR: join(work, 'state'), BELARUS_RELEASE_AUTHOR: 'bench' };

/** Seconds one run of the CLI takes; fails the bench on an unexpected exit status. */
function time(args: string[], expected = [0]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['cli/bin.js', ...args], { env, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (!expected.includes(run.status ?? -1)) throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return seconds;
}

/** Median, fastest and slowest of ROUNDS runs; `prepare` runs untimed before each. */
function measure(args: () => string[], prepare: () => Promise<void> = async () => {}, expected = [0]) {
  return async () => {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await prepare();
      times.push(time(args(), expected));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
  };
}

let edits = 0;
/** A new headline in the pulled file, so that every push writes a revision. */
async function edit(): Promise<void> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as { headline: string };
  await writeFile(file, JSON.stringify({ ...doc, headline: `Benchmark headline ${++edits}` }));
}

/** The commands an editor runs, against the store `where` names. */
function commands(where: string[]) {
  return {
    history: measure(() => ['history', ID, ...where]),
    'diff (file)': measure(() => ['diff', file, ...where], edit, [1]),
    'pull --out --force': measure(() => ['pull', ID, '--out', file, '--force', ...where]),
    push: measure(() => ['push', file, '-m', 'bench', ...where], edit),
    'rollback --dry-run': measure(() => ['rollback', ID, '1', '--dry-run', ...where]),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const rows: string[] = [];
async function report(mode: string, where: string[]) {
  time(['pull', ID, '--out', file, '--force', ...where]);
  for (const [command, run] of Object.entries(commands(where))) {
    const { median, min, max } = await run();
    const row = `| ${mode} | ${command} | ${median.toFixed(2)} | ${min.toFixed(2)}-${max.toFixed(2)} |`;
    rows.push(row);
    console.log(row);
  }
}

try {
  const floor = await measure(() => ['--version'])();
  rows.push(
    `| any | --version (the floor) | ${floor.median.toFixed(2)} | ${floor.min.toFixed(2)}-${floor.max.toFixed(2)} |`,
  );

  // npm start, as an editor runs it, on a free port with a store and token of its own.
  const state = join(work, 'dev-state');
  await writeFile(join(work, 'dev.env'), 'ADMIN_TOKEN=bench-token\n');
  const port = await freePort();
  const args = ['cli/dev.ts', '--port', String(port), '--persist-to', state, '--env-file', join(work, 'dev.env')];
  const dev = spawn('npx', ['tsx', ...args], { stdio: 'ignore', detached: true, env: process.env });
  try {
    for (let i = 0; !(await runningDevServer(join(state, 'v3'))); i++) {
      if (i > 600) throw new Error('npm start did not come up in 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await report('`npm start` running', ['--persist-to', join(state, 'v3')]);
  } finally {
    process.kill(-dev.pid!, 'SIGTERM');
  }

  // The same store, with the server stopped: each command opens it itself.
  await new Promise((r) => setTimeout(r, 2000));
  await report('not running (the store)', ['--persist-to', join(state, 'v3')]);

  const worker = await startLocalWorker({ ADMIN_TOKEN: 'bench-token' });
  try {
    await report('--remote (127.0.0.1)', ['--remote', worker.origin, '--token', 'bench-token']);
  } finally {
    await worker.dispose();
  }
  console.log(['', '| local store | command | median s | range s |', '| --- | --- | --- | --- |', ...rows].join('\n'));
} finally {
  await rm(work, { recursive: true, force: true });
}
