/**
 * `npm start` runs this before `wrangler dev`: every document in data/releases/ that the local
 * KV store (.wrangler/state) does not hold yet is written as its first revision. Documents the
 * store already holds are left alone, so local edits survive restarts.
 */
import { listDataFiles, readJson } from './data-files';
import { localTarget } from './targets';

const target = await localTarget();
try {
  for (const file of await listDataFiles()) {
    if (await target.current(file.id, file.lang)) continue;
    const written = await target.write(await readJson(file.path), {
      author: 'seed',
      message: `Seeded from ${file.path}`,
      basedOn: null,
      force: false,
    });
    console.log(`Seeded ${file.id}/${file.lang} (revision ${written.revision}) from ${file.path}`);
  }
} finally {
  await target.close();
}
