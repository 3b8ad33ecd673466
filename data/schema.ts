/**
 * The one schema of a release document. The worker validates what it reads from KV and every
 * write with it, the CLI validates files with it, `data/release.schema.json` is generated from
 * it for editors, and the widget imports only its types.
 */
import { z } from 'zod';
import { DEFAULT_LANG, LANGUAGES, languageRule } from './lang';
import { MAX_DOCUMENT_BYTES, MAX_ID_LENGTH, utf8Length } from './limits';
import { ID_PATTERN, LANG_PATTERN } from './patterns';
import { checkReferences } from './references';

/**
 * Plain text: never HTML. Angle brackets and control characters are refused so that no
 * consumer of the API (ours or someone else's `innerHTML`) can be tricked into markup, and
 * bidirectional controls so that no text displays in an order other than the one stored.
 */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(
      /^[^<>\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u,
      'must be plain text: no "<", ">", control characters or bidirectional controls (U+202A–U+202E, U+2066–U+2069)',
    )
    .regex(/^\S(?:[\s\S]*\S)?$/u, 'must not start or end with whitespace');

/**
 * The language of a document: one of data/lang.ts's LANGUAGES, and nothing else (a document in
 * another language would be served, listed and published though no reader's box offers it).
 */
export const LanguageSchema = z.enum(LANGUAGES, { error: (issue) => languageRule(issue.input) });

const slug = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN, 'must be a lower-case slug like "maria-kolesnikova"');

/**
 * http(s) only: `javascript:`, `data:` and friends never reach a reader's link. A space is
 * refused too: browsers would quietly turn it into %20, so it is almost always a paste gone wrong.
 * No user or password (`https://www.bbc.co.uk@evil.example/` goes to evil.example). Stored as
 * the URL standard serialises it: percent-encoded, so a raw `"`, `<` or `>` never reaches a
 * consumer that forgets to escape it.
 */
const httpUrl = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'must be an https:// or http:// URL with a domain name, like "https://www.bbc.com/news"',
  })
  .max(2048)
  // A refinement, not a regex: JSON Schema keeps `"format": "uri"`, which already excludes spaces.
  .refine((url) => !/\s/.test(url), 'must not contain spaces: remove them, or write a space as %20')
  .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), {
    message: 'must not contain a user name or password: https://user@host/ goes to host',
  })
  .overwrite((url) => (URL.canParse(url) ? new URL(url).href : url));

/** Every fact names the source it comes from, by the id of an entry in `sources`. */
const sourced = { source: slug.describe('id of the entry in `sources` this comes from') };

const PersonSchema = z.strictObject({
  id: slug,
  name: text(120),
  aliases: z.array(text(120)).max(10).describe('other spellings of the name').optional(),
  description: text(400).describe('who they are, in one sentence'),
  released: z.boolean().describe('whether this person was among those released'),
  sentTo: text(120)
    .describe(
      'where they were sent after release, as a whole phrase in the document\'s language ("Handed over to Ukraine")',
    )
    .optional(),
  ...sourced,
});

const QuoteSchema = z.strictObject({
  text: text(600),
  translatedFrom: z
    .string()
    .regex(LANG_PATTERN)
    .describe('the language the quote reached us in, when this is a translation of it')
    .optional(),
  speaker: slug.describe('id of the speaker in `people`'),
  context: text(300).describe('when or where it was said').optional(),
  ...sourced,
});

const SourcedTextSchema = z.strictObject({ text: text(600), ...sourced });

const DestinationSchema = z.strictObject({
  place: text(120),
  detail: text(600),
  ...sourced,
});

const SourceSchema = z.strictObject({
  id: slug,
  publisher: text(120),
  title: text(300),
  url: httpUrl,
  reporting: text(120).describe('the outlet whose reporting this source relays').optional(),
});

/**
 * What a translation was made from: every language but English names the English revision it
 * translates, so that it can be checked against it and reported as behind when English moves on.
 */
const TranslationSchema = z.strictObject({
  from: z.literal(DEFAULT_LANG).describe('the language translated from: always the English document'),
  revision: z.int().min(1).max(1_000_000).describe('the revision of the English document translated'),
  same: z
    .array(
      z
        .string()
        .max(200)
        .regex(/^(\/[A-Za-z0-9]+)+$/, 'must be a JSON Pointer to a field, like "/people/4/name"'),
    )
    .max(200)
    .describe('JSON Pointers of text fields kept identical to English on purpose (a name, a title)')
    .optional(),
});

const ReleaseFields = z.strictObject({
  $schema: z.string().max(300).describe('path to release.schema.json, for editors').optional(),
  id: slug,
  lang: LanguageSchema,
  translation: TranslationSchema.optional(),
  headline: text(200),
  summary: text(800),
  date: z.iso
    .date({ error: 'must be a real date: use YYYY-MM-DD, like "2025-12-13"' })
    .describe('the day of the release, ISO 8601 (YYYY-MM-DD)'),
  released: z.strictObject({ count: z.int().min(0).max(100_000), ...sourced }),
  people: z.array(PersonSchema).min(1).max(50),
  deal: z.strictObject({
    envoy: slug.describe('id of the envoy in `people`'),
    summary: text(600),
    terms: z.array(SourcedTextSchema).max(20),
  }),
  destinations: z.array(DestinationSchema).max(20),
  quotes: z.array(QuoteSchema).max(20),
  context: z.array(SourcedTextSchema).max(20),
  sources: z.array(SourceSchema).min(1).max(20),
});

export type ReleaseDocument = z.infer<typeof ReleaseFields>;

// The references are checked even when other fields fail (`when`), so every error shows at once.
export const ReleaseDocumentSchema = ReleaseFields.superRefine(checkReferences, { when: () => true })
  .superRefine(checkSize, { when: () => true })
  .meta({
    id: 'Release',
    title: 'Release document',
  });
export type Source = z.infer<typeof SourceSchema>;

/**
 * The whole document, as the store keeps it and the CLI sends it (compact JSON, UTF-8), fits
 * the admin API's body limit: a document valid here can always be sent through the API.
 */
function checkSize(doc: ReleaseDocument, ctx: z.RefinementCtx): void {
  const bytes = utf8Length(JSON.stringify(doc));
  if (bytes > MAX_DOCUMENT_BYTES) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `the document is ${bytes} bytes as compact JSON (UTF-8); at most ${MAX_DOCUMENT_BYTES} are accepted`,
    });
  }
}
