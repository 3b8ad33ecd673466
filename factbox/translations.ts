/**
 * The UI strings in the languages of the readers this story concerns besides English. The
 * server pages render with them directly; the element fetches the one it needs as JSON
 * (static assets built by cli/static-assets.ts), so its bundle carries English only.
 */
import { ENGLISH, type UiStrings } from './strings';

const TRANSLATIONS: Readonly<Record<string, UiStrings>> = {
  en: ENGLISH,
  be: {
    released: { one: 'палітвязень вызвалены', few: 'палітвязні вызвалены', other: 'палітвязняў вызвалена' },
    people: 'Каго вызвалілі',
    deal: 'Пагадненне',
    destinations: 'Куды іх накіравалі',
    quotes: 'Што сказалі',
    context: 'Кантэкст',
    sources: 'Крыніцы',
    failed: 'Не атрымалася загрузіць факты.',
    unavailable: 'Гэтыя факты недаступныя.',
    retry: 'Паспрабаваць зноў',
    factPage: 'Старонка з фактамі',
    via: 'паводле',
    showAll: 'Паказаць усе факты',
    showLess: 'Паказаць менш',
    allFacts: 'Усе факты',
    more: 'і яшчэ #',
    translated: 'пераклад з англійскай',
    inEnglish: 'Гэтыя факты даступныя па-англійску.',
    behind: 'Англійская версія абноўлена пасля гэтага перакладу.',
    months: 'студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка лістапада снежня',
    date: 'D M Y\u00a0г.',
  },
  ru: {
    released: { one: 'политзаключённый освобождён', other: 'политзаключённых освобождено' },
    people: 'Кого освободили',
    deal: 'Соглашение',
    destinations: 'Куда их отправили',
    quotes: 'Что сказали',
    context: 'Контекст',
    sources: 'Источники',
    failed: 'Не удалось загрузить факты.',
    unavailable: 'Эти факты недоступны.',
    retry: 'Попробовать снова',
    factPage: 'Страница с фактами',
    via: 'по данным',
    showAll: 'Показать все факты',
    showLess: 'Показать меньше',
    allFacts: 'Все факты',
    more: 'и ещё #',
    translated: 'перевод с английского',
    inEnglish: 'Эти факты доступны на английском языке.',
    behind: 'Английская версия обновлена после этого перевода.',
    months: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
    date: 'D M Y\u00a0г.',
  },
  uk: {
    released: { one: 'політв’язень звільнений', few: 'політв’язні звільнені', other: 'політв’язнів звільнено' },
    people: 'Кого звільнили',
    deal: 'Угода',
    destinations: 'Куди їх направили',
    quotes: 'Що сказали',
    context: 'Контекст',
    sources: 'Джерела',
    failed: 'Не вдалося завантажити факти.',
    unavailable: 'Ці факти недоступні.',
    retry: 'Спробувати ще раз',
    factPage: 'Сторінка з фактами',
    via: 'за даними',
    showAll: 'Показати всі факти',
    showLess: 'Показати менше',
    allFacts: 'Усі факти',
    more: 'і ще #',
    translated: 'переклад з англійської',
    inEnglish: 'Ці факти доступні англійською мовою.',
    behind: 'Англійську версію оновлено після цього перекладу.',
    months: 'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
    date: 'D M Y\u00a0р.',
  },
  pl: {
    released: { one: 'uwolniony więzień polityczny', other: 'uwolnionych więźniów politycznych' },
    people: 'Kogo uwolniono',
    deal: 'Porozumienie',
    destinations: 'Dokąd trafili',
    quotes: 'Co powiedziano',
    context: 'Tło',
    sources: 'Źródła',
    failed: 'Nie udało się wczytać faktów.',
    unavailable: 'Te fakty są niedostępne.',
    retry: 'Spróbuj ponownie',
    factPage: 'Strona z faktami',
    via: 'według',
    showAll: 'Pokaż wszystkie fakty',
    showLess: 'Pokaż mniej',
    allFacts: 'Wszystkie fakty',
    more: 'i jeszcze #',
    translated: 'przekład z angielskiego',
    inEnglish: 'Te fakty są dostępne po angielsku.',
    behind: 'Wersja angielska została zaktualizowana od czasu tego tłumaczenia.',
    months: 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
    date: 'D M Y',
  },
  lt: {
    released: {
      one: 'paleistas politinis kalinys',
      few: 'paleisti politiniai kaliniai',
      other: 'paleista politinių kalinių',
    },
    people: 'Kas paleisti',
    deal: 'Susitarimas',
    destinations: 'Kur jie išvyko',
    quotes: 'Kas pasakyta',
    context: 'Kontekstas',
    sources: 'Šaltiniai',
    failed: 'Nepavyko įkelti faktų.',
    unavailable: 'Šie faktai neprieinami.',
    retry: 'Bandyti dar kartą',
    factPage: 'Faktų puslapis',
    via: 'pagal',
    showAll: 'Rodyti visus faktus',
    showLess: 'Rodyti mažiau',
    allFacts: 'Visi faktai',
    more: 'ir dar #',
    translated: 'išversta iš anglų kalbos',
    inEnglish: 'Šie faktai pateikiami anglų kalba.',
    behind: 'Angliška versija atnaujinta po šio vertimo.',
    months: 'sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio',
    date: 'Y\u00a0m. M D\u00a0d.',
  },
};

/** The UI languages: labels, dates and numbers in these; any other gets English. */
export const UI_LANGUAGES = Object.keys(TRANSLATIONS);

/**
 * The strings for `lang`, or English when the box does not speak it.
 *
 * @example
 * stringsFor('pl').people; // "Kogo uwolniono"
 */
export function stringsFor(lang: string): UiStrings {
  return TRANSLATIONS[lang] ?? ENGLISH;
}
