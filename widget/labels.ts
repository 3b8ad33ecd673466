/**
 * The element's labels in the reader's language. English is built in; another language's are
 * fetched from the worker (GET /widget/strings/:lang.json) once a page, in parallel with the
 * facts: six languages' strings would not fit the element's size budget, and an English page
 * should not pay for the other five.
 */
import { ENGLISH, type UiStrings } from '../factbox/strings';

/** A language and its strings: the box's `lang` always names the strings it shows. */
export type Labels = readonly [lang: string, strings: UiStrings];

export const ENGLISH_LABELS: Labels = ['en', ENGLISH];

/** The languages the worker has strings for, besides English (factbox/translations.ts). */
const FETCHED = ['be', 'ru', 'uk', 'pl', 'lt'];

/** One request a language a page, shared by every box; a failed one is tried again next time. */
const requests = new Map<string, Promise<Labels>>();

/**
 * The labels for `lang`, from the worker at `origin`; English when it has none, or when they
 * cannot be had (the box then speaks English rather than not at all).
 *
 * @example
 * const [lang, strings] = await labelsFor('be', 'https://facts.example');
 */
export function labelsFor(lang: string, origin: string): Promise<Labels> {
  if (!FETCHED.includes(lang)) return Promise.resolve(ENGLISH_LABELS);
  const url = `${origin}/widget/strings/${lang}.json`;
  const request =
    requests.get(url) ??
    fetch(url)
      .then((response) => response.json())
      .then((strings: UiStrings): Labels => {
        // Every label a string, or none: a box half in English would be worse than all in it.
        for (const key in ENGLISH) if (typeof strings[key as keyof UiStrings] !== 'string') throw new TypeError(url);
        return [lang, strings];
      })
      .catch(() => {
        requests.delete(url);
        return ENGLISH_LABELS;
      });
  requests.set(url, request);
  return request;
}
