/**
 * Running the CLI as an editor does (`node cli/bin.js …`, what `npx belarus-release` runs), each
 * test in a folder of its own: its own local store, its own state file (which revision each
 * file is based on), its own files. Nothing here touches .wrangler/ or data/ of the checkout.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { formatJson } from '../../cli/files';
import { JSON_SCHEMA_PATH } from '../../cli/json-schema';
import { startLocalWorker, type LocalWorker } from '../../cli/local-worker';
import { recordBase } from '../../cli/state';
import { localTarget } from '../../cli/targets';
import type { ReleaseDocument } from '../../data/schema';
import { cliWith, type CliResult } from './run';

export const SEED = 'data/releases/belarus-2025-12/en.json';
export const ID = 'belarus-2025-12';

/** A scratch folder with a store and a state file of its own. */
export interface Workspace {
  dir: string;
  /** `--persist-to <its store>`: the options that point a command at this workspace's store. */
  store: string[];
  cli(...args: string[]): Promise<CliResult>;
  /** Runs the CLI with extra environment variables. */
  cliWith(env: Record<string, string>, ...args: string[]): Promise<CliResult>;
  path(name: string): string;
  read(name: string): Promise<ReleaseDocument>;
  /** Writes `doc` (or the seed document edited by `edit`) to `name` in the workspace. */
  write(name: string, edit: (doc: Doc) => void): Promise<string>;
  /**
   * What `push <seed> -m first` and then `pull --out <name>` for each name would do, done in
   * this process: a fraction of the time of running the CLI for each, where they are not what
   * a test is about.
   */
  seed(...pulled: string[]): Promise<void>;
}

export type Doc = ReleaseDocument & Record<string, unknown>;

export async function seedDocument(): Promise<Doc> {
  return JSON.parse(await readFile(SEED, 'utf8')) as Doc;
}

/**
 * @example
 * const ws = await workspace();
 * await ws.cli('push', SEED, '-m', 'first', ...ws.store);
 */
export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'belarus-release-cli-'));
  const run = (env: Record<string, string>, args: string[]) =>
    cliWith({ BELARUS_RELEASE_STATE_DIR: join(dir, 'state'), ...env }, ...args);
  const path = (name: string) => join(dir, name);
  return {
    dir,
    store: ['--persist-to', join(dir, 'store')],
    cli: (...args) => run({}, args),
    cliWith: (env, ...args) => run(env, args),
    path,
    read: async (name) => JSON.parse(await readFile(path(name), 'utf8')) as ReleaseDocument,
    async seed(...pulled) {
      const target = await localTarget(join(dir, 'store'));
      try {
        const { $schema: _editorOnly, ...document } = await seedDocument();
        await target.write(document, { author: 'tester', message: 'first', basedOn: null, force: false });
        const current = (await target.current(ID, 'en'))!;
        for (const name of pulled) {
          const $schema = relative(dirname(path(name)), JSON_SCHEMA_PATH);
          await writeFile(path(name), formatJson({ $schema, ...current.document }));
          const base = { id: ID, lang: 'en', revision: current.revision, etag: current.etag, by: 'pull' };
          await asIn(join(dir, 'state'), () => recordBase(path(name), `local:${resolve(dir, 'store')}`, base));
        }
      } finally {
        await target.close();
      }
    },
    async write(name, edit) {
      const doc = await seedDocument();
      edit(doc);
      await writeFile(path(name), JSON.stringify(doc, null, 2));
      return path(name);
    },
  };
}

/** Runs `record` with the state file of a workspace (cli/state.ts reads where from the environment). */
async function asIn(stateDir: string, record: () => Promise<void>): Promise<void> {
  const before = process.env.BELARUS_RELEASE_STATE_DIR;
  process.env.BELARUS_RELEASE_STATE_DIR = stateDir;
  try {
    await record();
  } finally {
    if (before === undefined) delete process.env.BELARUS_RELEASE_STATE_DIR;
    else process.env.BELARUS_RELEASE_STATE_DIR = before;
  }
}

/** Edits the JSON file at `path` in place. */
export async function editFile(path: string, edit: (doc: Doc) => void): Promise<void> {
  const doc = JSON.parse(await readFile(path, 'utf8')) as Doc;
  edit(doc);
  await writeFile(path, JSON.stringify(doc, null, 2));
}

/** A person to add: "+ person ihar-losik". */
export const IHAR_LOSIK = {
  id: 'ihar-losik',
  name: 'Ihar Losik',
  description: 'Blogger and journalist of Radio Free Europe/Radio Liberty.',
  released: true,
  source: 'washington-insider',
};

/**
 * A worker (the deploy bundle on 127.0.0.1) for the tests of one file, started before them and
 * stopped after.
 *
 * @example
 * const server = remoteWorker('token');
 * await ws.cli('history', ID, ...server.args());
 */
export function remoteWorker(token: string): { origin: () => string; args: () => string[] } {
  let worker: LocalWorker | undefined;
  beforeAll(async () => {
    worker = await startLocalWorker({ ADMIN_TOKEN: token });
  });
  afterAll(() => worker?.dispose());
  return { origin: () => worker!.origin, args: () => ['--remote', worker!.origin, '--token', token] };
}
