/**
 * The element's states as Lit templates: the facts (the shared template in factbox/, given
 * Lit's `html`), the error with its retry, and the loading state.
 */
import { html, nothing } from 'lit';
import type { ReleaseDocument } from '../data/schema';
import { toFactBoxModel, type FactBoxModel } from '../factbox/model';
import { ENGLISH, type UiStrings } from '../factbox/strings';
import { factBox, type Variant } from '../factbox/template';
import { ProblemError } from './fetch';

/**
 * The facts: full opens on the key facts with a button for the rest, unless `expanded`.
 *
 * @example
 * render(facts(toFactBoxModel(doc, { ui: 'en', labels: ENGLISH }), 'full', 'br1', false), root);
 */
export function facts(model: FactBoxModel, variant: Variant, id: string, expanded: boolean) {
  return factBox(html, model, { variant, level: 2, id, expanded });
}

/**
 * The reader gets words in their language; the problem itself goes to the error event. While
 * a retry runs (`busy`) the button is disabled and the box says `aria-busy`. `page` is the
 * release's fact page while a retry may still help; without it there is nothing to be had (no
 * such release, no longer published, or no API to ask), so the box says so and offers neither.
 * The element hears the button's clicks.
 */
export function failed(s: UiStrings, busy: boolean, page: string | undefined) {
  return html`<div part="error" role="alert">
      <p>${page ? s.failed : s.unavailable}</p>
      ${
        page
          ? html`<button type="button" ?disabled=${busy}>${s.retry}</button>
              <a href=${page} target="_blank" rel="noopener">${s.factPage}</a>`
          : nothing
      }
    </div>
    <slot></slot>`;
}

/** The site owner's fallback content if there is any, else a skeleton of the box. */
export function waiting(hasFallback: boolean) {
  return hasFallback ? html`<slot></slot>` : html`<div class="skeleton"></div>`;
}

/**
 * A document the element can show, or a problem saying it cannot. Data from the API has passed
 * the schema, but inline data has not: building the full view once (templates only, no DOM)
 * touches every field, so a malformed document fails here and not while rendering.
 */
export function validateByRendering(data: unknown): ReleaseDocument {
  try {
    // Inline data is text; the API's is parsed already.
    const doc = (typeof data === 'string' ? JSON.parse(data) : data) as ReleaseDocument;
    facts(toFactBoxModel(doc, { ui: 'en', labels: ENGLISH }), 'full', '', true);
    return doc;
  } catch {
    throw new ProblemError({ title: 'Invalid data', detail: 'This is not a release document.' });
  }
}
