/**
 * The element's own words (not the facts, which come from the API), in the languages of the
 * readers this story concerns. Dates and numbers go through Intl in the same language.
 * Each language is one row in the order of {@link KEYS}: rows, not objects, keep six
 * languages inside the element's size budget.
 */

const KEYS = [
  'released',
  'people',
  'deal',
  'destinations',
  'quotes',
  'context',
  'sources',
  'failed',
  'retry',
  'factPage',
  'sentTo',
  'via',
] as const;

export type UiStrings = Record<(typeof KEYS)[number], string>;
type StringsOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: string };
type Row = StringsOf<typeof KEYS>;

const TRANSLATIONS: Readonly<Record<string, Row>> = {
  en: [
    'political prisoners released',
    'Who was freed',
    'The deal',
    'Where they went',
    'What was said',
    'Background',
    'Sources',
    'The facts could not be loaded.',
    'Try again',
    'Fact page',
    'Sent to',
    'reporting by',
  ],
  be: [
    'палітвязняў вызвалена',
    'Каго вызвалілі',
    'Пагадненне',
    'Куды іх накіравалі',
    'Што сказалі',
    'Кантэкст',
    'Крыніцы',
    'Не атрымалася загрузіць факты.',
    'Паспрабаваць зноў',
    'Старонка з фактамі',
    'Накіраваны ў',
    'паводле',
  ],
  ru: [
    'политзаключённых освобождено',
    'Кого освободили',
    'Соглашение',
    'Куда их отправили',
    'Что сказали',
    'Контекст',
    'Источники',
    'Не удалось загрузить факты.',
    'Попробовать снова',
    'Страница с фактами',
    'Отправлен в',
    'по данным',
  ],
  uk: [
    'політвʼязнів звільнено',
    'Кого звільнили',
    'Угода',
    'Куди їх направили',
    'Що сказали',
    'Контекст',
    'Джерела',
    'Не вдалося завантажити факти.',
    'Спробувати ще раз',
    'Сторінка з фактами',
    'Направлено до',
    'за даними',
  ],
  pl: [
    'uwolnionych więźniów politycznych',
    'Kogo uwolniono',
    'Porozumienie',
    'Dokąd trafili',
    'Co powiedziano',
    'Tło',
    'Źródła',
    'Nie udało się wczytać faktów.',
    'Spróbuj ponownie',
    'Strona z faktami',
    'Trafił do',
    'według',
  ],
  lt: [
    'paleisti politiniai kaliniai',
    'Kas paleisti',
    'Susitarimas',
    'Kur jie išvyko',
    'Kas pasakyta',
    'Kontekstas',
    'Šaltiniai',
    'Nepavyko įkelti faktų.',
    'Bandyti dar kartą',
    'Faktų puslapis',
    'Išsiųstas į',
    'pagal',
  ],
};

/** The strings for `lang`, or English when the element does not speak it. */
export function stringsFor(lang: string): UiStrings {
  const row = TRANSLATIONS[lang] ?? TRANSLATIONS.en!;
  return Object.fromEntries(KEYS.map((key, i) => [key, row[i]])) as UiStrings;
}

/** "13 December 2025" in the reader's language; ISO dates are calendar days, so UTC. */
export function formatDate(isoDate: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatCount(count: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(count);
}
