/**
 * The element follows the same language rule as the pages (factbox/language.ts), on a news
 * site of another origin: a box in the reader's language; for a translation English has been
 * revised since, a note saying so; for a release with no document in the reader's language,
 * the whole box in English with a note in theirs; and `lang` on whatever is in another language.
 * Quotes wear their own language's quotation marks, Belarusian's too, which Chromium lacks.
 */
import { describe, expect, it } from 'vitest';
import seed from '../../data/releases/belarus-2025-12/en.json';
import { writeRevision } from '../../worker/write';
import { newsSiteForFile } from './host';

const SEED = seed.id;
/** A second release, in English only (and the latest). */
const ENGLISH_ONLY = 'belarus-2026-01';

const run = newsSiteForFile(async (worker) => {
  const note = { author: 'test', message: 'test' };
  // English moves on past the revision every shipped translation names (1).
  await writeRevision(worker.kv, { ...seed, headline: 'Belarus frees 123 political prisoners' }, note);
  await writeRevision(worker.kv, { ...seed, id: ENGLISH_ONLY, date: '2026-01-10' }, note);
});

/** The box's text, and the `lang` of each marked element, once the facts are shown. */
async function box(attrs: string) {
  const page = await run.browser.newPage();
  await page.goto(run.site.url(`/?attrs=${encodeURIComponent(attrs)}`));
  const host = page.locator('belarus-release');
  await page.waitForFunction(() => document.querySelector('belarus-release')?.shadowRoot?.querySelector('.key'));
  const read = await host.evaluate((el) => {
    const root = el.shadowRoot!;
    const lang = (selector: string) => root.querySelector(selector)?.getAttribute('lang');
    return {
      box: lang('[part=box]'),
      note: root.querySelector('[part=header] > .note')?.textContent ?? null,
      noteLang: lang('[part=header] > .note'),
      headline: lang('h2'),
      source: lang('[part=sources] a'),
      people: root.querySelector('[part=people] h3')!.textContent,
    };
  });
  await page.close();
  return read;
}

/**
 * The quotation marks around the box's first quote as Chromium renders them: the text of the
 * `<q>`'s generated content in the accessibility tree, which is also what a screen reader says.
 * (The computed `content` of `q::before` is only `open-quote`.)
 */
async function quoteMarks(attrs: string): Promise<string[]> {
  const page = await run.browser.newPage();
  await page.goto(run.site.url(`/?attrs=${encodeURIComponent(`${attrs} expanded`)}`));
  await page.waitForFunction(() => document.querySelector('belarus-release')?.shadowRoot?.querySelector('q'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('belarus-release').shadowRoot.querySelector('[part=quotes] q')`,
  });
  const [q] = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId!, fetchRelatives: false }))
    .nodes;
  const { nodes } = await cdp.send('Accessibility.getChildAXNodes', { id: q!.nodeId });
  const texts = nodes.filter((node) => node.role?.value === 'StaticText').map((node) => String(node.name?.value));
  await page.close();
  return [texts[0]!, texts.at(-1)!];
}

describe('the element in the readers’ languages', () => {
  it('says in Russian that the English version has been updated since the translation', async () => {
    const read = await box(`lang="ru" release="${SEED}"`);
    expect(read).toMatchObject({
      box: 'ru',
      headline: 'ru',
      note: 'Английская версия обновлена после этого перевода.',
      noteLang: 'ru',
      people: 'Кого освободили',
    });
  });

  it('marks the English title of the source, kept in English by the translation, as English', async () => {
    expect((await box(`lang="be" release="${SEED}"`)).source).toBe('en');
  });

  it('shows a release with no Belarusian document wholly in English, with a note in Belarusian', async () => {
    const read = await box(`lang="be" release="${ENGLISH_ONLY}"`);
    expect(read).toMatchObject({
      box: 'en',
      headline: 'en',
      note: 'Гэтыя факты даступныя па-англійску.',
      noteLang: 'be',
      people: 'Who was freed',
      source: 'en',
    });
  });

  it('has no note for an English reader', async () => {
    expect(await box(`lang="en" release="${SEED}"`)).toMatchObject({ box: 'en', note: null });
  });

  // Chromium's own marks for every language but Belarusian, for which it has none (it would
  // show English ones): the element gives Belarusian its own, as the server pages do.
  it.each([
    ['be', '«', '»'],
    ['en', '“', '”'],
    ['ru', '«', '»'],
    ['uk', '«', '»'],
    ['pl', '„', '”'],
    ['lt', '„', '“'],
  ])('quotes in %s between %s and %s', async (lang, open, close) => {
    expect(await quoteMarks(`lang="${lang}" release="${SEED}"`)).toEqual([open, close]);
  });
});
