/**
 * The page for a release that does not exist, `/releases/:id` and `/embed/:id` with an id no
 * release has (or none could have): a reader who followed a mistyped link, or an iframe whose
 * release was never published, gets a sentence in their language and a link to the latest
 * release, as a 404 that caches briefly (the release may be published in a minute). The API
 * answers the same with a problem document.
 */
import type { HTTPException } from 'hono/http-exception';
import { factPageUrl } from '../../factbox/model';
import type { ReleaseReader } from '../releases';
import type { EmbedOptions } from './embed-options';
import { noticePage } from './notice';

/** Long enough for a release published after the 404 to show soon; short enough to spare the worker a burst. */
const MISSING_CACHE_CONTROL = 'public, max-age=60';

/** What the page says, in every language the facts are published in. */
const STRINGS: Readonly<Record<string, { title: string; text: (id: string) => string; latest: string; home: string }>> =
  {
    en: {
      title: 'No such release',
      text: (id) => `There is no release “${id}” here. The address may be mistyped, or the release not published yet.`,
      latest: 'The latest release',
      home: 'Front page',
    },
    be: {
      title: 'Такога вызвалення няма',
      text: (id) => `Тут няма вызвалення «${id}». Магчыма, у адрасе памылка або яно яшчэ не апублікаванае.`,
      latest: 'Апошняе вызваленне',
      home: 'Галоўная старонка',
    },
    ru: {
      title: 'Такого освобождения нет',
      text: (id) => `Здесь нет освобождения «${id}». Возможно, в адресе опечатка или оно ещё не опубликовано.`,
      latest: 'Последнее освобождение',
      home: 'Главная страница',
    },
    uk: {
      title: 'Такого звільнення немає',
      text: (id) => `Тут немає звільнення «${id}». Можливо, в адресі помилка або його ще не опубліковано.`,
      latest: 'Останнє звільнення',
      home: 'Головна сторінка',
    },
    pl: {
      title: 'Nie ma takiego uwolnienia',
      text: (id) =>
        `Nie ma tu uwolnienia „${id}”. Adres może zawierać literówkę albo uwolnienie nie zostało jeszcze opublikowane.`,
      latest: 'Ostatnie uwolnienie',
      home: 'Strona główna',
    },
    lt: {
      title: 'Tokio paleidimo nėra',
      text: (id) => `Čia nėra paleidimo „${id}“. Galbūt adrese klaida arba jis dar nepaskelbtas.`,
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
  const latest = (await reader.get('latest', lang))?.value.document;
  // The headline keeps its own language: an English document where the release lacks the reader's.
  const link = latest
    ? { lead: `${s.latest}:`, href: factPageUrl(origin, latest.id, lang), text: latest.headline, lang: latest.lang }
    : { href: `${origin}/`, text: s.home };
  const shown = id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id;
  const notice = {
    status: 404,
    lang,
    title: s.title,
    text: s.text(shown),
    link,
    cacheControl: MISSING_CACHE_CONTROL,
  } as const;
  return noticePage(notice, origin, frame);
}
