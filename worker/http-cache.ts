/**
 * HTTP caching for the read API: validators, conditional requests and Cache-Control.
 */
import { FALLBACK_HEADER } from './headers';

/** How long, in seconds, a shared cache outside Cloudflare may keep an answer. */
export const SHARED_MAX_AGE = 300;

/**
 * Browsers keep a document for a minute, shared caches for five, and may serve it stale for a
 * day while revalidating or while the origin fails (RFC 5861). Cloudflare's own cache follows
 * `Cloudflare-CDN-Cache-Control` instead (worker/edge-cache.ts), and is purged on every change.
 */
export const CACHE_CONTROL = `public, max-age=60, s-maxage=${SHARED_MAX_AGE}, stale-while-revalidate=86400, stale-if-error=86400`;

/** A fallback is served briefly so that caches pick up the real document as soon as KV is back. */
export const FALLBACK_CACHE_CONTROL = 'public, max-age=15, s-maxage=15';

/**
 * `Cache-Control`, and `X-Data-Fallback` when what is served is a fallback: the pages and
 * oEmbed say so like the API, and are cached as briefly.
 *
 * @example
 * c.html(body, 200, servedHeaders(served.fallback));
 */
export function servedHeaders(fallback: string | undefined): Record<string, string> {
  return fallback
    ? { 'Cache-Control': FALLBACK_CACHE_CONTROL, [FALLBACK_HEADER]: fallback }
    : { 'Cache-Control': CACHE_CONTROL };
}

/**
 * Whether an `If-None-Match` header matches `etag`, by the weak comparison that RFC 9110
 * §13.1.2 requires for GET and HEAD: `W/"x"` matches `"x"`, and `*` matches any current entity.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === mine);
}

/** 32-bit FNV-1a, in hex: a fast, stable fingerprint (not a security boundary). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
