/**
 * A page that says why a release page cannot be shown, for a person rather than a program: the
 * 410 of an unpublished release, and a refused preview link. The API answers the same cases
 * with problem documents.
 */
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PAGE_CSP, SECURITY_HEADERS } from '../headers';
import { htmlPage } from './document';
import { PAGE_STYLE } from './styles';

/**
 * An exception that renders as a short English page with `status`: a heading and a paragraph,
 * never cached, never indexed.
 *
 * @example
 * throw await noticePage(410, 'This release was unpublished', 'Its facts were taken down on 2026-01-05.', origin);
 */
export async function noticePage(
  status: ContentfulStatusCode,
  title: string,
  text: string,
  origin: string,
): Promise<HTTPException> {
  const body = await htmlPage({
    lang: 'en',
    title,
    canonical: `${origin}/`,
    style: PAGE_STYLE,
    body: html`<main>
      <h1>${title}</h1>
      <p>${text}</p>
      <p><a href="${origin}/">Other releases</a></p>
    </main>`,
  });
  const res = new Response(String(body), {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': PAGE_CSP,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': 'en',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
  return new HTTPException(status, { message: title, res });
}
