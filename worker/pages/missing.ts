/**
 * The pages for a release readers cannot have, `/releases/:id` and `/embed/:id`: one that does
 * not exist (or none could have), for a reader who followed a mistyped link or an iframe whose
 * release was never published, a 404 that caches briefly (the release may be published in a
 * minute); and one that was unpublished, a 410. Each is a sentence in the reader's language and
 * a link to the latest release. The API answers the same with problem documents.
 */
import type { HTTPException } from 'hono/http-exception';
import { formatDate } from '../../factbox/format';
import { factPageUrl } from '../../factbox/model';
import { stringsFor } from '../../factbox/translations';
import type { ReleaseReader } from '../releases';
import type { EmbedOptions } from './embed-options';
import { noticePage, type Notice } from './notice';

/** Long enough for a release published after the 404 to show soon; short enough to spare the worker a burst. */
const MISSING_CACHE_CONTROL = 'public, max-age=60';

interface Words {
  title: string;
  text: (id: string) => string;
  /**
   * The 410's title, and its two sentences, the first without its full stop (a date may end
   * with one already: "30 лістапада 2026 г."): `date` is when it was unpublished, or empty.
   */
  gone: string;
  goneText: (id: string, date: string) => [string, string];
  latest: string;
  home: string;
}

/** What the pages say, in every language the facts are published in. */
const STRINGS: Readonly<Record<string, Words>> = {
  en: {
    title: 'No such release',
    text: (id) => `There is no release “${id}” here. The address may be mistyped, or the release not published yet.`,
    gone: 'This release was unpublished',
    goneText: (id, date) => [
      `The facts of “${id}” were taken down${date && ` on ${date}`}`,
      'Their history is kept; they may be published again.',
    ],
    latest: 'The latest release',
    home: 'Front page',
  },
  be: {
    title: 'Такога вызвалення няма',
    text: (id) => `Тут няма вызвалення «${id}». Магчыма, у адрасе памылка або яно яшчэ не апублікаванае.`,
    gone: 'Гэтыя факты знятыя з публікацыі',
    goneText: (id, date) => [
      `Факты «${id}» знятыя з публікацыі${date && ` ${date}`}`,
      'Іх гісторыя захавана; іх могуць апублікаваць зноў.',
    ],
    latest: 'Апошняе вызваленне',
    home: 'Галоўная старонка',
  },
  ru: {
    title: 'Такого освобождения нет',
    text: (id) => `Здесь нет освобождения «${id}». Возможно, в адресе опечатка или оно ещё не опубликовано.`,
    gone: 'Эти факты сняты с публикации',
    goneText: (id, date) => [
      `Факты «${id}» сняты с публикации${date && ` ${date}`}`,
      'Их история сохранена; их могут опубликовать снова.',
    ],
    latest: 'Последнее освобождение',
    home: 'Главная страница',
  },
  uk: {
    title: 'Такого звільнення немає',
    text: (id) => `Тут немає звільнення «${id}». Можливо, в адресі помилка або його ще не опубліковано.`,
    gone: 'Ці факти знято з публікації',
    goneText: (id, date) => [
      `Факти «${id}» знято з публікації${date && ` ${date}`}`,
      'Їхню історію збережено; їх можуть опублікувати знову.',
    ],
    latest: 'Останнє звільнення',
    home: 'Головна сторінка',
  },
  pl: {
    title: 'Nie ma takiego uwolnienia',
    text: (id) =>
      `Nie ma tu uwolnienia „${id}”. Adres może zawierać literówkę albo uwolnienie nie zostało jeszcze opublikowane.`,
    gone: 'Te fakty wycofano z publikacji',
    goneText: (id, date) => [
      `Fakty „${id}” wycofano z publikacji${date && ` ${date}`}`,
      'Ich historia jest zachowana; mogą zostać opublikowane ponownie.',
    ],
    latest: 'Ostatnie uwolnienie',
    home: 'Strona główna',
  },
  lt: {
    title: 'Tokio paleidimo nėra',
    text: (id) => `Čia nėra paleidimo „${id}“. Galbūt adrese klaida arba jis dar nepaskelbtas.`,
    gone: 'Šie faktai nebeskelbiami',
    goneText: (id, date) => [
      `Faktų „${id}“ paskelbimas atšauktas${date && ` ${date}`}`,
      'Jų istorija išsaugota; jie gali būti paskelbti vėl.',
    ],
    latest: 'Naujausias paleidimas',
    home: 'Pagrindinis puslapis',
  },
};

/** The longest id the page repeats: a made-up URL may be kilobytes long. */
const SHOWN_ID_LENGTH = 80;

/**
 * The 404 page for `id`, for a reader of `lang` (a published language, data/lang.ts), linking
 * the latest release's page in that language (its headline as the link), or the site's front
 * page when there is none to read. With `frame`, in the iframe page's look.
 *
 * @example
 * throw await missingPage(reader, 'belarus-2025-13', 'ru', origin);
 */
export async function missingPage(
  reader: ReleaseReader,
  id: string,
  lang: string,
  origin: string,
  frame?: EmbedOptions,
): Promise<HTTPException> {
  const s = STRINGS[lang] ?? STRINGS.en!;
  const notice = { status: 404, title: s.title, text: s.text(shown(id)), cacheControl: MISSING_CACHE_CONTROL } as const;
  return noticePage({ ...notice, lang, link: await latestLink(reader, lang, origin) }, origin, frame);
}

/**
 * The 410 page of `id`, unpublished at `unpublishedAt` (an ISO time, when the record has one),
 * for a reader of `lang`, linking the latest release as {@link missingPage} does. Never cached:
 * the release may be published again.
 *
 * @example
 * throw await withdrawnPage(reader, 'belarus-2025-12', 'be', origin, '2026-11-30T10:00:00Z');
 */
export async function withdrawnPage(
  reader: ReleaseReader,
  id: string,
  lang: string,
  origin: string,
  unpublishedAt: string | undefined,
  frame?: EmbedOptions,
): Promise<HTTPException> {
  const s = STRINGS[lang] ?? STRINGS.en!;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(unpublishedAt ?? '')?.[0];
  const date = day ? formatDate(day, stringsFor(lang)) : '';
  const [first, then] = s.goneText(shown(id), date);
  const text = `${first}${first.endsWith('.') ? '' : '.'} ${then}`;
  const notice = { status: 410, title: s.gone, text } as const;
  return noticePage({ ...notice, lang, link: await latestLink(reader, lang, origin) }, origin, frame);
}

/** The id as the page repeats it: cut short, since a made-up URL may be kilobytes long. */
function shown(id: string): string {
  return id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id;
}

/** The latest release's page, its headline in its own language, or the front page when there is none. */
async function latestLink(reader: ReleaseReader, lang: string, origin: string): Promise<Notice['link']> {
  const s = STRINGS[lang] ?? STRINGS.en!;
  const latest = (await reader.get('latest', lang))?.value.document;
  // The headline keeps its own language: an English document where the release lacks the reader's.
  return latest
    ? { lead: `${s.latest}:`, href: factPageUrl(origin, latest.id, lang), text: latest.headline, lang: latest.lang }
    : { href: `${origin}/`, text: s.home };
}
