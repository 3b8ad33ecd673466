/**
 * One source of what the box shows: the element (Lit) and the server pages (Hono) render the
 * same model through the same template, so for the same document, variant and reader's
 * language they must show the same text, with the same `lang` on it. Dates and numbers come
 * from the string tables, in Chromium as everywhere.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { countLabel, formatCount, formatDate } from '../../factbox/format';
import { stringsFor, UI_LANGUAGES } from '../../factbox/translations';
import type { BelarusReleaseElement } from '../../widget/belarus-release';
import { factBoxHtml, readerLanguage } from '../../worker/fact-box-html';
import { API, inlineJson, mount, seedDocument, settled } from './helpers';

afterEach(() => document.body.replaceChildren());

/** The seed as a translator would deliver it: Russian text, quotes marked as translated. */
function translatedDocument(): ReleaseDocument {
  const doc = seedDocument();
  doc.lang = 'ru';
  doc.headline = 'Беларусь освободила 123 политзаключённых, США сняли санкции с калия';
  doc.people[0]!.sentTo = 'Передана Украине (вместе с большинством освобождённых)';
  doc.quotes = doc.quotes.map((q) => ({ ...q, text: `Перевод: ${q.text}`, translatedFrom: 'en' }));
  return doc;
}

/**
 * Text as a reader gets it (rendered: block boundaries are white space, hidden text is not
 * there), without `skip`, and the language each run of it is marked with.
 */
function reading(root: HTMLElement, skip = ''): { text: string; langs: string[] } {
  const text = root.innerText.replace(skip, '').replace(/\s+/g, ' ').trim();
  // Heading levels differ by design: the page's headline is its h1, the element's an h2.
  const langs = [...root.querySelectorAll('[lang]')].map(
    (node) => `${node.getAttribute('lang')}:${node.localName.replace(/^h\d$/, 'h')}`,
  );
  return { text, langs };
}

