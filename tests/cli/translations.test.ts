/**
 * Translations as an editor and a translator meet them: the file checks of `validate`, the
 * `translate` scaffold, and `translations` reporting what is behind English.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../cli/file-checks';
import type { ReleaseDocument } from '../../data/schema';
import { cli } from './run';

const FOLDER = 'data/releases/belarus-2025-12';
const english = async (): Promise<ReleaseDocument> => JSON.parse(await readFile(`${FOLDER}/en.json`, 'utf8'));
let dir: string;
let state: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'belarus-release-translations-'));
  state = ['--persist-to', join(dir, 'state')];
  for (const lang of ['en', 'ru']) {
    const pushed = await cli('push', `${FOLDER}/${lang}.json`, '-m', 'seed', ...state);
    expect(pushed.code, pushed.err).toBe(0);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('validate, for a file under data/releases/<id>/<lang>.json', () => {
  it('refuses a copy of en.json saved as ru.json: it would overwrite English', async () => {
    const { errors } = await checkFile(`${FOLDER}/ru.json`, await english());
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('holds belarus-2025-12/en, but its path says belarus-2025-12/ru'),
      }),
    ]);
  });

  it('refuses a translation whose text is still the English text, field by field', async () => {
    const copy = join(dir, 'belarus-2025-12');
    await mkdir(copy, { recursive: true });
    await copyFile(`${FOLDER}/en.json`, join(copy, 'en.json'));
    const untouched = { ...(await english()), lang: 'ru', translation: { from: 'en', revision: 1 } };
    await writeFile(join(copy, 'ru.json'), JSON.stringify(untouched));
    const { code, err } = await cli('validate', join(copy, 'ru.json'));
    expect(code).toBe(1);
    expect(err).toContain('/headline: is still the English text');
    expect(err).toContain('list "/headline" in translation.same');
  });

  it('passes the shipped translations', async () => {
    const { code, out } = await cli('validate');
    expect(code).toBe(0);
    for (const lang of ['be', 'ru', 'uk', 'pl', 'lt']) expect(out).toContain(`✔ ${FOLDER}/${lang}.json`);
  });
});

describe('translate <id> <lang>', () => {
  it('starts a translation of the current English revision with the facts copied and the text to do', async () => {
    const out = join(dir, 'uk.json');
    const { code } = await cli('translate', 'belarus-2025-12', 'uk', '--out', out, ...state);
    expect(code).toBe(0);
    const scaffold = JSON.parse(await readFile(out, 'utf8')) as ReleaseDocument;
    expect(scaffold).toMatchObject({ lang: 'uk', translation: { from: 'en', revision: 1, same: [] } });
    expect(scaffold.released.count).toBe(123);
    expect(scaffold.quotes.every((q) => q.translatedFrom === 'en')).toBe(true);
    const check = await cli('validate', out);
    expect(check.code).toBe(0); // outside data/releases/ it has no English beside it: checked at push
    const push = await cli('push', out, '-m', 'untranslated', ...state);
    expect(push.code).toBe(1);
    expect(push.err).toContain('/summary: is still the English text');
  });

  it('never overwrites a translation that exists', async () => {
    const out = join(dir, 'existing.json');
    await writeFile(out, '{}');
    const { code, err } = await cli('translate', 'belarus-2025-12', 'be', '--out', out, ...state);
    expect(code).toBe(1);
    expect(err).toContain('exists already');
    expect(await readFile(out, 'utf8')).toBe('{}');
  });

  it('refuses English and languages the facts are not published in', async () => {
    const cases = [
      ['en', '"en" is not a language to translate into: English is the source'],
      ['de', 'The language "de" is not one of the languages of the facts'],
    ];
    for (const [lang, message] of cases) {
      const { code, err } = await cli('translate', 'belarus-2025-12', lang!, ...state);
      expect(code).toBe(1);
      expect(err).toContain(message);
    }
  });
});

describe('translations', () => {
  it('says which are up to date and which are missing, exit 0 while none is behind', async () => {
    const { code, out } = await cli('translations', ...state);
    expect(code).toBe(0);
    expect(out).toContain('ru  up to date (English revision 1)');
    expect(out).toContain('be  missing');
  });

  it('reports a translation behind English with the paths English changed, exit 1', async () => {
    const edited = { ...(await english()), headline: 'Belarus has freed 123 political prisoners' };
    const file = join(dir, 'en-edited.json');
    await writeFile(file, JSON.stringify(edited));
    expect((await cli('push', file, '-m', 'headline', '--base', '1', ...state)).code).toBe(0);
    const { code, out } = await cli('translations', '--json', ...state);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      releases: { languages: { lang: string; state: string; changed?: string[] }[] }[];
    };
    expect(report.releases[0]!.languages).toContainEqual({
      lang: 'ru',
      state: 'behind',
      from: 1,
      to: 2,
      changed: ['/headline'],
    });
  });

  it('says up to date again once English is rolled back to the document the translation follows', async () => {
    const rolled = await cli('rollback', 'belarus-2025-12', '1', '-m', 'Undo the headline', ...state);
    expect(rolled.code, rolled.err).toBe(0);
    const { code, out } = await cli('translations', ...state);
    expect(code).toBe(0);
    expect(out).toContain('ru  up to date (English revision 1)');
  });
});
