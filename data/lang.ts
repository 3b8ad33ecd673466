/**
 * Which language a reader gets, decided the same way by the worker and the element. Without
 * zod, so that the widget bundle can import it.
 */

/**
 * The language every release is written in first: the source the translations are made from,
 * and what a reader gets when their language is missing.
 */
export const DEFAULT_LANG = 'en';

/** The languages the facts are published in: English first, then its translations. */
export const LANGUAGES = [DEFAULT_LANG, 'be', 'ru', 'uk', 'pl', 'lt'] as const;

/**
 * The language to serve for a BCP 47 tag: its primary subtag in lower case ("be-BY" → "be")
 * when the facts are published in it, else {@link DEFAULT_LANG}. Never an error, and never a
 * value outside {@link LANGUAGES}: it reaches `<html lang>`, canonical URLs, `Content-Language`
 * and the element's `lang` attributes, which must name the language of the text.
 *
 * @example
 * normaliseLang('uk-UA'); // 'uk'
 * normaliseLang('zzz'); // 'en'
 * normaliseLang('<script>'); // 'en'
 */
export function normaliseLang(tag: string | null | undefined): string {
  const primary = (tag ?? '').split(/[-_]/)[0]!.toLowerCase();
  return LANGUAGES.find((lang) => lang === primary) ?? DEFAULT_LANG;
}
