/**
 * Previews: an editor sees a release as readers will, drafts included, before anyone else can.
 * Any public URL of a release (`/api/releases/:id`, `/releases/:id`, `/embed/:id`) with a
 * `preview` parameter serves the newest revision instead of the published one, to a request
 * that carries the admin token (`Authorization: Bearer`) or whose `preview` is a signed link.
 *
 * A signed link is `?preview=<expiry>.<signature>`: the expiry in Unix seconds, and an
 * HMAC-SHA-256 keyed with the ADMIN_TOKEN secret over `belarus-release preview`, the release id
 * and the expiry (base64url). So a link opens one release, in any language and page, until it
 * expires (at most {@link MAX_PREVIEW_SECONDS}); no link can be made without the token, and
 * changing the token revokes every link. Previews are never stored by a cache
 * (`private, no-store`) nor indexed.
 */
import type { Context } from 'hono';
import { DEFAULT_LANG } from '../data/lang';
import { bearsAdminToken } from './admin-requests';
import type { AppEnv } from './headers';

/** The longest a signed link may live: a week. */
export const MAX_PREVIEW_SECONDS = 7 * 24 * 3600;
/** How long a link lives unless the editor says otherwise: a day. */
export const DEFAULT_PREVIEW_SECONDS = 24 * 3600;
/** The headers of every preview: kept by no cache, shown by no search engine. */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
};

/** Why a preview was refused, for the API to answer as a problem and a page as a page. */
export interface PreviewRefusal {
  status: 401 | 403 | 503;
  title: string;
  detail: string;
}

/**
 * `public` for a request that asks no preview; `preview` for one that may see it; else why not.
 *
 * @example
 * const access = await previewAccess(c, id);
 * if (typeof access === 'object') throw problem(access.status, access.title, access.detail);
 */
export async function previewAccess(c: Context<AppEnv>, id: string): Promise<'public' | 'preview' | PreviewRefusal> {
  const asked = c.req.query('preview');
  if (asked === undefined) return 'public';
  const secret = c.env.ADMIN_TOKEN;
  if (!secret) return { status: 503, title: 'Previews disabled', detail: 'No ADMIN_TOKEN is configured.' };
  if (await bearsAdminToken(c, secret)) return 'preview';
  const again = `Ask the editor for a new link (\`npx belarus-release preview ${id}\`).`;
  if (!asked) {
    return {
      status: 401,
      title: 'Unauthorized',
      detail: `A preview needs a signed link or the admin token ("Authorization: Bearer <token>"). ${again}`,
    };
  }
  const verdict = await checkLink(secret, id, asked, Math.floor(Date.now() / 1000));
  if (verdict === 'valid') return 'preview';
  const detail =
    verdict === 'expired'
      ? `This preview link of ${id} has expired.`
      : `This preview link is not valid for ${id}: it was altered, or made with another admin token.`;
  return { status: 403, title: 'Forbidden', detail: `${detail} ${again}` };
}

/**
 * The signed `preview` value for `id`, valid until `expires` (Unix seconds).
 *
 * @example
 * await signPreview(env.ADMIN_TOKEN, 'belarus-2025-12', now + 3600); // '1767225600.Xk3…'
 */
export async function signPreview(secret: string, id: string, expires: number): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), signed(id, expires));
  return `${expires}.${base64url(new Uint8Array(signature))}`;
}

/**
 * The preview URLs of a release for a reader of `lang`, under the public origin.
 *
 * @example
 * previewLinks('https://facts.example', 'belarus-2025-12', 'be', token).page; // …/releases/belarus-2025-12?lang=be&preview=…
 */
export function previewLinks(origin: string, id: string, lang: string, token: string) {
  const query = `${lang === DEFAULT_LANG ? '' : `lang=${lang}&`}preview=${encodeURIComponent(token)}`;
  return {
    page: `${origin}/releases/${id}?${query}`,
    embed: `${origin}/embed/${id}?${query}`,
    api: `${origin}/api/releases/${id}?${query}`,
  };
}

async function checkLink(secret: string, id: string, token: string, now: number) {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const expires = Number(match[1]);
  const signature = Uint8Array.from(atob(match[2]!.replaceAll('-', '+').replaceAll('_', '/')), (ch) =>
    ch.charCodeAt(0),
  );
  // crypto.subtle.verify compares in constant time; the expiry is checked only once it is genuine.
  const genuine = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, signed(id, expires));
  if (!genuine) return 'invalid';
  return expires >= now ? 'valid' : 'expired';
}

const hmacKey = (secret: string) =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

/** What a link signs: a purpose, so that no other HMAC of the token could pass for a link. */
const signed = (id: string, expires: number) => new TextEncoder().encode(`belarus-release preview\n${id}\n${expires}`);

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
