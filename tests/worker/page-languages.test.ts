/**
 * The pages in the readers' languages (issue 9): one canonical URL per language, its
 * alternates, the switcher, and the English box with a note where a language is missing.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../data/lang';
import type { ReleaseDocument } from '../../data/schema';
import { SEED_ID, adminInit, belarusianDocument, freshApp, russianDocument, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';
const PAGE = `${ORIGIN}/releases/${SEED_ID}`;
/** A release with an English document only (the bundled copies hold every language of the seed). */
const ENGLISH_ONLY = 'belarus-2026-01';

async function english(id = SEED_ID) {
  await store({ ...seedDocument(), id });
}

describe('the reader’s lang, canonicalised', () => {
  const cases: [asked: string, lang: string, canonical: string][] = [
    ['be', 'be', `${PAGE}?lang=be`],
    ['be-BY', 'be', `${PAGE}?lang=be`],
    ['RU_ru', 'ru', `${PAGE}?lang=ru`],
    ['en', 'en', PAGE],
    ['en-GB', 'en', PAGE],
    ['de', 'en', PAGE],
    ['xx', 'en', PAGE],
    ['%22%3E%3Cscript%3E', 'en', PAGE],
    ['', 'en', PAGE],
  ];
  for (const [asked, lang, canonical] of cases) {
    it(`serves ?lang=${asked} as <html lang="${lang}"> with canonical ${canonical.replace(ORIGIN, '')}`, async () => {
      await english();
      await store(belarusianDocument());
      await store(russianDocument());
      const response = await freshApp().request(`${PAGE}?lang=${asked}`);
      expect(response.headers.get('Content-Language')).toBe(lang);
      const page = await response.text();
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(`<link rel="canonical" href="${canonical}" />`);
      const embed = await (await freshApp().request(`${ORIGIN}/embed/${SEED_ID}?lang=${asked}`)).text();
      expect(embed).toContain(`<html lang="${lang}">`);
    });
  }
});

describe('a release in six languages', () => {
  it('links every version, itself included, and x-default, from every version', async () => {
    const page = await (await freshApp().request(`${PAGE}?lang=uk`)).text();
    for (const lang of LANGUAGES) {
      const url = lang === 'en' ? PAGE : `${PAGE}?lang=${lang}`;
      expect(page).toContain(`<link rel="alternate" hreflang="${lang}" href="${url}" />`);
    }
    expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="${PAGE}" />`);
  });

  it('names its locale for link previews, and the others as alternates', async () => {
    const page = await (await freshApp().request(`${PAGE}?lang=lt`)).text();
    expect(page).toContain('<meta property="og:locale" content="lt_LT" />');
    const alternates = [...page.matchAll(/og:locale:alternate" content="([a-z]{2}_[A-Z]{2})"/g)].map((m) => m[1]);
    expect(alternates.sort()).toEqual(['be_BY', 'en_US', 'pl_PL', 'ru_RU', 'uk_UA']);
  });

  it('has a switcher whose links say their language, and which one is this', async () => {
    const page = await (await freshApp().request(`${PAGE}?lang=pl`)).text();
    const nav = /<nav class="languages" aria-label="Język">(.*?)<\/nav>/s.exec(page)?.[1] ?? '';
    const links = [
      ...nav.matchAll(/<a\s+href="([^"]+)"\s+lang="(\w+)"\s+hreflang="(\w+)"\s+aria-current="(\w+)"\s*>([^<]+)</g),
    ];
    expect(links.map(([, , lang]) => lang)).toEqual([...LANGUAGES]);
    for (const [, href, lang, hreflang, current] of links) {
      expect(hreflang).toBe(lang);
      expect(href).toBe(lang === 'en' ? PAGE : `${PAGE}?lang=${lang}`);
      expect(current).toBe(lang === 'pl' ? 'page' : 'false');
    }
    expect(links.map((l) => l[5])).toContain('Беларуская');
  });
});

describe('a reader whose language the release lacks', () => {
  it('gets the whole page in English, labels included, with a note in their language', async () => {
    await english(ENGLISH_ONLY);
    const response = await freshApp().request(`${ORIGIN}/releases/${ENGLISH_ONLY}?lang=be`);
    expect(response.headers.get('Content-Language')).toBe('en');
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/releases/${ENGLISH_ONLY}" />`);
    expect(page).toContain('<p class="note" lang="be">Гэтыя факты даступныя па-англійску.</p>');
    expect(page).toContain('<article class="fact-box" lang="en"');
    expect(page).toContain('political prisoners released');
    expect(page).not.toContain('Каго вызвалілі');
    // Nothing to switch to, and only the version that exists is announced.
    expect(page).not.toContain('<nav class="languages"');
    expect(page).not.toContain('hreflang="be"');
    expect(page).toContain('<meta property="og:locale" content="en_US" />');
  });

  it('gets the same on the iframe page', async () => {
    await english(ENGLISH_ONLY);
    const page = await (await freshApp().request(`${ORIGIN}/embed/${ENGLISH_ONLY}?lang=ru`)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<p class="note" lang="ru">Эти факты доступны на английском языке.</p>');
    expect(page).toMatch(/>Fact page<\/a\s*>/);
  });

  it('gets no note when reading English', async () => {
    await english(ENGLISH_ONLY);
    const page = await (await freshApp().request(`${ORIGIN}/releases/${ENGLISH_ONLY}`)).text();
    expect(page).not.toContain('class="note"');
  });
});

