/**
 * The pages in the readers' languages (issue 9): one canonical URL per language, its
 * alternates, the switcher, and the English box with a note where a language is missing.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../data/lang';
import { SEED_ID, belarusianDocument, freshApp, russianDocument, seedDocument, store } from './helpers';

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
