/**
 * `<belarus-release>`: the fact box element. One file per element, named after its tag; the
 * view, strings, styles and loading live beside it.
 */
import { html, LitElement, nothing } from 'lit';
import { DEFAULT_LANG, normaliseLang } from '../data/lang';
import type { ReleaseDocument } from '../data/schema';
import { ID_PATTERN } from '../data/patterns';
import { BelarusReleaseErrorEvent, BelarusReleaseLoadEvent, type WidgetProblem } from './events';
import { LoadController, type LoadState } from './loader';
import { stringsFor } from './strings';
import { styles } from './styles';
import { renderFacts, type Variant } from './view';
import { toFactBoxModel, type FactBoxModel } from './view-model';

export { BelarusReleaseErrorEvent, BelarusReleaseLoadEvent };

type Theme = 'light' | 'dark' | 'auto';

/** The API this script came from: the snippet needs no configuration. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/** Thrown inside the element only, to carry a problem to its error state and event. */
class ProblemError extends Error {
  constructor(readonly problem: WidgetProblem) {
    super(problem.detail);
  }
}

interface Loaded {
  doc: ReleaseDocument;
  model: FactBoxModel;
}

/**
 * `<belarus-release>`: a fact box about a release of Belarusian political prisoners, fetched
 * from the belarus-release API (the origin this script was loaded from, unless `api` says
 * otherwise) and rendered in shadow DOM.
 *
 * @element belarus-release
 * @fires belarus-release-load - {@link BelarusReleaseLoadEvent}: the document arrived and is shown.
 * @fires belarus-release-error - {@link BelarusReleaseErrorEvent}: no document could be had; the error state is shown.
 * @slot - Fallback content (a sentence and a link), shown while loading and when loading fails.
 * @csspart box - The whole fact box.
 * @csspart header - Count, headline and date.
 * @csspart count - The number released.
 * @csspart people - Who was freed.
 * @csspart deal - The deal (full variant).
 * @csspart destinations - Where they went (full variant).
 * @csspart quotes - What was said.
 * @csspart context - Background (full variant).
 * @csspart sources - Sources, with links.
 * @csspart error - The error message, retry button and link.
 * @cssprop [--belarus-release-accent=#0b5cad] - Accent colour: the count, links, quote rule, buttons.
 * @cssprop [--belarus-release-background=#ffffff] - Box background.
 * @cssprop [--belarus-release-text=#1b1b1b] - Text colour.
 * @cssprop [--belarus-release-muted=#555555] - Secondary text.
 * @cssprop [--belarus-release-border=#d0d0d0] - Border and skeleton colour.
 * @cssprop [--belarus-release-radius=8px] - Corner radius.
 * @cssprop [--belarus-release-font=inherit] - Font shorthand.
 * @cssprop [--belarus-release-spacing=16px] - Padding and gaps.
 * @cssprop [--belarus-release-height=480px] - Height reserved before the facts arrive (260px compact).
 */
export class BelarusReleaseElement extends LitElement {
  static override styles = styles;
  static override properties = {
    release: { reflect: true },
    lang: { reflect: true },
    theme: { reflect: true },
    variant: { reflect: true },
    api: { reflect: true },
  };

