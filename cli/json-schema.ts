/**
 * Writes data/release.schema.json from data/schema.ts, for editors (the data files point at it
 * with `$schema`). Run `npm run schema` after changing the schema; a test fails while the file
 * is out of date. Cross-references (a quote's speaker, a fact's source) are checked by the zod
 * schema only: JSON Schema cannot express them.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ReleaseDocumentSchema } from '../data/schema';

export const JSON_SCHEMA_PATH = fileURLToPath(new URL('../data/release.schema.json', import.meta.url));

/** The JSON Schema text, exactly as it is committed. */
export function releaseJsonSchema(): string {
  const schema = z.toJSONSchema(ReleaseDocumentSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(JSON_SCHEMA_PATH, releaseJsonSchema());
  console.log(`Wrote ${JSON_SCHEMA_PATH}`);
}
