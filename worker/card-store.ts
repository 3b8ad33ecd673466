/**
 * Cards in KV, beside the revisions (worker/store.ts): `card:<id>:<lang>:<key>`, a PNG, with
 * its ETag as list metadata. The key is the hash of what the card says (factbox/card.ts), so a
 * card is stored for a revision but named by its words: every revision that says the same (a
 * rollback, an edit to the people list) shares one card and one URL, and one that says
 * something new gets a URL no cache has seen. The admin API (worker/card-admin.ts) and the
 * CLI's local mode (cli/targets.ts) store through {@link storeCard}, so both refuse the same.
 */
import { cardContent, cardKey } from '../factbox/card';
import type { KVNamespace } from './kv';
import { cardPngProblem, MAX_CARD_BYTES } from './png';
import { readRevision } from './store';

/** A card as stored: its key, ETag and the path it is served at. */
export interface StoredCard {
  key: string;
  etag: string;
  /** `/cards/<id>/<lang>/<key>.png` */
  path: string;
}

/** Why a card was not stored, with the HTTP status the admin API answers. */
export class CardRefusedError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CardRefusedError';
  }
}

const cardKvKey = (id: string, lang: string, key: string) => `card:${id}:${lang}:${key}`;

/**
 * Where the card of `(id, lang)` saying what `key` names is served: a URL whose bytes never
 * change, so it is cached for a year.
 *
 * @example
 * cardPath('belarus-2025-12', 'ru', '3f2a9c01'); // "/cards/belarus-2025-12/ru/3f2a9c01.png"
 */
export const cardPath = (id: string, lang: string, key: string) => `/cards/${id}/${lang}/${key}.png`;

/**
 * Validates `png` (size, then worker/png.ts) and stores it as the card of revision `revision`
 * of `(id, lang)`; throws {@link CardRefusedError} before writing anything, and the store's
 * errors (a revision KV cannot read) as they are.
 *
 * @example
 * await storeCard(retrying(env.RELEASES), 'belarus-2025-12', 'en', 7, png);
 */
export async function storeCard(
  kv: KVNamespace,
  id: string,
  lang: string,
  revision: number,
  png: Uint8Array<ArrayBuffer>,
): Promise<StoredCard> {
  if (png.byteLength > MAX_CARD_BYTES) {
    throw new CardRefusedError(413, `the card is ${png.byteLength} bytes; at most ${MAX_CARD_BYTES} are stored`);
  }
  const refused = cardPngProblem(png);
  if (refused) throw new CardRefusedError(refused.status, refused.reason);
  const stored = await readRevision(kv, id, lang, revision);
  if (!stored) throw new CardRefusedError(404, `there is no revision ${revision} of ${id}/${lang}`);
  const key = cardKey(cardContent(stored.document));
  const etag = await pngEtag(png);
  await kv.put(cardKvKey(id, lang, key), png, { metadata: { etag } });
  return { key, etag, path: cardPath(id, lang, key) };
}

/**
 * The stored card of `(id, lang)` under `key`, `null` when there is none. A value without a
 * readable ETag in its metadata (written by hand) gets one from its bytes.
 */
export async function readCard(
  kv: KVNamespace,
  id: string,
  lang: string,
  key: string,
): Promise<{ png: ArrayBuffer; etag: string } | null> {
  const { value, metadata } = await kv.getWithMetadata<{ etag?: unknown }>(cardKvKey(id, lang, key), 'arrayBuffer');
  if (value === null) return null;
  const etag = typeof metadata?.etag === 'string' ? metadata.etag : await pngEtag(new Uint8Array(value));
  return { png: value, etag };
}

/** A strong ETag from the bytes: the first 64 bits of their SHA-256. */
async function pngEtag(png: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', png));
  const hex = [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `"card-${hex}"`;
}
