/**
 * The fact box's markup, once, for both renderers: the element passes Lit's `html`, the worker
 * passes Hono's; both are tagged templates that escape every value, so what the box shows
 * cannot drift between the element and the pages. Markup only: every decision (which people,
 * which quote, names and roles, labels, dates) is already made in the model.
 *
 * The template keeps to what both tags read alike: quoted attribute values, text and nested
 * templates, arrays, and `null` for nothing (never `false`, which Lit would print). No Lit-only
 * bindings (`@event`, `?attr`, `.prop`): the element listens on its own wrapper instead.
 * A person's role is their description, a sentence ("Sister of Maria Kolesnikova."), so it
 * follows the name as one: "— Tatiana Khomich. Sister of Maria Kolesnikova.", never after a comma.
 * Quotation marks come from `<q>`, in the style of the quote's language (`quotes: auto`); both
 * renderers' styles give Belarusian its own, which Chromium lacks.
 */
import type { FactBoxModel, QuoteView } from './model';

/** A tagged template function that escapes its values: Lit's `html` or Hono's. */
export type Tag<R> = (strings: TemplateStringsArray, ...values: unknown[]) => R;

export type Variant = 'full' | 'compact';

export interface FactBoxOptions {
  variant: Variant;
  /** 1: the box is the page's main content, its headline the h1; 2: the box sits in an article. */
  level: 1 | 2;
  /** Prefix of the box's ids (headline, the rest of the facts): unique per box on a page. */
  id: string;
  /**
   * full only, for the element: the key facts (count, headline, date, summary, who was freed),
   * a "Show all facts" button saying whether the rest is `expanded`, then the rest, which
   * stays in the markup (for print and `aria-controls`) and the element hides while collapsed.
   * Absent: everything and no button, as the pages show it.
   */
  expanded?: boolean | undefined;
}

/**
 * @example
 * render(factBox(html, toFactBoxModel(doc, { ui: 'en', labels: ENGLISH }), { variant: 'full', level: 2, id: 'b1' }), root);
 * c.html(factBox(html, toFactBoxModel(doc, readerLanguage(doc, 'be')), { variant: 'full', level: 1, id: 'facts' }));
 */
export function factBox<R>(h: Tag<R>, m: FactBoxModel, o: FactBoxOptions): R {
  const s = m.labels;
  const list = (items: unknown[]) => h`<ul>${items.map((item) => h`<li>${item}</li>`)}</ul>`;
  // Heading levels follow the headline's: the sections are one below it.
  const section = (part: string, title: string, body: unknown) =>
    o.level === 1
      ? h`<div part="${part}"><h2>${title}</h2><div lang="${m.lang}">${body}</div></div>`
      : h`<div part="${part}"><h3>${title}</h3><div lang="${m.lang}">${body}</div></div>`;
  const quote = (q: QuoteView) =>
    h`<figure>
      <blockquote cite="${q.url}"><p><q>${q.text}</q></p></blockquote>
      <figcaption>— ${q.speaker}. ${q.role}${q.context ? h` ${q.context}` : null}${
        // English is the only source language (design.md), so the note names it.
        q.translatedFrom === 'en' ? h` <span class="note" lang="${m.ui}">(${s.translated})</span>` : null
      }</figcaption>
    </figure>`;
  const header = h`<div part="header">
    ${m.note ? h`<p class="note" lang="${m.note.lang}">${m.note.text}</p>` : null}
    <p class="count" part="count"><strong>${m.count}</strong> ${m.counted}</p>
    ${
      o.level === 1
        ? h`<h1 id="${o.id}-h" lang="${m.lang}">${m.headline}</h1>`
        : h`<h2 id="${o.id}-h" lang="${m.lang}">${m.headline}</h2>`
    }
    <p class="date"><time datetime="${m.date.iso}">${m.date.text}</time></p>
    ${o.variant === 'full' ? h`<p class="summary" lang="${m.lang}">${m.summary}</p>` : null}
  </div>`;

  if (o.variant === 'compact') {
    const { names, more, quote: one } = m.compact;
    return h`${header}
      ${section('people', s.people, h`<p>${names}${more ? h` <span lang="${m.ui}">${more}</span>` : null}</p>`)}
      ${one ? section('quotes', s.quotes, quote(one)) : null}
      <p class="end"><a href="${m.page}" target="_blank" rel="noopener">${s.allFacts}</a></p>`;
  }

  const people = section(
    'people',
    s.people,
    list(
      m.people.map(
        (p) =>
          h`<strong>${p.name}</strong>: ${p.description}${
            // A whole phrase in the document's language ("Handed over to Ukraine"), shown as it is.
            p.sentTo ? h` <span class="sent">${p.sentTo}</span>` : null
          }`,
      ),
    ),
  );
  const rest = [
    section(
      'deal',
      s.deal,
      h`<p>${m.deal.summary}</p>
        <p class="muted">${m.deal.envoy.name}. ${m.deal.envoy.role}</p>
        ${list(m.deal.terms.map((t) => t.text))}`,
    ),
    section(
      'destinations',
      s.destinations,
      list(m.destinations.map((d) => h`<strong>${d.place}</strong>: ${d.detail}`)),
    ),
    section('quotes', s.quotes, m.quotes.map(quote)),
    section('context', s.context, list(m.context.map((c) => c.text))),
    section(
      'sources',
      s.sources,
      list(
        m.sources.map(
          (src) =>
            h`<a href="${src.url}" lang="${src.lang}" target="_blank" rel="noopener noreferrer">${src.publisher}: <cite>${src.title}</cite></a>${
              src.reporting ? h` <span class="muted" lang="${m.ui}">(${s.via} ${src.reporting})</span>` : null
            }`,
        ),
      ),
    ),
  ];
  if (o.expanded === undefined) return h`${header}${people}${rest}`;
  const { expanded } = o;
  return h`<div class="key">${header}${people}</div>
    <div class="end">
      <button type="button" class="toggle" aria-expanded="${String(expanded)}" aria-controls="${o.id}-more">
        ${expanded ? s.showLess : s.showAll}
      </button>
    </div>
    <div class="more" id="${o.id}-more">${rest}</div>`;
}
