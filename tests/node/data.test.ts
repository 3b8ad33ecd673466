import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RELEASES } from '../../dist/releases-bundle';
import { ReleaseDocumentSchema } from '../../data/schema';
import { JSON_SCHEMA_PATH, releaseJsonSchema } from '../../cli/json-schema';
import { listDataFiles, readJson } from '../../cli/data-files';

describe('data/', () => {
  it('holds valid documents whose id and lang match their path', async () => {
    const files = await listDataFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = ReleaseDocumentSchema.parse(await readJson(file.path));
      expect([doc.id, doc.lang], file.path).toEqual([file.id, file.lang]);
    }
  });

  it('bundles every document into the worker, so each one has a fallback', async () => {
    const files = await Promise.all((await listDataFiles()).map((file) => readJson(file.path)));
    expect(BUNDLED_RELEASES).toEqual(files);
  });

  it('points every document at the JSON Schema for editors', async () => {
    for (const file of await listDataFiles()) {
      const { $schema } = (await readJson(file.path)) as { $schema?: string };
      expect($schema, file.path).toBeDefined();
      expect(resolve(dirname(file.path), $schema!)).toBe(JSON_SCHEMA_PATH);
    }
  });

  it('has a release.schema.json generated from the current zod schema (npm run schema)', async () => {
    expect(await readFile(JSON_SCHEMA_PATH, 'utf8')).toBe(releaseJsonSchema());
  });
});
