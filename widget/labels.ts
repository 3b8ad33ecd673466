/**
 * The element's labels in the reader's language. English is built in; another language's are
 * fetched from the worker (GET /widget/strings/:lang.json, cached by the browser) in parallel
 * with the facts: six languages' strings would not fit the element's size budget, and an
 * English page should not pay for the other five.
 */
import { ENGLISH, type UiStrings } from '../factbox/strings';

/** A language and its strings: the box's `lang` always names the strings it shows. */
export type Labels = readonly [lang: string, strings: UiStrings];

export const ENGLISH_LABELS: Labels = ['en', ENGLISH];

/** The languages the worker has strings for, besides English (factbox/translations.ts). */
const FETCHED = ['be', 'ru', 'uk', 'pl', 'lt'];

/**
 * The labels for `lang`, from the worker at `origin`; English when it has none, or when they
 * cannot be had (the box then speaks English rather than not at all).
 *
 * @example
 * const [lang, strings] = await labelsFor('be', 'https://facts.example');
 */
export function labelsFor(lang: string, origin: string): Promise<Labels> {
  if (!FETCHED.includes(lang)) return Promise.resolve(ENGLISH_LABELS);
  return fetch(`${origin}/widget/strings/${lang}.json`)
    .then((response) => {
      if (!response.ok) throw new Error(response.statusText);
      return response.json();
    })
    .then(
      // A label the worker lacks stays English rather than blank.
      (strings: Partial<UiStrings>): Labels => [lang, { ...ENGLISH, ...strings }],
      () => ENGLISH_LABELS,
    );
}
