/**
 * Cloudflare's cache in front of the worker (Workers Cache, `[cache] enabled = true` in
 * wrangler.toml): it answers repeated GETs of the API, the pages and oEmbed without running the
 * worker. Each cacheable answer says how long the edge may keep it
 * (`Cloudflare-CDN-Cache-Control`, which Cloudflare reads before `Cache-Control` and strips) and
 * what it shows (`Cache-Tag`, stripped too); a write purges the tags of everything it changes,
 * at once and twice more as it settles (worker/writer.ts), so readers get an edit within
 * seconds, not when the cached copies expire. Local
 * development and tests have no such cache (`ctx.cache` is undefined): the headers are sent
 * and nothing is purged.
 *
 * Tags: `index` on the index and on everything `latest` names; `release:<id>:<lang>` and
 * `release:<id>:en` on a document asked for in `lang` (English decides the fallback and how far
 * a translation is behind); `release:<id>` on the pages and oEmbed of a release (they link every
 * language it has). A write to (id, lang) purges the three that cover it: {@link purgeTags}.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { DEFAULT_LANG, normaliseLang } from '../data/lang';
import { ID_PATTERN } from '../data/patterns';
import { FALLBACK_HEADER } from './headers';

/**
 * What the worker uses of Workers Cache's `ctx.cache` (CacheContext in the Workers types, which
 * the CLI's Node build of this file does not load).
 */
export interface EdgeCache {
  purge(options: { tags: string[] }): Promise<{ success: boolean; errors: { code: number; message: string }[] }>;
}

/** The tag of the release index and of every `latest` URL. */
export const INDEX_TAG = 'index';

/**
 * How long the edge keeps an answer: a minute fresh, then served stale for five while one
 * request refreshes it (with `s-maxage` Cloudflare would not serve stale: RFC 9111 §4.2.4), a
 * day when the worker fails. Bounded although every change purges: a change made around the
 * worker (a hand edit in KV) still reaches readers.
 */
export const EDGE_CACHE_CONTROL = 'max-age=60, stale-while-revalidate=300, stale-if-error=86400';

/**
 * The tags of a cacheable answer to `path` with the query `query` (nothing for a URL no release
 * can have). From the path Hono has parsed already: no URL is parsed on the hot path.
 */
function cacheTags(path: string, query: (name: string) => string | undefined): string[] {
  if (path === '/api/releases') return [INDEX_TAG];
  if (path === '/oembed') {
    const target = query('url');
    return target && URL.canParse(target) ? pageTags(new URL(target).pathname) : [];
  }
  const api = /^\/api\/releases\/([^/]+)$/.exec(path);
  if (!api) return pageTags(path);
  const id = api[1]!;
  if (id === 'latest') return [INDEX_TAG];
  if (!ID_PATTERN.test(id)) return [];
  const lang = normaliseLang(query('lang'));
  return lang === DEFAULT_LANG ? [`release:${id}:${lang}`] : [`release:${id}:${lang}`, `release:${id}:${DEFAULT_LANG}`];
}

/**
 * `/releases/:id` and `/embed/:id`: the whole release, or the index for `latest`; a card,
 * `/cards/:id/:lang/:key.png`, its release.
 */
function pageTags(path: string): string[] {
  const id = /^\/(?:releases|embed)\/([^/]+)$|^\/cards\/([^/]+)\/[^/]+\/[^/]+$/.exec(path)?.slice(1).find(Boolean);
  if (id === 'latest') return [INDEX_TAG];
  return id && ID_PATTERN.test(id) ? [`release:${id}`] : [];
}

/** What a write to (id, lang) purges: its document, the pages of its release, the index. */
export function purgeTags(id: string, lang: string): string[] {
  return [`release:${id}:${lang}`, `release:${id}`, INDEX_TAG];
}

/**
 * Marks the worker's cacheable answers (200, `public`) for the edge: their tags, and how long
 * Cloudflare keeps them. A fallback keeps its own short `Cache-Control` at the edge too.
 *
 * @example
 * app.use('/api/releases/*', edgeCaching);
 */
export const edgeCaching: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (c.res.status !== 200 || !headers.get('Cache-Control')?.startsWith('public')) return;
  const tags = cacheTags(c.req.path, (name) => c.req.query(name));
  if (tags.length === 0) return;
  headers.set('Cache-Tag', tags.join(','));
  if (!headers.has(FALLBACK_HEADER)) headers.set('Cloudflare-CDN-Cache-Control', EDGE_CACHE_CONTROL);
};

/**
 * The request's handle on Workers Cache, or `undefined` where there is none (wrangler dev,
 * Miniflare, `app.request()` without an execution context).
 */
export function edgeCacheOf(c: Context): EdgeCache | undefined {
  try {
    // Hono types its execution context without `cache`; workerd's has it when caching is on.
    return (c.executionCtx as { cache?: EdgeCache }).cache;
  } catch {
    return undefined;
  }
}

/**
 * Purges `tags` from Cloudflare's cache. The change has happened by then: a purge that fails is
 * logged, not thrown, and answers `false` for a caller that can try again (the writer's later
 * purges, worker/writer.ts); the cached copies expire within {@link EDGE_CACHE_CONTROL}'s bounds
 * anyway. Without a cache there is nothing to purge (`true`).
 *
 * @example
 * await purgeEdge(edgeCacheOf(c), purgeTags('belarus-2025-12', 'be'));
 */
export async function purgeEdge(cache: EdgeCache | undefined, tags: string[]): Promise<boolean> {
  if (!cache) return true;
  const failed = (detail: unknown) => {
    console.error(
      'Workers Cache purge failed; readers get the edit at the next purge or when cached copies expire',
      JSON.stringify({ tags, detail }),
    );
    return false;
  };
  try {
    const result = await cache.purge({ tags });
    return result.success || failed(result.errors);
  } catch (error: unknown) {
    return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}
