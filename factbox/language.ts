/**
 * Which language a box speaks, decided once for the element and the server pages (issue 9:
 * a box never mixes languages). The labels always speak the document's language. When there is
 * no document in the reader's language, the reader gets the whole box in English, labels
 * included, and one short note in their own language saying the facts are in English: a
 * Belarusian label over an English headline reads as a broken translation, and marking each
 * English block `lang="en"` under Belarusian labels still switches voices mid-box for a screen
 * reader. The note carries the reader's `lang`, the box the document's.
 *
 * A translation that English has been revised since (the API's `X-Translation-Behind`) is still
 * the reader's best box, with a note saying the English version has been updated since.
 */
import { DEFAULT_LANG } from '../data/lang';
import { ENGLISH, type UiStrings } from './strings';

/** On a translation that English has revised since: by how many revisions (the box says so). */
export const BEHIND_HEADER = 'X-Translation-Behind';

/** The languages of one box: its labels' (the document's) and the reader's note, if any. */
export interface BoxLanguage {
  /** The language of the labels, dates and numbers: the document's. */
  ui: string;
  labels: UiStrings;
  /**
   * At the top of the box, in the reader's language: the facts are in English, or English has
   * been updated since this translation.
   */
  note?: { lang: string; text: string } | undefined;
}

/**
 * @param docLang the language of the document the reader got
 * @param reader the reader's language and its strings (English when the box does not speak theirs)
 * @param behind the document is a translation English has been revised since
 * @example
 * boxLanguage('be', ['be', stringsFor('be')]); // { ui: 'be', labels: …Belarusian }
 * boxLanguage('be', ['be', stringsFor('be')], true); // …, note: { lang: 'be', text: 'Англійская версія абноўлена…' }
 * boxLanguage('en', ['be', stringsFor('be')]); // { ui: 'en', labels: ENGLISH, note: { lang: 'be', text: 'Гэтыя факты…' } }
 */
export function boxLanguage(
  docLang: string,
  reader: readonly [lang: string, strings: UiStrings],
  behind?: boolean,
): BoxLanguage {
  const [lang, strings] = reader;
  // The read path falls back to English only (worker/releases.ts); a document in a third
  // language is a page's own inline data, shown with the reader's labels and its own `lang`.
  if (docLang !== DEFAULT_LANG || lang === DEFAULT_LANG) {
    return { ui: lang, labels: strings, note: noteIn(lang, behind && strings.behind) };
  }
  return {
    ui: DEFAULT_LANG,
    labels: ENGLISH,
    note: noteIn(lang, strings.inEnglish),
  };
}

const noteIn = (lang: string, text: string | false | undefined) => (text ? { lang, text } : undefined);
