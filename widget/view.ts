/**
 * The fact box as Lit templates. Every value is interpolated as text (Lit escapes it); links
 * come from the model, which admits http(s) only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatDate, type UiStrings } from './strings';
import type { FactBoxModel } from './view-model';

export type Variant = 'full' | 'compact';

/**
 * @example
 * render(renderFacts(toFactBoxModel(doc), stringsFor('en'), 'en', 'full'), container);
 */
export function renderFacts({ doc, person, source }: FactBoxModel, s: UiStrings, ui: string, variant: Variant) {
  const full = variant === 'full';
  const list = (items: unknown[]) =>
    html`<ul>
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>`;
  const envoy = person(doc.deal.envoy);
  return html`
    <div part="header">
      <p class="count" part="count"><strong>${formatCount(doc.released.count, ui)}</strong> ${s.released}</p>
      <h2 lang=${doc.lang}>${doc.headline}</h2>
      <time datetime=${doc.date}>${formatDate(doc.date, ui)}</time>
      ${full ? html`<p lang=${doc.lang}>${doc.summary}</p>` : nothing}
    </div>
    ${section(
      'people',
      s.people,
      doc.lang,
      list(
        doc.people
          .filter((p) => p.released)
          .map(
            (p) =>
              html`<strong>${p.name}</strong>${full ? html`: ${p.description}` : nothing}
                ${p.sentTo ? html`<span class="muted">(${s.sentTo} ${p.sentTo})</span>` : nothing}`,
          ),
      ),
    )}
    ${
      full
        ? [
            section(
              'deal',
              s.deal,
              doc.lang,
              html`<p>${doc.deal.summary}</p>
                <p class="muted">${envoy.name}, ${envoy.description}</p>
                ${list(doc.deal.terms.map((t) => t.text))}`,
            ),
            section(
              'destinations',
              s.destinations,
              doc.lang,
              list(doc.destinations.map((d) => html`<strong>${d.place}</strong>: ${d.detail}`)),
            ),
          ]
        : nothing
    }
    ${section(
      'quotes',
      s.quotes,
      doc.lang,
      (full ? doc.quotes : doc.quotes.slice(0, 1)).map((q) => {
        const speaker = person(q.speaker);
        return html`<figure>
          <blockquote cite=${source(q.source)?.url ?? nothing}><p>“${q.text}”</p></blockquote>
          <figcaption>— <cite>${speaker.name}</cite>, ${speaker.description} ${q.context ?? nothing}</figcaption>
        </figure>`;
      }),
    )}
    ${full ? section('context', s.context, doc.lang, list(doc.context.map((c) => c.text))) : nothing}
    ${section(
      'sources',
      s.sources,
      doc.lang,
      list(
        doc.sources.map((src) => {
          const { url, label, reporting } = source(src.id)!;
          return html`<a href=${url} target="_blank" rel="noopener noreferrer">${label}</a>
            ${reporting ? html`<span class="muted">(${s.via} ${reporting})</span>` : nothing}`;
        }),
      ),
    )}
  `;
}

/** A region of the box: a heading in the reader's language over content in the document's. */
function section(part: string, title: string, lang: string, body: unknown): TemplateResult {
  return html`<div part=${part}>
    <h3>${title}</h3>
    <div lang=${lang}>${body}</div>
  </div>`;
}
