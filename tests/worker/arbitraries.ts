/**
 * fast-check generators for the property tests: documents (valid ones, mutations of valid ones
 * and arbitrary JSON), revision notes, and requests to the public routes.
 */
import fc from 'fast-check';
import type { ReleaseDocument } from '../../data/schema';
import { SEED_ID, seedDocument } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into the seed document, containers included: where a mutation may land. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return here;
}

const SEED_PATHS = pathsOf(seedDocument() as unknown as Json);

/** Characters that have broken text handling somewhere: controls, bidi, combining, astral, quotes. */
const tricky = fc.constantFrom(
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u0301',
  '\u200b',
  '😀',
  '\ud800',
  '"',
  '<',
  '>',
  '&',
  ' ',
  'Ж',
  'ė',
);

/** Strings of every kind a field may be given: short, tricky, any Unicode, near the limits. */
const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('a', 'Ж', 'a\u0301', '😀'), fc.integer({ min: 60, max: 420 }))
    .map(([unit, n]) => unit.repeat(n)),
);

/** Text that can be percent-encoded into a header: lone surrogates have no UTF-8 form. */
export const noteText = anyText.map((text) => text.replace(/[\ud800-\udfff]/gu, '\ufffd'));

const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://www.bbc.co.uk@evil.example/path',
    'https://user:pw@example.com/',
    'https://example.com/x"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'http://127.0.0.1/',
    'https://example.com/a b',
  ),
);

/** Plain text the schema accepts: letters of several scripts, accents, quotes, no padding. */
const plainText = fc
  .array(fc.constantFrom('a', 'Z', 'Ж', 'ў', 'ė', 'ł', 'e\u0301', '"', "'", '&', '1', '.', ' ', '😀', '—'), {
    minLength: 1,
    maxLength: 60,
  })
  .map((chars) => chars.join('').trim() || 'x');

/** A change the schema is likely to accept: the same kind of value as the field holds. */
function likely(path: (string | number)[]): fc.Arbitrary<Json> {
  const last = path.at(-1);
  if (last === 'url') return fc.webUrl({ withQueryParameters: true, withFragments: true });
  if (last === 'count') return fc.integer({ min: 0, max: 100_000 });
  if (last === 'released') return fc.boolean();
  if (last === 'date') return fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  return plainText;
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  anyText,
  anyUrl,
  fc.integer({ min: -10, max: 200_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { path: (string | number)[]; action: 'set' | 'delete' | 'add'; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...SEED_PATHS),
  action: fc.constantFrom('set', 'set', 'set', 'delete', 'add'),
  value: anyValue,
});

function apply(doc: Json, { path, action, value }: Mutation): void {
  let parent = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    const next = parent?.[key];
    if (!next || typeof next !== 'object') return;
    parent = next as Record<string | number, Json>;
  }
  const last = path.at(-1)!;
  if (action === 'delete') Reflect.deleteProperty(parent, last);
  else if (action === 'add') parent[`extra${String(last)}`] = value;
  else parent[last] = value;
}

/** Leaves whose value a valid change may replace: not the ids and references that tie it together. */
const FREE_LEAVES = SEED_PATHS.filter((path) => {
  const leaf = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], seedDocument());
  const last = path.at(-1);
  return typeof leaf !== 'object' && !['id', 'source', 'speaker', 'envoy', 'lang', '$schema'].includes(String(last));
});

/** A change of a leaf to a value of its own kind. */
const likelyMutation: fc.Arbitrary<Mutation> = fc
  .constantFrom(...FREE_LEAVES)
  .chain((path) => likely(path).map((value) => ({ path, action: 'set' as const, value })));

function mutated(changes: fc.Arbitrary<Mutation>): fc.Arbitrary<unknown> {
  return fc.array(changes, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const doc = seedDocument() as unknown as Json;
    for (const m of mutations) apply(doc, m);
    return doc;
  });
}

/** Anything a client could send as a document: about half of these are valid. */
export const anyDocument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: mutated(likelyMutation) },
  { weight: 3, arbitrary: mutated(mutation) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(seedDocument() as ReleaseDocument) },
);

/** Header values a client can send (printable ASCII, as HTTP allows without encoding). */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const PUBLIC_PATHS = [
  '/',
  '/healthz',
  '/api/openapi.json',
  '/api/releases',
  '/api/releases/latest',
  `/api/releases/${SEED_ID}`,
  `/releases/${SEED_ID}`,
  '/releases/latest',
  `/embed/${SEED_ID}`,
  '/oembed',
];
const QUERY_KEYS = ['lang', 'url', 'format', 'maxwidth', 'maxheight', 'theme', 'transparent', 'force', 'x'];
const REQUEST_HEADERS = [
  'Accept',
  'Accept-Language',
  'Authorization',
  'Cookie',
  'Host',
  'If-None-Match',
  'Origin',
  'Referer',
  'User-Agent',
  'X-Forwarded-Host',
  'X-Forwarded-Proto',
];

/** A request to a public route: a known path, maybe with a random tail, random query and headers. */
export const publicRequest = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'),
  path: fc
    .tuple(
      fc.constantFrom(...PUBLIC_PATHS),
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.webSegment()),
    )
    .map(([path, tail]) => (tail === undefined ? path : `${path}/${encodeURIComponent(tail)}`)),
  query: fc.array(
    fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(headerValue, fc.constantFrom('be', 'ru-RU', 'zzz', 'json', '1'))),
    { maxLength: 3 },
  ),
  headers: fc.dictionary(
    fc.constantFrom(...REQUEST_HEADERS),
    fc.oneof(
      headerValue,
      fc.constantFrom('evil.example', 'evil.example:8443', 'W/"x"', '*', 'https://news.example', 'be-BY,be;q=0.9'),
    ),
    { maxKeys: 4 },
  ),
});
