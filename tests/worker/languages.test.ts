/**
 * Any language stores (issue 9): a translation with the schema's longest headline, written with
 * the longest author and message, in Belarusian, Russian, Ukrainian and Lithuanian (with
 * combining accents), through the store (the CLI's local mode) and through the admin API. List
 * metadata stays under KV's 1,024 bytes as KV counts them, and nothing readers get depends on
 * what did not fit.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import be from '../../data/releases/belarus-2025-12/be.json';
import lt from '../../data/releases/belarus-2025-12/lt.json';
import ru from '../../data/releases/belarus-2025-12/ru.json';
import uk from '../../data/releases/belarus-2025-12/uk.json';
import { MAX_AUTHOR_LENGTH, MAX_MESSAGE_LENGTH } from '../../data/limits';
import type { ReleaseDocument } from '../../data/schema';
import { KV_METADATA_LIMIT, kvMetadataBytes } from '../../worker/metadata';
import { writeRevision } from '../../worker/write';
import { SEED_ID, adminInit, freshApp, store } from './helpers';

/** Words of each language with combining accents (U+0300, U+0301), as stress marks are written. */
const WORDS: Record<string, [ReleaseDocument, string]> = {
  be: [be as unknown as ReleaseDocument, 'Белару\u0301сь вы\u0301зваліла палітвя\u0301зняў'],
  ru: [ru as unknown as ReleaseDocument, 'Белору\u0301ссия освободи\u0301ла полити\u0301ческих заключённых'],
  uk: [uk as unknown as ReleaseDocument, 'Білору\u0301сь звільни\u0301ла політв’я\u0301знів'],
  lt: [lt as unknown as ReleaseDocument, 'Baltaru\u0300sija išlaisvi\u0300no politi\u0300nius kalinius'],
};

/** `words` repeated to exactly `length` characters (code points, the unit the schema counts; all BMP here), trimmed. */
function exactly(words: string, length: number): string {
  const text = `${words} `.repeat(Math.ceil(length / words.length) + 1).slice(0, length);
  return text.endsWith(' ') ? `${text.slice(0, -1)}.` : text;
}

/** Every key's list metadata, measured as KV measures it. */
async function metadataSizes(): Promise<number[]> {
  const { keys } = await env.RELEASES.list();
  return keys.map((key) => kvMetadataBytes(key.metadata));
}

for (const [lang, [base, words]] of Object.entries(WORDS)) {
  describe(`a ${lang} document at the schema's maximum lengths`, () => {
    const doc: ReleaseDocument = { ...structuredClone(base), headline: exactly(words, 200) };
    const author = exactly(words, MAX_AUTHOR_LENGTH);
    const message = exactly(words, MAX_MESSAGE_LENGTH);

    it('stores locally and through the admin API, and reads back whole', async () => {
      await store();
      expect(doc.headline).toHaveLength(200);
      // Another headline first: the admin API writes nothing for the document it already holds.
      const local = await writeRevision(env.RELEASES, { ...doc, headline: exactly(words, 199) }, { author, message });
      expect(local.revision).toBe(1);
      const { request } = freshApp();
      const headers = {
        'If-Match': (await request(`/api/releases/${SEED_ID}?lang=${lang}`)).headers.get('ETag')!,
        'X-Revision-Author': encodeURIComponent(author),
        'X-Revision-Message': encodeURIComponent(message),
      };
      const remote = await request(`/api/releases/${SEED_ID}?lang=${lang}`, adminInit('PUT', doc, headers));
      expect(remote.status).toBe(200);

      const read = await request(`/api/releases/${SEED_ID}?lang=${lang}`);
      expect(read.headers.get('Content-Language')).toBe(lang);
      const { $schema: _editorOnly, ...stored } = doc;
      expect(await read.json()).toEqual(stored);
      const index = await request(`/api/releases?lang=${lang}`);
      expect(index.headers.get('Content-Language')).toBe(lang);
      expect(((await index.json()) as { releases: { headline: string }[] }).releases[0]!.headline).toBe(doc.headline);
      const history = await request(`/api/releases/${SEED_ID}/revisions?lang=${lang}`, adminInit('GET'));
      const { revisions } = (await history.json()) as { revisions: { author: string; message: string }[] };
      expect(revisions.map((r) => [r.author, r.message])).toEqual([
        [author, message],
        [author, message],
      ]);
      for (const size of await metadataSizes()) expect(size).toBeLessThanOrEqual(KV_METADATA_LIMIT);
    });
  });
}