async function elementReading(doc: ReleaseDocument, variant: string, ui: string) {
  const el: BelarusReleaseElement = mount({ variant, lang: ui, expanded: '' }, inlineJson(doc));
  await settled(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  // The element's own control is not a fact: the pages, showing everything, have none.
  return reading(root.querySelector('[part=box]')!, root.querySelector<HTMLElement>('.toggle')?.innerText);
}

async function serverReading(doc: ReleaseDocument, variant: 'full' | 'compact', ui: string, origin: string) {
  const box = readerLanguage(doc, ui);
  const page = new DOMParser().parseFromString(String(await factBoxHtml(doc, box, variant, origin)), 'text/html');
  const article = document.adoptNode(page.querySelector('article')!);
  document.body.append(article);
  return reading(article);
}

describe('the element and the server pages', () => {
  for (const [name, make] of [
    ['the English document', seedDocument],
    ['a translated document', translatedDocument],
  ] as const) {
    for (const variant of ['full', 'compact'] as const) {
      for (const ui of UI_LANGUAGES) {
        it(`show the same text for ${name}, ${variant}, labels in ${ui}`, async () => {
          const doc = make();
          const element = await elementReading(doc, variant, ui);
          const server = await serverReading(doc, variant, ui, API);
          expect(element.text).toBe(server.text);
          // The element's wrapper names the reader's language; the article names it too.
          expect(element.langs).toEqual(server.langs);
          // An English document for a reader of another language: the whole box in English,
          // with a note in theirs (factbox/language.ts).
          const { labels, note } = readerLanguage(doc, ui);
          expect(element.text).toContain(labels.people);
          expect(labels).toBe(stringsFor(doc.lang === 'en' ? 'en' : ui));
          if (ui !== doc.lang && doc.lang === 'en') expect(element.text).toContain(`${note!.text} `);
          if (doc.lang !== 'en') expect(element.text).toContain(stringsFor(ui).translated);
        });
      }
    }
  }
});

describe('dates and numbers, without Intl', () => {
  const dates: [string, string][] = [
    ['en', '13 December 2025'],
    ['be', '13 снежня 2025\u00a0г.'],
    ['ru', '13 декабря 2025\u00a0г.'],
    ['uk', '13 грудня 2025\u00a0р.'],
    ['pl', '13 grudnia 2025'],
    ['lt', '2025\u00a0m. gruodžio 13\u00a0d.'],
    ['fr', '13 December 2025'],
  ];
  for (const [lang, expected] of dates) {
    it(`writes the long date in ${lang}`, () => {
      expect(formatDate('2025-12-13', stringsFor(lang))).toBe(expected);
    });
  }

  it('names every month', () => {
    expect(formatDate('2026-01-01', stringsFor('ru'))).toBe('1 января 2026\u00a0г.');
    expect(formatDate('2026-05-31', stringsFor('be'))).toBe('31 мая 2026\u00a0г.');
    expect(formatDate('2026-09-07', stringsFor('lt'))).toBe('2026\u00a0m. rugsėjo 7\u00a0d.');
  });

  const counts: [string, number, string][] = [
    ['en', 123, '123'],
    ['en', 1234, '1,234'],
    ['en', 100000, '100,000'],
    ['ru', 1234, '1\u00a0234'],
    ['uk', 12345, '12\u00a0345'],
    ['lt', 1234, '1\u00a0234'],
    // Belarusian and Polish group from five digits (CLDR's minimum grouping digits).
    ['be', 1234, '1234'],
    ['pl', 1234, '1234'],
    ['pl', 12345, '12\u00a0345'],
    ['de', 1234, '1,234'],
  ];
  for (const [lang, count, expected] of counts) {
    it(`groups ${count} in ${lang}`, () => {
      expect(formatCount(count, lang)).toBe(expected);
    });
  }
});

describe('the words after the count', () => {
  // Each language's forms, by the counts that take them (CLDR plural rules, in Chromium).
  const forms: [string, number[], string][] = [
    ['en', [1], 'political prisoner released'],
    ['en', [0, 2, 21, 123], 'political prisoners released'],
    ['be', [1, 21, 121], 'палітвязень вызвалены'],
    ['be', [2, 4, 22, 123], 'палітвязні вызвалены'],
    ['be', [0, 5, 11, 12, 14, 111, 125], 'палітвязняў вызвалена'],
    ['ru', [1, 21, 121], 'политзаключённый освобождён'],
    ['ru', [0, 3, 11, 123, 125], 'политзаключённых освобождено'],
    ['uk', [1, 21, 121], 'політв’язень звільнений'],
    ['uk', [2, 4, 22, 123], 'політв’язні звільнені'],
    ['uk', [0, 5, 11, 12, 111, 125], 'політв’язнів звільнено'],
    ['pl', [1], 'uwolniony więzień polityczny'],
    ['pl', [0, 3, 21, 123, 125], 'uwolnionych więźniów politycznych'],
    ['lt', [1, 21, 121], 'paleistas politinis kalinys'],
    ['lt', [2, 9, 22, 123, 125], 'paleisti politiniai kaliniai'],
    ['lt', [0, 10, 11, 19, 110, 120], 'paleista politinių kalinių'],
  ];
  for (const [lang, counts, expected] of forms) {
    it(`agree with ${counts.join(', ')} in ${lang}`, () => {
      for (const count of counts) expect(countLabel(count, lang, stringsFor(lang).released)).toBe(expected);
    });
  }

  it('follow the count in the box and on the page alike', async () => {
    const doc = seedDocument();
    doc.released.count = 1;
    const el = mount({ lang: 'en' }, inlineJson(doc));
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part=count]')?.textContent?.trim()).toBe('1 political prisoner released');
    expect(String(await factBoxHtml(doc, readerLanguage(doc, 'en')))).toContain(
      '<strong>1</strong> political prisoner released',
    );
  });
});
