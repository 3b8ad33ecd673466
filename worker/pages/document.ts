/**
 * How every HTML page is put together: the document every page shares and the headers every
 * page sends.
 */
import { html, raw } from 'hono/html';
import { SECURITY_HEADERS } from '../headers';
import { CACHE_CONTROL } from '../http-cache';

export interface PageParts {
  /** The language of the page's text: `<html lang>` and `Content-Language`. */
  lang: string;
  title: string;
  canonical: string;
  /** Our own CSS, never data: it goes in as it is. */
  style: string;
  head?: unknown;
  body: unknown;
}

/**
 * A whole page. Every value in `head` and `body` comes through Hono's `html`, which escapes it.
 *
 * @example
 * c.html(htmlPage({ lang: 'en', title, canonical, style: PAGE_STYLE, body: html`<main>…</main>` }));
 */
export function htmlPage(p: PageParts) {
  return html`<!doctype html>
    <html lang="${p.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title}</title>
        <link rel="canonical" href="${p.canonical}" />
        ${p.head}
        <style>
          ${raw(p.style)}
        </style>
      </head>
      <body>
        ${p.body}
      </body>
    </html>`;
}

/**
 * The headers of a page: security headers with its own CSP, caching, and the language of its
 * text. A page that sets them all goes out as it is (worker/headers.ts adds nothing).
 */
export function pageHeaders(csp: string, lang: string, framed = false): Record<string, string> {
  // The iframe page is made to be framed: no X-Frame-Options, and its CSP says by whom.
  const { 'X-Frame-Options': _deny, ...framable } = SECURITY_HEADERS;
  return {
    ...(framed ? framable : SECURITY_HEADERS),
    'Content-Security-Policy': csp,
    'Cache-Control': CACHE_CONTROL,
    'Content-Language': lang,
  };
}
