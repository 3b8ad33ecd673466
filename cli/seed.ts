/**
 * `npm start` runs this before `wrangler dev`: every document in data/releases/ that the local
 * KV store (.wrangler/state) does not hold yet is written as its first revision. Documents the
 * store already holds are left alone, so local edits survive restarts.
 */
import { getPlatformProxy } from 'wrangler';
import type { Env } from '../worker/env';
import { readCurrent, writeRevision } from '../worker/store';
import { listDataFiles, readJson } from './data-files';

const { env, dispose } = await getPlatformProxy<Env>({ configPath: 'wrangler.toml', persist: true });
try {
  for (const file of await listDataFiles()) {
    if (await readCurrent(env.RELEASES, file.id, file.lang)) continue;
    const stored = await writeRevision(env.RELEASES, await readJson(file.path), {
      author: 'seed',
      message: `Seeded from ${file.path}`,
    });
    console.log(`Seeded ${file.id}/${file.lang} (revision ${stored.revision}) from ${file.path}`);
  }
} finally {
  await dispose();
}
