/**
 * `<belarus-release>`: the fact box element. One file per element, named after its tag; its
 * states, styles, fitting and loading live beside it, and what the box shows (the model, the
 * template, the strings) in factbox/, which the server pages share.
 */
import { html, LitElement, nothing } from 'lit';
import { normaliseLang } from '../data/lang';
import { ID_PATTERN } from '../data/patterns';
import type { ReleaseDocument } from '../data/schema';
import { boxLanguage, type BoxLanguage } from '../factbox/language';
import { factPageUrl, toFactBoxModel } from '../factbox/model';
import type { Variant } from '../factbox/template';
import { API_REQUIRED, SCRIPT_ORIGIN } from './default-api';
import { BelarusReleaseErrorEvent, BelarusReleaseLoadEvent, type WidgetProblem } from './events';
import { fetchRelease, ProblemError, problemOf } from './fetch';
import { fit } from './fit';
import { ENGLISH_LABELS, labelsFor, type Labels } from './labels';
import { LoadController, type LoadState } from './loader';
import { missingApi } from './missing-api';
import { styles } from './styles';
import { facts, failed, validateByRendering, waiting } from './view';

export { BelarusReleaseErrorEvent, BelarusReleaseLoadEvent };

/**
 * What the box shows: the document, and its language (factbox/language.ts): the reader's, or
 * English with a note in theirs when the release has no document in it.
 */
interface Loaded {
  doc: ReleaseDocument;
  box: BoxLanguage;
}

/**
 * Boxes made on this page so far: each landmark gets its own name. (Ids need no number: each
 * shadow root has ids of its own.)
 */
let boxes = 0;

/**
 * `<belarus-release>`: a fact box about a release of Belarusian political prisoners, fetched
 * from the belarus-release API (the origin this script was loaded from, unless `api` says
 * otherwise) and rendered in shadow DOM. It never scrolls inside: the full variant opens on
 * the key facts with a "Show all facts" button, the compact one is complete as it is.
 *
 * @element belarus-release
 * @fires belarus-release-load - {@link BelarusReleaseLoadEvent}: the document arrived and is shown.
 * @fires belarus-release-error - {@link BelarusReleaseErrorEvent}: no document could be had; the error state is shown.
 * @slot - Fallback content (a sentence and a link), shown while loading and when loading fails.
 * @csspart box - The whole fact box.
 * @csspart header - Count, headline, date (and the summary, full variant).
 * @csspart count - The number released.
 * @csspart people - Who was freed.
 * @csspart deal - The deal (full variant).
 * @csspart destinations - Where they went (full variant).
 * @csspart quotes - What was said (one quote in the compact variant).
 * @csspart context - Background (full variant).
 * @csspart sources - Sources, with links (full variant).
 * @csspart error - The error message, retry button and link.
 * @cssprop [--belarus-release-accent=#0b5cad] - Accent colour: the count, links, quote rule, buttons.
 * @cssprop [--belarus-release-background=#ffffff] - Box background.
 * @cssprop [--belarus-release-text=#1b1b1b] - Text colour.
 * @cssprop [--belarus-release-muted=#555555] - Secondary text.
 * @cssprop [--belarus-release-border=#d0d0d0] - Border and skeleton colour.
 * @cssprop [--belarus-release-radius=8px] - Corner radius.
 * @cssprop [--belarus-release-font=inherit] - Font shorthand.
 * @cssprop [--belarus-release-spacing=16px] - Padding and gaps.
 * @cssprop [--belarus-release-height=36em] - The box's height while loading and collapsed: at least 36em (30em compact), more when the box is narrow; the snippet reserves the same.
 */
export class BelarusReleaseElement extends LitElement {
  static override styles = styles;
  static override properties = {
    release: { reflect: true },
    lang: { reflect: true },
    theme: { reflect: true },
    variant: { reflect: true },
    api: { reflect: true },
    expanded: { type: Boolean, reflect: true },
  };

  /** Release id, or `latest` for the newest release. Default `latest`. */
  declare release: string;
  /** Language of the facts and labels. Default: the nearest `lang` in the page, else `en`. */
  declare lang: string;
  /** `light`, `dark` or `auto` (follows the page's `color-scheme`). Default `auto`. */
  declare theme: string;
  /** `full` or `compact`. Default `full`. */
  declare variant: string;
  /** Origin of the API. Default: the origin `widget.js` was loaded from; required in the npm package. */
  declare api: string | undefined;
  /** full: every fact from the start (the button toggles it too). Default `false`. */
  declare expanded: boolean;

