/**
 * A page that says why a release page cannot be shown, for a person rather than a program: a
 * release that does not exist, or was unpublished (./missing.ts), or a refused preview link. The API answers the same cases with problem documents. Asked for as the iframe
 * page, the notice is an iframe page too: frameable, in the frame's theme, posting its height,
 * so that a host shows the reader a sentence instead of the browser's blocked-frame face.
 */
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { EMBED_CSP, PAGE_CSP } from '../headers';
import { htmlPage, pageHeaders } from './document';
import type { EmbedOptions } from './embed-options';
import { PAGE_STYLE, embedStyle } from './styles';

/** What a notice says, in which language, and where it sends the reader instead. */
export interface Notice {
  status: ContentfulStatusCode;
  /** The language of `title`, `text` and the link's text. */
  lang: string;
  title: string;
  text: string;
  /** The link, its text's language (the notice's unless it says), and what comes before it. */
  link: { href: string; text: string; lang?: string; lead?: string };
  /** How long it may be kept: never, unless it says. */
  cacheControl?: string;
}

/**
 * An exception that renders as a short page with the notice's status: a heading, a paragraph
 * and a link, never indexed. With `frame` (the iframe page's options), the iframe page's look.
 *
 * @example
 * throw await noticePage({ status: 410, lang: 'en', title: 'This release was unpublished', text, link }, origin);
 */
export async function noticePage(notice: Notice, origin: string, frame?: EmbedOptions): Promise<HTTPException> {
  const { status, lang, title, text, link } = notice;
  // In a frame, links leave it, as the iframe page's do (./embed.ts).
  const linkLang = link.lang ?? lang;
  const away = frame
    ? html`<a href="${link.href}" lang="${linkLang}" target="_blank" rel="noopener">${link.text}</a>`
    : html`<a href="${link.href}" lang="${linkLang}">${link.text}</a>`;
  const body = await htmlPage({
    lang,
    title,
    canonical: `${origin}/`,
    style: frame ? embedStyle(frame) : PAGE_STYLE,
    head: frame ? html`<script type="module" src="/embed.js"></script>` : undefined,
    body: html`<main>
      <h1>${title}</h1>
      <p>${text}</p>
      <p>${link.lead ?? ''} ${away}</p>
    </main>`,
  });
  const headers = {
    ...pageHeaders(frame ? EMBED_CSP : PAGE_CSP, lang, { framed: Boolean(frame) }),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': notice.cacheControl ?? 'no-store',
    'X-Robots-Tag': 'noindex',
  };
  return new HTTPException(status, { message: title, res: new Response(String(body), { status, headers }) });
}
