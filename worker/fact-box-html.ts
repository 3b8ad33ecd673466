/**
 * The fact box as server-rendered HTML, for readers without JavaScript, crawlers and link
 * previews: the same view model and UI strings as the element (widget/), rendered with Hono's
 * `html` helper, which escapes every value. Plus the page's structured data (schema.org JSON-LD).
 */
import { html, raw } from 'hono/html';
import type { ReleaseDocument } from '../data/schema';
import { formatCount, formatDate, stringsFor } from '../widget/strings';
import { toFactBoxModel } from '../widget/view-model';

/**
 * The full fact box as the main content of a page (the headline is its h1): count, headline, date, summary, who was freed, the deal, destinations,
 * quotes, background and sources, headings in the reader's language `ui`.
 *
 * @example
 * c.html(html`<main>${factBoxHtml(doc, 'en')}</main>`);
 */
export function factBoxHtml(doc: ReleaseDocument, ui: string) {
  const s = stringsFor(ui);
  const { person, source } = toFactBoxModel(doc);
  const envoy = person(doc.deal.envoy);
  const list = (items: unknown[]) =>
    html`<ul>
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>`;
  const section = (title: string, body: unknown) =>
    html`<h2>${title}</h2>
      <div lang="${doc.lang}">${body}</div>`;
  return html`<article class="fact-box" lang="${ui}">
    <p class="count"><strong>${formatCount(doc.released.count, ui)}</strong> ${s.released}</p>
    <h1 lang="${doc.lang}">${doc.headline}</h1>
    <p><time datetime="${doc.date}">${formatDate(doc.date, ui)}</time></p>
    <p lang="${doc.lang}">${doc.summary}</p>
    ${section(
      s.people,
      list(
        doc.people
          .filter((p) => p.released)
          .map(
            (p) => html`<strong>${p.name}</strong>: ${p.description}${p.sentTo ? ` (${s.sentTo} ${p.sentTo})` : ''}`,
          ),
      ),
    )}
    ${section(
      s.deal,
      html`<p>${doc.deal.summary}</p>
        <p>${envoy.name}, ${envoy.description}</p>
        ${list(doc.deal.terms.map((t) => t.text))}`,
    )}
    ${section(s.destinations, list(doc.destinations.map((d) => html`<strong>${d.place}</strong>: ${d.detail}`)))}
    ${section(
      s.quotes,
      doc.quotes.map((q) => {
        const speaker = person(q.speaker);
        return html`<figure>
          <blockquote><p>“${q.text}”</p></blockquote>
          <figcaption>— <cite>${speaker.name}</cite>, ${speaker.description} ${q.context ?? ''}</figcaption>
        </figure>`;
      }),
    )}
    ${section(s.context, list(doc.context.map((c) => c.text)))}
    ${section(
      s.sources,
      list(
        doc.sources.map((src) => {
          const { url, label, reporting } = source(src.id)!;
          return html`<a href="${url}" rel="noopener noreferrer">${label}</a
            >${reporting ? ` (${s.via} ${reporting})` : ''}`;
        }),
      ),
    )}
  </article>`;
}

/** A few lines for inside `<belarus-release>`: what readers see where the script never runs. */
export function fallbackHtml(doc: ReleaseDocument, ui: string, pageUrl: string) {
  const s = stringsFor(ui);
  return html`<p>
    <strong>${formatCount(doc.released.count, ui)}</strong> ${s.released}: ${doc.headline}
    (${formatDate(doc.date, ui)}). <a href="${pageUrl}">${s.factPage}</a>
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