  /** Release id, or `latest` for the newest release. Default `latest`. */
  declare release: string;
  /** Language of the facts and labels. Default: the nearest `lang` in the page, else `en`. */
  declare lang: string;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). Default `auto`. */
  declare theme: string;
  /** `full` or `compact`. Default `full`. */
  declare variant: string;
  /** Origin of the API. Default: the origin `widget.js` was loaded from. */
  declare api: string | undefined;

  #announced: LoadState<Loaded> | undefined;
  /** The last document from the network, to revalidate with `If-None-Match`. */
  #cached: { url: string; etag: string; loaded: Loaded } | undefined;

  readonly #loader = new LoadController(
    this,
    () => [this.#url(), this.#inlineData()] as const,
    ([url, inline], signal) => this.#load(url, inline, signal),
  );

  constructor() {
    super();
    this.release = 'latest';
    this.theme = 'auto';
    this.variant = 'full';
  }

  /** Fetches the facts again, conditionally: an unchanged document costs a 304. */
  refresh(): void {
    this.#loader.run();
  }

  protected override render() {
    const lang = this.#lang();
    const s = stringsFor(lang);
    const state = this.#loader.state;
    const loaded = state.status === 'complete';
    return html`<section
      part="box"
      class="box ${this.#theme()}"
      lang=${lang}
      aria-label=${loaded ? state.value.doc.headline : nothing}
      aria-busy=${state.status === 'pending'}
      tabindex=${loaded ? 0 : nothing}
    >
      ${
        loaded
          ? renderFacts(state.value.model, s, lang, this.#variant())
          : state.status === 'error'
            ? this.#failed()
            : this.#waiting()
      }
    </section>`;
  }

  /** The site owner's fallback content if there is any, else a skeleton of the box. */
  #waiting() {
    return this.#hasFallback() ? html`<slot></slot>` : html`<div class="skeleton"></div>`;
  }

  /** The reader gets words in their language; the problem itself goes to the error event. */
  #failed() {
    const s = stringsFor(this.#lang());
    return html`<div part="error" role="alert">
        <p>${s.failed}</p>
        <button @click=${() => this.refresh()}>${s.retry}</button>
        <a href=${`${this.#origin()}/releases/${this.#release()}`} target="_blank" rel="noopener">${s.factPage}</a>
      </div>
      <slot></slot>`;
  }

  /** Announces each new state once it is on screen: the document, or the problem. */
  protected override updated(): void {
    const state = this.#loader.state;
    if (state === this.#announced) return;
    this.#announced = state;
    if (state.status === 'complete') this.dispatchEvent(new BelarusReleaseLoadEvent(state.value.doc));
    if (state.status === 'error')
      this.dispatchEvent(new BelarusReleaseErrorEvent(problemOf(state.error, this.#origin())));
  }

  #load(url: string, inline: string | null, signal: AbortSignal): Promise<Loaded> {
    return inline !== null
      ? Promise.resolve().then(() => validateByRendering(() => JSON.parse(inline)))
      : this.#fetch(url, signal);
  }

  async #fetch(url: string, signal: AbortSignal): Promise<Loaded> {
    const cached = this.#cached?.url === url ? this.#cached : undefined;
    const response = await fetch(url, { signal, headers: cached ? { 'If-None-Match': cached.etag } : {} });
    if (response.status === 304 && cached) return cached.loaded;
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as Partial<WidgetProblem>;
      const title = typeof body.title === 'string' ? body.title : `HTTP ${response.status}`;
      throw new ProblemError({ title, status: response.status, detail: String(body.detail ?? title) });
    }
    const data: unknown = await response.json().catch(() => null);
    const loaded = validateByRendering(() => data);
    const etag = response.headers.get('ETag');
    this.#cached = etag ? { url, etag, loaded } : undefined;
    return loaded;
  }

  #url(): string {
    return `${this.#origin()}/api/releases/${this.#release()}?lang=${this.#lang()}`;
  }

  #release(): string {
    return ID_PATTERN.test(this.release ?? '') ? this.release : 'latest';
  }

  #origin(): string {
    try {
      const url = new URL(this.api ?? '');
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // not a URL: use the script's origin
    }
    return SCRIPT_ORIGIN;
  }

  #lang(): string {
    return normaliseLang(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  #theme(): Theme {
    return this.theme === 'light' || this.theme === 'dark' ? this.theme : 'auto';
  }

  #variant(): Variant {
    return this.variant === 'compact' ? 'compact' : 'full';
  }

  #inlineData(): string | null {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
  }

  #hasFallback(): boolean {
    return [...this.children].some((child) => child.localName !== 'script');
  }
}

function problemOf(error: unknown, origin: string): WidgetProblem {
  return error instanceof ProblemError
    ? error.problem
    : { title: 'Network error', detail: `${origin} did not answer.` };
}

/**
 * A document the element can show, or a problem saying it cannot. Data from the API has passed
 * the schema, but inline data has not: building the full view once (templates only, no DOM)
 * touches every field, so a malformed document fails here and not while rendering.
 */
function validateByRendering(read: () => unknown): Loaded {
  try {
    const doc = read() as ReleaseDocument;
    const model = toFactBoxModel(doc);
    renderFacts(model, stringsFor(DEFAULT_LANG), DEFAULT_LANG, 'full');
    return { doc, model };
  } catch {
    throw new ProblemError({ title: 'Invalid data', detail: 'This is not a release document.' });
  }
}

// A page may include the script twice (or two versions of it): the first definition wins.
if (!customElements.get('belarus-release')) customElements.define('belarus-release', BelarusReleaseElement);

declare global {
  interface HTMLElementTagNameMap {
    'belarus-release': BelarusReleaseElement;
  }
}
