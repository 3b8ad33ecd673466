/**
 * The box's own words (not the facts, which come from the API), with the month names and date
 * pattern each language writes. English is here; the other languages are in
 * ./translations.ts, which the server pages import and the element fetches as JSON when a
 * reader needs one (GET /widget/strings/:lang.json): six languages would not fit the
 * element's size budget (10 KB gzip, Lit included), and an English page need not pay for five.
 */

/** The element's own language, and every other's fallback. */
export const ENGLISH = {
  /** The words after the count, in the form each count takes: {@link countLabel}. */
  released: { one: 'political prisoner released', other: 'political prisoners released' } as Plural,
  people: 'Who was freed',
  deal: 'The deal',
  destinations: 'Where they went',
  quotes: 'What was said',
  context: 'Background',
  sources: 'Sources',
  failed: 'The facts could not be loaded.',
  /** When the API says there is no such release, or no longer: trying again cannot help. */
  unavailable: 'These facts are not available.',
  retry: 'Try again',
  factPage: 'Fact page',
  via: 'reporting by',
  showAll: 'Show all facts',
  showLess: 'Show fewer facts',
  allFacts: 'All facts',
  /** "and # more": # is the number of people freed whose names the compact box leaves out. */
  more: 'and # more',
  /** The note on a quote a translator rendered from the English document (design.md: English is the source). */
  translated: 'translated from English',
  /** Month names as a day-of-month takes them (genitive in be, ru, uk, pl, lt), space-separated. */
  months: 'January February March April May June July August September October November December',
  /** The long date: D day, M month, Y year; NBSP keeps "2025 г." together. */
  date: 'D M Y',
};

/**
 * The strings of one language, named as in {@link ENGLISH}; and, in every language but
 * English, `inEnglish`: the note over an English box shown to a reader of that language, and
 * `behind`: the note over a translation English has been revised since (factbox/language.ts).
 * English needs neither, so the element's bundle carries neither.
 */
export type UiStrings = Record<Exclude<keyof typeof ENGLISH, 'released'>, string> & {
  released: Plural;
  inEnglish?: string;
  behind?: string;
};

/**
 * Words in the forms a number takes, by CLDR plural category (`Intl.PluralRules`): Belarusian
 * says "1 палітвязень", "123 палітвязні", "125 палітвязняў". `other` stands in for any form a
 * language leaves out.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