describe('a translation English has been revised since', () => {
  it('carries a note in its language on the page and the iframe page, and none once up to date', async () => {
    await english();
    await store(russianDocument());
    const note = '<p class="note" lang="ru">Английская версия обновлена после этого перевода.</p>';
    const { request } = freshApp({ ttlMs: 0 });
    expect(await (await request(`${PAGE}?lang=ru`)).text()).not.toContain(note);
    await store({ ...seedDocument(), headline: 'Belarus has freed 123 political prisoners' });
    for (const path of [`${PAGE}?lang=ru`, `${ORIGIN}/embed/${SEED_ID}?lang=ru`]) {
      const page = await (await request(path)).text();
      expect(page, path).toContain(note);
      expect(page, path).toContain('<article class="fact-box" lang="ru"');
    }
  });
});

describe('sources', () => {
  it("mark a title the translation keeps in English as English, and translated text as the page's", async () => {
    await english();
    await store(belarusianDocument());
    const page = await (await freshApp().request(`${PAGE}?lang=be`)).text();
    const source = /<a href="https:\/\/washingtoninsider[^"]*"[^>]*lang="(\w+)"/.exec(page);
    expect(source?.[1]).toBe('en');
    expect(page).toContain('<h2>Крыніцы</h2><div lang="be">');
  });
});

describe('a preview page', () => {
  type Request = ReturnType<typeof freshApp>['request'];
  const NEW_ID = 'draft-2026-01';
  const draft = (request: Request, doc: ReleaseDocument, headers: Record<string, string>) =>
    request(`/api/releases/${doc.id}?lang=${doc.lang}&draft=true`, adminInit('PUT', doc, headers));
  /** The signed page link the CLI's `preview` prints, as a path. */
  async function previewPage(request: Request, id: string) {
    const response = await request(`/api/releases/${id}/preview`, adminInit('POST'));
    const { links } = (await response.json()) as { links: { page: string } };
    return links.page.slice(ORIGIN.length);
  }
  /** The switcher's links of a page, by language. */
  const switcher = (page: string) =>
    new Map(
      [...page.matchAll(/<a\s+href="([^"]+)"\s+lang="(\w+)"\s+hreflang=/g)].map(([, href, lang]) => [
        lang!,
        href!.replaceAll('&amp;', '&'),
      ]),
    );
  /** English and Russian published, then a draft of each, based on the published revision. */
  async function draftsOfPublished(request: Request) {
    await english();
    await store(russianDocument());
    const drafts = [
      { ...seedDocument(), headline: 'Draft headline' },
      { ...russianDocument(), headline: 'Черновик заголовка' },
    ];
    for (const doc of drafts) {
      const etag = (await request(`/api/releases/${SEED_ID}?lang=${doc.lang}`)).headers.get('ETag')!;
      expect((await draft(request, doc, { 'If-Match': etag })).status).toBe(200);
    }
  }

  it("links each language to that language's preview of the draft: 200, noindex, private no-store", async () => {
    const { request } = freshApp();
    await draftsOfPublished(request);
    const path = await previewPage(request, SEED_ID);
    const token = new URL(path, ORIGIN).searchParams.get('preview')!;
    const links = switcher(await (await request(path)).text());
    expect([...links.keys()]).toEqual(['en', 'ru']);
    expect(new URL(links.get('ru')!).searchParams.get('preview')).toBe(token);
    const russian = await request(links.get('ru')!);
    expect(russian.status).toBe(200);
    expect(russian.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(russian.headers.get('Cache-Control')).toBe('private, no-store');
    const page = await russian.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Черновик заголовка');
    expect(await (await request(links.get('en')!)).text()).toContain('Draft headline');
  });

  it('lists the languages of a release not published yet, each opening its draft', async () => {
    const { request } = freshApp();
    await english();
    const english2026 = { ...seedDocument(), id: NEW_ID, date: '2026-01-20', headline: 'A draft' };
    const russian2026 = { ...russianDocument(), id: NEW_ID, date: '2026-01-20', headline: 'Черновик' };
    expect((await draft(request, english2026, { 'If-None-Match': '*' })).status).toBe(200);
    expect((await draft(request, russian2026, { 'If-None-Match': '*' })).status).toBe(200);
    const links = switcher(await (await request(await previewPage(request, NEW_ID))).text());
    expect([...links.keys()]).toEqual(['en', 'ru']);
    const russian = await request(links.get('ru')!);
    expect(russian.status).toBe(200);
    expect(await russian.text()).toContain('Черновик');
  });

  it('leaves the public page as it was: public links with no preview parameter, drafts unlisted', async () => {
    const { request } = freshApp();
    await draftsOfPublished(request);
    const belarusian = { ...belarusianDocument(), headline: 'Чарнавік' };
    expect((await draft(request, belarusian, { 'If-None-Match': '*' })).status).toBe(200);
    const response = await request(`${PAGE}?lang=ru`);
    expect(response.headers.get('Cache-Control')).toMatch(/^public/);
    const page = await response.text();
    expect(page).not.toContain('preview');
    expect(page).not.toContain('Черновик заголовка');
    expect(Object.fromEntries(switcher(page))).toEqual({ en: PAGE, ru: `${PAGE}?lang=ru` });
  });
});