  /** This box's number on the page: its landmark's name says it from the second box on. */
  readonly #n = ++boxes;
  #announced: LoadState<Loaded> | undefined;
  /** The labels of the last load, for the error state too. */
  #labels: Labels = ENGLISH_LABELS;
  /** The last failure, kept on screen while a retry runs. */
  #problem: WidgetProblem | undefined;
  /**
   * Fits again when the box's width (or its font) changes. It watches the button's row, whose
   * size fitting never changes: watching the box itself, which fitting resizes, would make
   * the observer report a loop to the page.
   */
  readonly #resized = new ResizeObserver(() => this.#fit());

  // A new URL or new inline data loads again (inline data is read, never fetched).
  readonly #loader = new LoadController(
    this,
    () => this.#url() + (this.#inlineData() ?? ''),
    (signal) => this.#load(signal),
  );

  constructor() {
    super();
    this.release = 'latest';
    this.theme = 'auto';
    this.variant = 'full';
    this.expanded = false;
  }

  /** Fetches the facts again, conditionally: an unchanged document costs a 304. */
  refresh(): void {
    this.#loader.run();
  }

  protected override render() {
    const state = this.#loader.state;
    const variant: Variant = this.variant === 'compact' ? 'compact' : 'full';
    const loaded = state.status === 'complete';
    const [lang, strings] = this.#labels;
    const ui = loaded ? state.value.box.ui : lang;
    const collapsed = loaded && variant === 'full' && !this.expanded;
    return html`<section
      part="box"
      class="box ${collapsed ? 'collapsed' : ''}"
      lang=${ui}
      aria-labelledby=${loaded ? 'box-h box-n' : nothing}
      aria-busy=${state.status === 'pending'}
      @click=${this.#clicked}
    >
      ${
        loaded
          ? facts(toFactBoxModel(state.value.doc, state.value.box, this.#origin()), variant, 'box', this.expanded)
          : this.#problem
            ? // Nothing a retry or the fact page could help with: a release the API says does not
              // exist, or no longer does, or no API to ask.
              failed(
                strings,
                state.status === 'pending',
                this.#problem.status === 404 || this.#problem.status === 410 || (API_REQUIRED && !this.#origin())
                  ? undefined
                  : factPageUrl(this.#origin(), this.#release(), ui),
              )
            : waiting([...this.children].some((child) => child.localName !== 'script'))
      }
      <span id="box-n" hidden
        >${
          // The landmark is named by the headline; from the second box on, with its number too.
          this.#n > 1 ? this.#n : ''
        }</span
      >
    </section>`;
  }

  /**
   * The box's buttons, heard on its wrapper (the shared template has no listeners): "Show all
   * facts" toggles `expanded`; "Try again" refreshes.
   */
  #clicked = ({ target }: Event) => {
    const button = (target as Element).closest('button');
    if (button?.classList.contains('toggle')) this.expanded = !this.expanded;
    else if (button) this.refresh();
  };

  /** Fits a collapsed box, then announces each new state once it is on screen. */
  protected override updated(): void {
    this.#fit();
    this.#resized.disconnect();
    const end = this.renderRoot.querySelector('.end');
    if (end) this.#resized.observe(end);
    const state = this.#loader.state;
    if (state === this.#announced) return;
    this.#announced = state;
    if (state.status === 'complete') this.dispatchEvent(new BelarusReleaseLoadEvent(state.value.doc));
    if (state.status === 'error') this.dispatchEvent(new BelarusReleaseErrorEvent(this.#problem!));
  }

  #fit(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.collapsed');
    if (box) fit(box);
  }

  /**
   * The document and the labels, or a problem; the problem stays on screen while a retry runs.
   * The labels are waited for either way: the error is said in the reader's language too.
   */
  async #load(signal: AbortSignal): Promise<Loaded> {
    if (API_REQUIRED && !this.#origin()) throw new ProblemError((this.#problem = missingApi(this.api)));
    const labels = labelsFor(this.#lang(), this.#origin());
    try {
      const inline = this.#inlineData();
      const { doc, behind } = inline ? { doc: inline, behind: false } : await fetchRelease(this.#url(), signal);
      const valid = validateByRendering(doc);
      this.#labels = await labels;
      this.#problem = undefined;
      return { doc: valid, box: boxLanguage(valid.lang, this.#labels, behind) };
    } catch (error) {
      this.#labels = await labels;
      if (!signal.aborted) this.#problem = problemOf(error, this.#origin());
      throw error;
    }
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

  #inlineData(): string | null {
    return this.querySelector(':scope>script[type="application/json"]')?.textContent ?? null;
  }
}
