/**
 * List metadata: what `kv.list()` returns beside each key, so that one listing describes every
 * release or a whole history without reading a value. KV refuses a `put()` whose metadata
 * serialises to more than 1,024 bytes, and readers must survive whatever an operator left there,
 * so metadata is built to fit (fields that do not fit whole are left out) and read with
 * suspicion (a field of the wrong type counts as missing). What is left out is always in the
 * value, and readers that miss a field read the value instead.
 */
import { utf8Length } from '../data/limits';

/** Workers KV's limit on one key's metadata, in bytes of its JSON serialisation. */
export const KV_METADATA_LIMIT = 1024;

/**
 * The size KV counts for `metadata`: its JSON serialisation in UTF-8 bytes. workerd sends the
 * serialisation in the `CF-KV-Metadata` header and KV measures that header.
 *
 * @example
 * kvMetadataBytes('{"a":"ф"}'); // 20: the string is serialised again, `\u0444` costs 7 bytes
 */
export function kvMetadataBytes(metadata: unknown): number {
  return metadata === undefined || metadata === null ? 0 : utf8Length(JSON.stringify(metadata));
}

/**
 * Metadata for `put()`: every field of `required`, then each field of `optional`, in order,
 * that still fits KV's limit whole. A field is dropped rather than truncated, so that a reader
 * either has all of it or knows to read the value.
 *
 * @example
 * kv.put(key, value, { metadata: fitMetadata({ revision: 3 }, { headline }) });
 */
export function fitMetadata(required: Record<string, unknown>, optional: Record<string, unknown>): string {
  let fields = required;
  for (const [name, value] of Object.entries(optional)) {
    const candidate = { ...fields, [name]: value };
    if (kvMetadataBytes(asciiJson(candidate)) <= KV_METADATA_LIMIT) fields = candidate;
  }
  const metadata = asciiJson(fields);
  if (kvMetadataBytes(metadata) > KV_METADATA_LIMIT) throw new RangeError('required metadata exceeds KV limit');
  return metadata;
}

/** Metadata as this module writes it (a JSON string) or as an operator may have (an object). */
export type RawMetadata = unknown;

/** The fields of whatever metadata a key carries: `{}` for none, text that is not JSON, or a non-object. */
export function metadataFields(raw: RawMetadata): Record<string, unknown> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A field that is a positive integer, else `undefined`. */
export function positiveInt(fields: Record<string, unknown>, name: string): number | undefined {
  const value = fields[name];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A field that is a string (of the given shape), else `undefined`. */
export function text(fields: Record<string, unknown>, name: string, shape?: RegExp): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && (!shape || shape.test(value)) ? value : undefined;
}

/**
 * JSON text with every non-ASCII character escaped: metadata travels in an HTTP header, and a
 * Cyrillic headline must survive every path it takes. The price is six bytes a character, seven
 * once KV serialises the string again, which {@link fitMetadata} counts.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
