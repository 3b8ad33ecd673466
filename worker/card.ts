/**
 * Link-preview cards (issue 13) on the read side: the card of each release and language at a
 * URL named by what it says (worker/card-store.ts), the default card bundled at build time
 * (cli/build-card.ts) for a release whose card is not stored (yet), and the tags that point
 * link previews at them. Cards are drawn by the CLI at push time: nothing here renders.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { DEFAULT_CARD_PNG } from '../dist/card-bundle';
import { CARD_SIZE, cardAlt, cardContent, cardKey } from '../factbox/card';
import type { ReleaseDocument } from '../data/schema';
import { MAX_ID_LENGTH } from '../data/limits';
import { ID_PATTERN, LANG_PATTERN } from '../data/patterns';
import { notServed } from './api';
import { withTimeout } from './cache';
import type { ReleaseReader, ReleaseReaderOptions } from './releases';
import { cardPath, readCard } from './card-store';
import { FALLBACK_HEADER, READ_CORS_HEADERS, SECURITY_HEADERS, type AppEnv } from './headers';
import { fingerprint, ifNoneMatchHits } from './http-cache';
import { problem } from './problem';

/** Where the default card is served under its own name. */
const DEFAULT_CARD_PATH = '/cards/default.png';

/**
 * A stored card never changes at its URL (a new text is a new URL), so caches keep it a year.
 * The default card in place of one that is not stored yet is kept five minutes: the real one
 * is usually seconds behind its revision.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const STAND_IN = 'public, max-age=300, s-maxage=300';
const DEFAULT_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
/** A card's file name: its key (factbox/card.ts), then `.png`. */
const CARD_FILE = /^[0-9a-f]{8}\.png$/;
/** How long a card read from KV may take before the default card answers instead. */
const KV_TIMEOUT_MS = 1_500;

const defaultLog = (message: string, detail: Record<string, unknown>) => console.error(message, JSON.stringify(detail));

let defaultCard: { png: Uint8Array<ArrayBuffer>; etag: string } | undefined;

/** The bundled default card, decoded once per isolate. */
function bundledDefault(): NonNullable<typeof defaultCard> {
  defaultCard ??= {
    png: Uint8Array.from(atob(DEFAULT_CARD_PNG), (c) => c.charCodeAt(0)),
    etag: `"card-default-${fingerprint(DEFAULT_CARD_PNG)}"`,
  };
  return defaultCard;
}

/** A PNG with the headers of a public read; 304 when `If-None-Match` names its ETag. */
function pngResponse(
  ifNoneMatch: string | undefined,
  png: BodyInit,
  etag: string,
  cacheControl: string,
  extra: Record<string, string> = {},
): Response {
  const headers = {
    ...SECURITY_HEADERS,
    ...READ_CORS_HEADERS,
    'Content-Type': 'image/png',
    'Cache-Control': cacheControl,
    ETag: etag,
    ...extra,
  };
  const notModified = ifNoneMatchHits(ifNoneMatch, etag);
  return new Response(notModified ? null : png, { status: notModified ? 304 : 200, headers });
}

/**
 * The card routes, to mount at /: `GET /cards/default.png` and `GET /cards/:id/:lang/:key.png`.
 * A stored card is served only while it is the card of the published document in that language:
 * a draft's card (pushed with its draft) or an older revision's is answered with the default
 * card, as is a card that is not stored, or that KV cannot give within 1.5 s
 * (`X-Data-Fallback: default-card`): a link preview never shows a broken image, nor a draft.
 * An unpublished release's cards answer 410, like its pages.
 *
 * @param log where faults are reported (the app's, as for documents); `console.error` by default
 * @example
 * app.route('/', cardRoutes(readerFor));
 */
export function cardRoutes(
  readerFor: (env: Env) => ReleaseReader,
  log: ReleaseReaderOptions['log'] = defaultLog,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(DEFAULT_CARD_PATH, (c) => {
    const { png, etag } = bundledDefault();
    return pngResponse(c.req.header('If-None-Match'), png, etag, DEFAULT_CACHE);
  });
  app.get('/cards/:id/:lang/:file', async (c) => {
    const { id, lang, file } = c.req.param();
    if (!CARD_FILE.test(file)) {
      throw problem(404, 'Not Found', `Cards are named by eight hex digits and ".png", not "${file}".`);
    }
    const ifNoneMatch = c.req.header('If-None-Match');
    if (id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id) && LANG_PATTERN.test(lang)) {
      const key = file.slice(0, 8);
      const reader = readerFor(c.env);
      const served = await reader.get(id, lang);
      if (!served && (await reader.withdrawal(id))) throw await notServed(reader, id);
      const doc = served?.value.document;
      // Only the published document's card: a draft's, or an older revision's, is not shown.
      if (doc?.lang === lang && cardKey(cardContent(doc)) === key) {
        try {
          const card = await withTimeout(readCard(c.env.RELEASES, id, lang, key), KV_TIMEOUT_MS);
          if (card) return pngResponse(ifNoneMatch, card.png, card.etag, IMMUTABLE);
        } catch (error: unknown) {
          const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          log('KV fault while reading a card; serving the default card', { id, lang, error: detail });
        }
      }
    }
    const { png, etag } = bundledDefault();
    return pngResponse(ifNoneMatch, png, etag, STAND_IN, { [FALLBACK_HEADER]: 'default-card' });
  });
  return app;
}

/**
 * The absolute URL of the card of `doc`, as pages (`og:image`) and oEmbed (`thumbnail_url`) name
 * it. It answers the default card while none is stored for what `doc` says.
 *
 * @example
 * cardUrl('https://facts.example', doc); // "https://facts.example/cards/belarus-2025-12/ru/3f2a9c01.png"
 */
export const cardUrl = (origin: string, doc: ReleaseDocument) =>
  `${origin}${cardPath(doc.id, doc.lang, cardKey(cardContent(doc)))}`;

/**
 * The tags that make a link preview show the card of `doc`: Open Graph's image with its size
 * and alternative text (in the document's language), and Twitter's large-image card.
 *
 * @example
 * html`<head>${cardMeta('https://facts.example', doc)}</head>`;
 */
export function cardMeta(origin: string, doc: ReleaseDocument) {
  const content = cardContent(doc);
  const url = cardUrl(origin, doc);
  return html`<meta property="og:image" content="${url}" />
    <meta property="og:image:type" content="image/png" />
    <meta property="og:image:width" content="${CARD_SIZE.width}" />
    <meta property="og:image:height" content="${CARD_SIZE.height}" />
    <meta property="og:image:alt" content="${cardAlt(content)}" />
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:image" content="${url}" />
    <meta name="twitter:image:alt" content="${cardAlt(content)}" />`;
}
