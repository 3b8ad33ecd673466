/**
 * The fact box as server-rendered HTML, for readers without JavaScript, crawlers and link
 * previews: the element's own model and template (factbox/), given Hono's `html`, which
 * escapes every value. Plus the page's structured data (schema.org JSON-LD).
 */
import { html, raw } from 'hono/html';
import type { ReleaseDocument } from '../data/schema';
import { countLabel, formatCount, formatDate } from '../factbox/format';
import { boxLanguage, type BoxLanguage } from '../factbox/language';
import { toFactBoxModel } from '../factbox/model';
import { stringsFor } from '../factbox/translations';
import { factBox, type Variant } from '../factbox/template';

/**
 * The languages of a reader's box: the document's for the box, and a note in the reader's when
 * the facts are not in it, or when English has been revised since this translation
 * (factbox/language.ts, the rule the element follows too).
 *
 * @param reader the reader's canonical language (data/lang.ts `publishedLang`)
 * @param behind the read path says English has been revised since (worker/releases.ts)
 */
export function readerLanguage(doc: ReleaseDocument, reader: string, behind?: number): BoxLanguage {
  return boxLanguage(doc.lang, [reader, stringsFor(reader)], Boolean(behind));
}

/** The box's ids on a page: one box a page. */
const ID = 'facts';

/**
 * The box in `box`'s language: every fact, the page's main content (its headline the h1), or,
 * `compact`, the short box with a link to `origin`'s fact page. The template, given Hono's
 * `html`: what the element renders for the same arguments (tests/widget/factbox.test.ts).
 *
 * @example
 * c.html(html`<main>${factBoxHtml(doc, readerLanguage(doc, 'be'))}</main>`);
 */
export function factBoxHtml(doc: ReleaseDocument, box: BoxLanguage, variant: Variant = 'full', origin = '') {
  const model = toFactBoxModel(doc, box, origin);
  return html`<article class="fact-box" lang="${box.ui}" aria-labelledby="${ID}-h">
    ${factBox(html, model, { variant, level: 1, id: ID })}
  </article>`;
}

/** A few lines for inside `<belarus-release>`: what readers see where the script never runs. */
export function fallbackHtml(doc: ReleaseDocument, ui: string, pageUrl: string) {
  const s = stringsFor(ui);
  return html`<p>
    <strong>${formatCount(doc.released.count, ui)}</strong> ${countLabel(doc.released.count, ui, s.released)}:
    ${doc.headline} (${formatDate(doc.date, s)}).
    <a href="${pageUrl}">${s.factPage}</a>
  </p>`;
}

/**
 * schema.org NewsArticle about the release, with the people as Person and the sources cited.
 * `<` is escaped so no string can close the script element.
 */
export function jsonLd(doc: ReleaseDocument, pageUrl: string) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.headline,
    description: doc.summary,
    datePublished: doc.date,
    inLanguage: doc.lang,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    about: { '@type': 'Event', name: doc.headline, startDate: doc.date },
    mentions: doc.people.map((p) => ({
      '@type': 'Person',
      name: p.name,
      description: p.description,
      ...(p.aliases ? { alternateName: p.aliases } : {}),
    })),
    citation: doc.sources.map((s) => ({
      '@type': 'NewsArticle',
      headline: s.title,
      url: s.url,
      publisher: { '@type': 'Organization', name: s.publisher },
    })),
  };
  return raw(`<script type="application/ld+json">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`);
}
