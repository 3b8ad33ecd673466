/**
 * What a release's link-preview card says (issue 13), worked out once from the document: the
 * CLI draws it (cli/card.ts, at push time) and the worker names it (worker/card.ts: the image's
 * URL and its `og:image:alt`) from the same words, without the renderer. The card's key is a
 * hash of those words and the design, so a push that changes what the card says gives it a new
 * URL, and one that does not keeps the card link previews already hold.
 */
import type { ReleaseDocument } from '../data/schema';
import { fingerprint } from '../worker/http-cache';
import { countLabel, formatCount, formatDate } from './format';
import { stringsFor } from './translations';

/** Open Graph's large image: 1.91:1, the size Facebook, X, Telegram and Slack show in full. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The box's light palette (widget/styles.ts, worker/pages/styles.ts): AA contrast on white. */
export const CARD_COLOURS = { accent: '#0b5cad', text: '#1b1b1b', muted: '#555', background: '#fff' } as const;

/**
 * The design's version: part of every card's key, so that a new layout gives every card a new
 * URL (and a push renders it) instead of leaving link previews on the old one.
 */
const CARD_DESIGN = 1;

/** "Source" on the card, in each language the facts are published in; English for any other. */
const SOURCE_LABEL: Readonly<Record<string, string>> = {
  en: 'Source',
  be: 'Крыніца',
  ru: 'Источник',
  uk: 'Джерело',
  pl: 'Źródło',
  lt: 'Šaltinis',
};

/** The words on a card, all in the document's language. */
export interface CardContent {
  lang: string;
  /** "123", grouped as the language groups digits. */
  count: string;
  /** "political prisoners released" */
  countLabel: string;
  headline: string;
  /** "13 December 2025" */
  date: string;
  /** "Source: Washington Insider, reporting by BBC News": the source of the count. */
  source: string;
}

/**
 * @example
 * cardContent(ru).source; // "Источник: Washington Insider, по данным BBC News"
 */
export function cardContent(doc: ReleaseDocument): CardContent {
  const labels = stringsFor(doc.lang);
  const source = doc.sources.find((s) => s.id === doc.released.source) ?? doc.sources[0];
  const via = source?.reporting ? `, ${labels.via} ${source.reporting}` : '';
  return {
    lang: doc.lang,
    count: formatCount(doc.released.count, doc.lang),
    countLabel: countLabel(doc.released.count, doc.lang, labels.released),
    headline: doc.headline,
    date: formatDate(doc.date, labels),
    source: source ? `${SOURCE_LABEL[doc.lang] ?? SOURCE_LABEL.en}: ${source.publisher}${via}` : '',
  };
}

/**
 * The card's text for readers who cannot see it (`og:image:alt`): everything it shows.
 *
 * @example
 * cardAlt(cardContent(ru)); // "123 политзаключённых освобождено. Беларусь … калия. 13 декабря 2025 г. Источник: …"
 */
export function cardAlt(content: CardContent): string {
  const { count, countLabel, headline, date, source } = content;
  // Sentences end with a full stop, unless they do already ("13 декабря 2025 г.").
  return [`${count} ${countLabel}`, headline, date, source]
    .filter(Boolean)
    .map((part) => (part.endsWith('.') ? part : `${part}.`))
    .join(' ');
}

/**
 * The card's key: eight hex digits naming its words and the design. The worker derives it from
 * the document it serves; the CLI stores the card it drew under it.
 *
 * @example
 * cardKey(cardContent(doc)); // "3f2a9c01"
 */
export function cardKey(content: CardContent): string {
  return fingerprint(JSON.stringify([CARD_DESIGN, content]));
}
