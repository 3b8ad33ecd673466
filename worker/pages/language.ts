/**
 * A page's languages (issue 9): the reader's, canonicalised before it reaches `<html lang>`, a
 * header or a URL; and a release's language versions, each with one canonical URL, announced to
 * search engines (`hreflang`, Google's "Tell Google about localized versions of your page"), to
 * link previews (Open Graph's `og:locale` and `og:locale:alternate`) and to readers (the
 * switcher).
 */
import { html } from 'hono/html';
import { DEFAULT_LANG, LANGUAGES } from '../../data/lang';
import { factPageUrl } from '../../factbox/model';
import { previewLinks } from '../preview';

/** A language version of a release: its language and its canonical URL. */
export interface Version {
  lang: string;
  url: string;
}

/**
 * What each language is called in itself, its Open Graph locale (`language_TERRITORY`, the form
 * Facebook's crawler reads; English is the source, written in the US) and the switcher's name.
 */
const LANGUAGE_INFO: Readonly<Record<string, { name: string; locale: string; switcher: string }>> = {
  en: { name: 'English', locale: 'en_US', switcher: 'Language' },
  be: { name: 'Беларуская', locale: 'be_BY', switcher: 'Мова' },
  ru: { name: 'Русский', locale: 'ru_RU', switcher: 'Язык' },
  uk: { name: 'Українська', locale: 'uk_UA', switcher: 'Мова' },
  pl: { name: 'Polski', locale: 'pl_PL', switcher: 'Język' },
  lt: { name: 'Lietuvių', locale: 'lt_LT', switcher: 'Kalba' },
};

const info = (lang: string) => LANGUAGE_INFO[lang] ?? LANGUAGE_INFO[DEFAULT_LANG]!;

/**
 * The release's versions in the order of data's LANGUAGES (English first), each at its
 * canonical URL (English without a `lang` parameter); on a preview, at its preview under the
 * same `preview` value (a signed link covers every language of its release: worker/preview.ts).
 *
 * @example
 * versions('https://facts.example', 'belarus-2025-12', ['ru', 'en']); // [{ lang: 'en', … }, { lang: 'ru', url: '…?lang=ru' }]
 */
export function versions(origin: string, id: string, languages: readonly string[], preview?: string): Version[] {
  return LANGUAGES.filter((lang) => languages.includes(lang)).map((lang) => ({
    lang,
    url: preview === undefined ? factPageUrl(origin, id, lang) : previewLinks(origin, id, lang, preview).page,
  }));
}

/**
 * `<link rel="alternate" hreflang>` for every version, itself included, plus `x-default` (the
 * English page, for readers of any other language), as Google asks: each version lists all.
 */
export function alternateLinks(all: readonly Version[]) {
  const fallback = all.find((v) => v.lang === DEFAULT_LANG) ?? all[0];
  return html`${all.map((v) => html`<link rel="alternate" hreflang="${v.lang}" href="${v.url}" />`)}
  ${fallback ? html`<link rel="alternate" hreflang="x-default" href="${fallback.url}" />` : null}`;
}

/** `og:locale` of the page's language and `og:locale:alternate` of every other version. */
export function localeMeta(lang: string, all: readonly Version[]) {
  return html`<meta property="og:locale" content="${info(lang).locale}" /> ${all
      .filter((v) => v.lang !== lang)
      .map((v) => html`<meta property="og:locale:alternate" content="${info(v.lang).locale}" />`)}`;
}

/**
 * The visible switcher: each version's name in its own language, marked with that language
 * (`lang` for the name, `hreflang` for the page it opens); the current one `aria-current`.
 * Nothing when the release has one language.
 */
export function languageSwitcher(lang: string, all: readonly Version[]) {
  if (all.length < 2) return null;
  return html`<nav class="languages" aria-label="${info(lang).switcher}">
    <ul>
      ${all.map(
        (v) =>
          html`<li>
            <a
              href="${v.url}"
              lang="${v.lang}"
              hreflang="${v.lang}"
              aria-current="${v.lang === lang ? 'page' : 'false'}"
              >${info(v.lang).name}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}
