/**
 * The canonical page of a release, `/releases/:id[?lang=xx]`: a complete article with every
 * fact, server-rendered from the one template (factbox/), with meta tags, JSON-LD, oEmbed
 * discovery and its language versions.
 *
 * It runs no script and does not use the element: the page already shows everything, so the
 * element could only take things away (a collapsed box, a second request for the same document,
 * its headline moved into shadow DOM where the page loses its h1) and add ten kilobytes. The
 * element is for other people's pages; the page is the reference it links to.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ReleaseDocument } from '../../data/schema';
import { factPageUrl } from '../../factbox/model';
import { cardMeta } from '../card';
import { factBoxHtml, jsonLd, readerLanguage } from '../fact-box-html';
import { retrying } from '../kv-retry';
import type { ReleaseReader } from '../releases';
import { languagesOf } from '../store';
import { PAGE_CSP, type AppEnv } from '../headers';
import { htmlPage, pageHeaders, pageRelease } from './document';
import { alternateLinks, languageSwitcher, localeMeta, versions } from './language';
import { PAGE_STYLE } from './styles';

/**
 * GET /releases/:id: `id` or `latest`; `lang` canonicalised (./language.ts). Without a document
 * in the reader's language the page is the English one, with a note in theirs, and says so:
 * `<html lang="en">`, `Content-Language: en`, the English URL as canonical.
 *
 * @example
 * app.get('/releases/:id', (c) => canonicalPage(c, readerFor(c.env)));
 */
export async function canonicalPage(c: Context<AppEnv>, reader: ReleaseReader): Promise<Response> {
  const { doc, lang, origin, behind, ...served } = await pageRelease(c, reader);
  const box = readerLanguage(doc, lang, behind);
  const { ui } = box;
  const all = await pageVersions(c, reader, origin, doc, ui, served.preview);
  const page = factPageUrl(origin, doc.id, ui);
  const body = htmlPage({
    lang: ui,
    title: doc.headline,
    canonical: page,
    style: PAGE_STYLE,
    head: html`${meta(doc, page, origin)} ${alternateLinks(all)} ${localeMeta(ui, all)} ${jsonLd(doc, page)}`,
    body: html`<header>${languageSwitcher(ui, all)}</header>
      <main>${factBoxHtml(doc, box)}</main>`,
  });
  return c.html(body, 200, pageHeaders(PAGE_CSP, ui, served));
}

/**
 * The language versions a page links. A public page: those the index lists (a release it does
 * not list yet has its own). An editor's preview: every language drafted so far, each at its
 * own preview under the same `preview` value, so that switching language stays in the preview.
 */
async function pageVersions(
  c: Context<AppEnv>,
  reader: ReleaseReader,
  origin: string,
  doc: ReleaseDocument,
  ui: string,
  preview: boolean | undefined,
) {
  if (preview) {
    // From KV's listing, which may lag a new language by up to a minute: this one is there already.
    const drafted = await languagesOf(retrying(c.env.RELEASES), doc.id);
    return versions(origin, doc.id, [doc.lang, ...drafted], c.req.query('preview'));
  }
  const listed = (await reader.list(ui)).value.find((r) => r.id === doc.id);
  return versions(origin, doc.id, listed?.languages ?? [doc.lang]);
}

/** What link previews and search engines read: description, Open Graph, Twitter, the card, oEmbed. */
function meta(doc: ReleaseDocument, page: string, origin: string) {
  const oembed = `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
  return html`<meta name="color-scheme" content="light dark" />
    <meta name="description" content="${doc.summary}" />
    <link rel="alternate" type="application/json+oembed" href="${oembed}" title="${doc.headline}" />
    <meta property="og:type" content="article" />
    <meta property="og:site_name" content="belarus-release" />
    <meta property="og:title" content="${doc.headline}" />
    <meta property="og:description" content="${doc.summary}" />
    <meta property="og:url" content="${page}" />
    <meta property="article:published_time" content="${doc.date}" />
    ${cardMeta(origin, doc)}
    <meta name="twitter:title" content="${doc.headline}" />
    <meta name="twitter:description" content="${doc.summary}" />`;
}
