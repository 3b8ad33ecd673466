/**
 * Translations stay true to English: every write of a translation, local or through the admin
 * API, is checked against the English revision it names, and refused with the JSON paths at fault.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import be from '../../data/releases/belarus-2025-12/be.json';
import lt from '../../data/releases/belarus-2025-12/lt.json';
import pl from '../../data/releases/belarus-2025-12/pl.json';
import ru from '../../data/releases/belarus-2025-12/ru.json';
import uk from '../../data/releases/belarus-2025-12/uk.json';
import type { ReleaseDocument } from '../../data/schema';
import { ReleaseDocumentSchema } from '../../data/schema';
import { listRevisions, readCurrent } from '../../worker/store';
import { TranslationRefusedError } from '../../worker/store-errors';
import { SEED_ID, freshApp, seedDocument, store } from './helpers';

const TRANSLATIONS = { be, ru, uk, pl, lt } as unknown as Record<string, ReleaseDocument>;

function russian(): ReleaseDocument {
  return structuredClone(TRANSLATIONS.ru!);
}

async function refusal(doc: unknown): Promise<{ path: string; message: string }[]> {
  const error = await store(doc).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranslationRefusedError);
  return (error as TranslationRefusedError).issues;
}

describe('the shipped translations', () => {
  for (const [lang, doc] of Object.entries(TRANSLATIONS)) {
    it(`stores ${lang}, a translation of English revision 1`, async () => {
      await store();
      const written = await store(doc);
      expect(written.revision).toBe(1);
      expect((await readCurrent(env.RELEASES, SEED_ID, lang))?.document.headline).toBe(doc.headline);
    });
  }

  it('keep the facts of English in every language: count, date, people, quotes, sources by id', () => {
    const en = seedDocument();
    for (const doc of Object.values(TRANSLATIONS)) {
      expect(doc.released.count).toBe(en.released.count);
      expect(doc.date).toBe(en.date);
      expect(doc.people.map((p) => [p.id, p.released])).toEqual(en.people.map((p) => [p.id, p.released]));
      expect(doc.quotes.map((q) => [q.speaker, q.translatedFrom])).toEqual(en.quotes.map((q) => [q.speaker, 'en']));
      expect(doc.sources.map((s) => s.url)).toEqual(en.sources.map((s) => s.url));
    }
  });
});

describe('a translation that does not mirror English', () => {
  const cases: [string, (doc: ReleaseDocument) => void, string, string][] = [
    ['another count', (d) => (d.released.count = 124), '/released/count', 'must be 123'],
    ['another date', (d) => (d.date = '2025-12-14'), '/date', 'must be "2025-12-13"'],
    ['a person missing', (d) => d.people.pop(), '/people', 'must have 8 entries'],
    ['another person id', (d) => (d.people[2]!.id = 'viktar-babaryka'), '/people/2/id', '"viktor-babaryko"'],
    ['another URL', (d) => (d.sources[0]!.url = 'https://example.org/x'), '/sources/0/url', 'washingtoninsider'],
    ['another speaker', (d) => (d.quotes[1]!.speaker = 'john-coale'), '/quotes/1/speaker', '"tatiana-khomich"'],
    ['another envoy', (d) => (d.deal.envoy = 'alexander-lukashenko'), '/deal/envoy', '"john-coale"'],
    ['a released flag flipped', (d) => (d.people[4]!.released = true), '/people/4/released', 'false'],
    [
      'a sentTo English lacks',
      (d) => (d.people[2]!.sentTo = 'Отправлен в Литву'),
      '/people/2/sentTo',
      'not in English',
    ],
    ['a field still in English', (d) => (d.headline = seedDocument().headline), '/headline', 'still the English text'],
    [
      'a `same` entry that differs',
      (d) => d.translation!.same!.push('/summary'),
      '/summary',
      'listed in translation.same',
    ],
  ];
  for (const [what, edit, path, message] of cases) {
    it(`is refused for ${what}, naming ${path}`, async () => {
      await store();
      const doc = russian();
      edit(doc);
      const issues = await refusal(doc);
      expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
      expect(await listRevisions(env.RELEASES, SEED_ID, 'ru')).toEqual([]);
    });
  }

  it('is refused when the English revision it names does not exist', async () => {
    await store();
    const doc = russian();
    doc.translation!.revision = 7;
    expect(await refusal(doc)).toEqual([
      { path: '/translation/revision', message: 'there is no revision 7 of belarus-2025-12/en to translate from' },
    ]);
  });

  it('is checked against the revision it names, not the current English', async () => {
    await store();
    await store({ ...seedDocument(), released: { ...seedDocument().released, count: 125 } });
    expect((await store(russian())).revision).toBe(1);
  });
});

describe('the schema', () => {
  it('refuses a translation that names no English revision, and an English document that does', () => {
    const { translation: _dropped, ...untracked } = russian();
    expect(ReleaseDocumentSchema.safeParse(untracked).success).toBe(false);
    const english = { ...seedDocument(), translation: { from: 'en', revision: 1 } };
    expect(ReleaseDocumentSchema.safeParse(english).error?.issues[0]?.path).toEqual(['translation']);
  });
});

describe('PUT /api/releases/:id?lang=ru', () => {
  it('answers 400 with every JSON path at fault and writes nothing', async () => {
    await store();
    const doc = russian();
    doc.released.count = 1;
    doc.headline = seedDocument().headline;
    const response = await freshApp().request(`/api/releases/${SEED_ID}?lang=ru`, {
      method: 'PUT',
      body: JSON.stringify(doc),
      headers: {
        Authorization: 'Bearer test-admin-token',
        'Content-Type': 'application/json',
        'If-None-Match': '*',
      },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const body = (await response.json()) as { type: string; title: string; errors: { path: string }[] };
    expect(body).toMatchObject({ type: 'tag:belarus-release,2025:invalid-translation', title: 'Invalid translation' });
    expect(body.errors.map((e) => e.path)).toEqual(['/released/count', '/headline']);
    expect(await readCurrent(env.RELEASES, SEED_ID, 'ru')).toBeNull();
  });
});

describe('reading translations through the API', () => {
  it('answers each language in that language, with Content-Language saying so', async () => {
    await store();
    for (const doc of Object.values(TRANSLATIONS)) await store(doc);
    const { request } = freshApp();
    for (const lang of ['en', ...Object.keys(TRANSLATIONS)]) {
      const response = await request(`/api/releases/${SEED_ID}?lang=${lang}`);
      expect(response.headers.get('Content-Language')).toBe(lang);
      expect(((await response.json()) as ReleaseDocument).lang).toBe(lang);
      const index = await request(`/api/releases?lang=${lang}`);
      expect(index.headers.get('Content-Language')).toBe(lang);
      const { releases } = (await index.json()) as {
        releases: { headline: string; lang: string; languages: string[] }[];
      };
      expect(releases[0]).toMatchObject({ lang, languages: ['be', 'en', 'lt', 'pl', 'ru', 'uk'] });
      expect(releases[0]!.headline).toBe(lang === 'en' ? seedDocument().headline : TRANSLATIONS[lang]!.headline);
    }
  });

  it('names English on an index whose headlines fell back to English', async () => {
    await store();
    const response = await freshApp().request('/api/releases?lang=ru');
    expect(response.headers.get('Content-Language')).toBe('en');
    expect(((await response.json()) as { releases: { lang: string }[] }).releases[0]!.lang).toBe('en');
  });

  it('tells a client how many revisions English gained since the translation, and nothing when up to date', async () => {
    await store();
    await store(russian());
    const { request } = freshApp({ ttlMs: 0 });
    const current = await request(`/api/releases/${SEED_ID}?lang=ru`);
    expect(current.headers.get('X-Translation-Behind')).toBeNull();
    await store({ ...seedDocument(), headline: 'Belarus has freed 123 political prisoners' });
    await store({ ...seedDocument(), headline: 'Belarus has freed 123 prisoners' });
    const behind = await request(`/api/releases/${SEED_ID}?lang=ru`);
    expect(behind.headers.get('X-Translation-Behind')).toBe('2');
    const etag = behind.headers.get('ETag')!;
    const revalidated = await request(`/api/releases/${SEED_ID}?lang=ru`, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('X-Translation-Behind')).toBe('2');
  });

  it('says nothing once English is rolled back to the document the translation follows', async () => {
    await store();
    await store(russian());
    await store({ ...seedDocument(), headline: 'Belarus has freed 123 political prisoners' });
    const { request } = freshApp({ ttlMs: 0 });
    expect((await request(`/api/releases/${SEED_ID}?lang=ru`)).headers.get('X-Translation-Behind')).toBe('1');
    await store(seedDocument()); // revision 3: revision 1's document again, as a rollback writes it
    expect((await request(`/api/releases/${SEED_ID}?lang=ru`)).headers.get('X-Translation-Behind')).toBeNull();
  });
});
