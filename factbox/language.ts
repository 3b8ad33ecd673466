/**
 * Which language a box speaks, decided once for the element and the server pages (issue 9:
 * a box never mixes languages). The labels always speak the document's language. When there is
 * no document in the reader's language, the reader gets the whole box in English, labels
 * included, and one short note in their own language saying the facts are in English: a
 * Belarusian label over an English headline reads as a broken translation, and marking each
 * English block `lang="en"` under Belarusian labels still switches voices mid-box for a screen
 * reader. The note carries the reader's `lang`, the box the document's.
 */
import { DEFAULT_LANG } from '../data/lang';
import { ENGLISH, type UiStrings } from './strings';

/** The languages of one box: its labels' (the document's) and the reader's note, if any. */
export interface BoxLanguage {
  /** The language of the labels, dates and numbers: the document's. */
  ui: string;
  labels: UiStrings;
  /** Over the box, in the reader's language, when the facts are not in it. */
  note?: { lang: string; text: string } | undefined;
}

/**
 * @param docLang the language of the document the reader got
 * @param reader the reader's language and its strings (English when the box does not speak theirs)
 * @example
 * boxLanguage('be', ['be', stringsFor('be')]); // { ui: 'be', labels: …Belarusian }
 * boxLanguage('en', ['be', stringsFor('be')]); // { ui: 'en', labels: ENGLISH, note: { lang: 'be', text: 'Гэтыя факты…' } }
 */
export function boxLanguage(docLang: string, reader: readonly [lang: string, strings: UiStrings]): BoxLanguage {
  const [lang, strings] = reader;
  if (docLang === lang) return { ui: lang, labels: strings };
  // The read path falls back to English only (worker/releases.ts), and English is built in:
  // a document not in the reader's language is the English one.
  return {
    ui: DEFAULT_LANG,
    labels: ENGLISH,
    note: strings.inEnglish ? { lang, text: strings.inEnglish } : undefined,
  };
}
