/**
 * Dates, numbers and the count's words in the six UI languages. Dates and numbers come from the
 * string tables rather than Intl: Debian's Chromium has no Belarusian date data (Intl writes
 * "December 13, 2025" for `be`), and a page's first Intl.DateTimeFormat costs about 60 ms of
 * ICU loading (bench/README.md). The forms are CLDR's long dates and grouping rules, as Node's
 * full ICU writes them. Plural rules are small and every runtime here has all six: the count's
 * words take their form from Intl.PluralRules.
 */
import type { Plural, UiStrings } from './strings';

/**
 * The long date of an ISO calendar day, by the month names and pattern of `strings`.
 *
 * @example
 * formatDate('2025-12-13', stringsFor('ru')); // "13 декабря 2025 г." (NBSP before "г.")
 * formatDate('2025-12-13', stringsFor('lt')); // "2025 m. gruodžio 13 d."
 */
export function formatDate(isoDate: string, { months, date }: Pick<UiStrings, 'months' | 'date'>): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const parts: Record<string, string> = { D: String(day), M: months.split(' ')[month! - 1] ?? '', Y: String(year) };
  return date.replace(/[DMY]/g, (key) => parts[key]!);
}

/**
 * A count with its digits grouped: "1,234" in English; NBSP groups elsewhere, from five
 * digits in Belarusian and Polish (CLDR's minimum grouping), from four in the others.
 *
 * @example
 * formatCount(12345, 'uk'); // "12 345" (NBSP)
 */
export function formatCount(count: number, lang: string): string {
  const digits = String(count);
  const from = NBSP_GROUPS_FROM[lang];
  if (from === undefined) return digits.replace(GROUPS, ',');
  return digits.length < from ? digits : digits.replace(GROUPS, '\u00a0');
}

/** Where each group of three digits starts, from the right. */
const GROUPS = /\B(?=(\d{3})+(?!\d))/g;
/** The languages that group with NBSP, and from how many digits. */
const NBSP_GROUPS_FROM: Readonly<Record<string, number>> = { be: 5, pl: 5, ru: 4, uk: 4, lt: 4 };

/**
 * The form of `words` that `count` takes in `lang` (CLDR plural rules, which Chromium, Node and
 * workerd all carry for the six languages, Belarusian included).
 *
 * @example
 * countLabel(123, 'be', stringsFor('be').released); // "палітвязні вызвалены"
 * countLabel(1, 'en', ENGLISH.released); // "political prisoner released"
 */
export function countLabel(count: number, lang: string, words: Plural): string {
  return words[new Intl.PluralRules(lang).select(count)] ?? words.other;
}
