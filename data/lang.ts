/**
 * Which language a reader gets, decided the same way by the worker and the element. Without
 * zod, so that the widget bundle can import it.
 */
import { LANG_PATTERN } from './patterns';

/**
 * The language every release is written in first: the source the translations are made from,
 * and what a reader gets when their language is missing.
 */
export const DEFAULT_LANG = 'en';

/** The languages the facts are published in: English first, then its translations. */
export const LANGUAGES = [DEFAULT_LANG, 'be', 'ru', 'uk', 'pl', 'lt'] as const;

/**
 * Whether `lang` is one of {@link LANGUAGES}: the only languages a document can be stored in.
 *
 * @example
 * isLanguage('pl'); // true
 * isLanguage('de'); // false
 */
function isLanguage(lang: string): lang is (typeof LANGUAGES)[number] {
  return (LANGUAGES as readonly string[]).includes(lang);
}

/**
 * Why a language is refused, for every writer's message (the schema's, the admin API's):
 * `languageRule('de')` → `must be one of en, be, ru, uk, pl, lt (the languages the facts are
 * published in), not "de"`.
 */
export function languageRule(given: unknown): string {
  const not = typeof given === 'string' ? `, not ${JSON.stringify(given.slice(0, 40))}` : '';
  return `must be one of ${LANGUAGES.join(', ')} (the languages the facts are published in)${not}`;
}

/**
 * The language to serve for a BCP 47 tag: its primary subtag in lower case ("be-BY" → "be"),
 * or {@link DEFAULT_LANG} for anything missing or malformed. Never an error.
 *
 * @example
 * normaliseLang('uk-UA'); // 'uk'
 * normaliseLang('<script>'); // 'en'
 */
export function normaliseLang(tag: string | null | undefined): string {
  const primary = (tag ?? '').split(/[-_]/)[0]!.toLowerCase();
  return LANG_PATTERN.test(primary) ? primary : DEFAULT_LANG;
}

/**
 * The language of a page for a BCP 47 tag: {@link normaliseLang}'s, when the facts are published
 * in it (the labels are too), else {@link DEFAULT_LANG}. It reaches `<html lang>` and canonical
 * URLs, which must name a language the page is in and never echo what a client made up.
 *
 * @example
 * publishedLang('be-BY'); // 'be'
 * publishedLang('zzz'); // 'en'
 */
export function publishedLang(tag: string | null | undefined): string {
  const lang = normaliseLang(tag);
  return isLanguage(lang) ? lang : DEFAULT_LANG;
}
