/**
 * What a fact box shows, worked out once from a release document: every section, every name
 * and role, the source links, which people and which quote the compact box shows, and the
 * labels, dates and numbers in the reader's language. The element (widget/) and the server
 * pages (worker/) render this and nothing else, through the one template in ./template.ts.
 * Only types come from data/: no zod in the browser bundle.
 */
import type { ReleaseDocument, Source } from '../data/schema';
import { countLabel, formatCount, formatDate } from './format';
import type { BoxLanguage } from './language';
import type { UiStrings } from './strings';

type Doc = ReleaseDocument;

/** A quote with its speaker resolved. */
export interface QuoteView {
  text: string;
  speaker: string;
  /** The speaker's one-line description. */
  role: string;
  context?: string | undefined;
  /** The source's URL: `blockquote cite`. */
  url: string;
  /** The language the words were translated from (translated documents only). */
  translatedFrom?: string | undefined;
}

export interface FactBoxModel {
  /** The document's language: the facts' `lang`. */
  lang: string;
  /** The reader's language: the labels' `lang`. */
  ui: string;
  labels: UiStrings;
  /** A note at the top, in the reader's language (factbox/language.ts). */
  note: BoxLanguage['note'];
  count: string;
  /** The words after the count, in the form the count takes: "political prisoners released". */
  counted: string;
  headline: string;
  date: { iso: string; text: string };
  summary: string;
  /** Everyone freed that the document names; `sentTo` is a whole phrase in the document's language. */
  people: Pick<Doc['people'][number], 'name' | 'description' | 'sentTo'>[];
  deal: { summary: string; envoy: { name: string; role: string }; terms: { text: string }[] };
  destinations: { place: string; detail: string }[];
  quotes: QuoteView[];
  context: { text: string }[];
  /**
   * Publisher, the title of the work, link (http(s) or `#`), the outlet it relays, and the
   * language its title is in: English in a translation that keeps it as English has it.
   */
  sources: (Pick<Source, 'publisher' | 'title' | 'url' | 'reporting'> & { lang: string })[];
  /** The compact box: the first names, "and N more" for the rest of the count, and one quote. */
  compact: { names: string; more: string; quote: QuoteView | undefined };
  /** The canonical page of this release in the reader's language: compact's "All facts". */
  page: string;
}

/** How many names the compact box gives before "and N more": two fit a 200 px box. */
const COMPACT_NAMES = 2;

/**
 * @param box the box's language, labels and note (factbox/language.ts `boxLanguage`)
 * @param origin where the canonical page lives: the API's origin (empty for a relative link)
 * @example
 * const model = toFactBoxModel(doc, { ui: 'be', labels: stringsFor('be') }, 'https://facts.example');
 * model.deal.envoy.name; // "John Coale"
 * model.compact.more; // "і яшчэ 121"
 */
export function toFactBoxModel(doc: Doc, { ui, labels, note }: BoxLanguage, origin = ''): FactBoxModel {
  const people = new Map(doc.people.map((p) => [p.id, p]));
  const person = (id: string) => people.get(id) ?? { name: id, description: '' };
  const urls = new Map(doc.sources.map((s) => [s.id, httpOnly(s.url)]));
  const quotes = doc.quotes.map((q): QuoteView => ({
    text: q.text,
    speaker: person(q.speaker).name,
    role: person(q.speaker).description,
    context: q.context,
    url: urls.get(q.source) ?? '#',
    // Optional and new (the translations carry it): read defensively, whatever the schema says.
    translatedFrom: (q as { translatedFrom?: string }).translatedFrom,
  }));
  const freed = doc.people.filter((p) => p.released);
  const left = doc.released.count - Math.min(COMPACT_NAMES, freed.length);
  const envoy = person(doc.deal.envoy);
  return {
    lang: doc.lang,
    ui,
    labels,
    note,
    count: formatCount(doc.released.count, ui),
    counted: countLabel(doc.released.count, ui, labels.released),
    headline: doc.headline,
    date: { iso: doc.date, text: formatDate(doc.date, labels) },
    summary: doc.summary,
    people: freed,
    deal: { summary: doc.deal.summary, envoy: { name: envoy.name, role: envoy.description }, terms: doc.deal.terms },
    destinations: doc.destinations,
    quotes,
    context: doc.context,
    sources: doc.sources.map((s, i) => ({
      ...s,
      url: httpOnly(s.url),
      lang: doc.translation?.same?.includes(`/sources/${i}/title`) ? doc.translation.from : doc.lang,
    })),
    compact: {
      names: freed
        .slice(0, COMPACT_NAMES)
        .map((p) => p.name)
        .join(', '),
      more: left > 0 ? labels.more.replace('#', formatCount(left, ui)) : '',
      // A freed person's own words when there are any: the box is about them.
      quote: quotes[doc.quotes.findIndex((q) => people.get(q.speaker)?.released)] ?? quotes[0],
    },
    page: factPageUrl(origin, doc.id, ui),
  };
}

/**
 * The canonical page of a release: the id, never `latest`; `lang` only when not English.
 *
 * @example
 * factPageUrl('https://facts.example', 'belarus-2025-12', 'be'); // ".../releases/belarus-2025-12?lang=be"
 */
export function factPageUrl(origin: string, id: string, ui: string): string {
  return `${origin}/releases/${id}${ui === 'en' ? '' : `?lang=${ui}`}`;
}

/** The schema admits http(s) only; inline data is not validated, so check again here. */
function httpOnly(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
