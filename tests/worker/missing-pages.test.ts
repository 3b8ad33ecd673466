/**
 * A release that does not exist, as a reader meets it: a mistyped link to the canonical page,
 * an iframe of a release never published. Pages for people (frameable where the iframe page
 * is), in the reader's language, linking the latest release; the API keeps problem documents.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../factbox/format';
import { stringsFor } from '../../factbox/translations';
import { SEED_ID, adminInit, freshApp, russianDocument, seedDocument, store } from './helpers';

const ORIGIN = 'https://facts.example';

const unpublish = (request: ReturnType<typeof freshApp>['request']) =>
  request(`/api/releases/${SEED_ID}/unpublish`, adminInit('POST'));

const ids: [what: string, path: string, shown: string][] = [
  ['an unknown release', 'belarus-2025-13', 'belarus-2025-13'],
  ['an id no release can have', 'Not_A_Slug', 'Not_A_Slug'],
  ['markup in the id', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '&lt;img src=x onerror=alert(1)&gt;'],
  ['an id of 2,000 characters', 'a'.repeat(2000), `${'a'.repeat(80)}…`],
];

describe('the canonical page of a release that does not exist', () => {
  for (const [what, id, shown] of ids) {
    it(`is an HTML page for ${what}: 404, cached briefly, never framed, linking the latest release`, async () => {
      await store();
      const response = await freshApp().request(`${ORIGIN}/releases/${id}`, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
      expect(response.headers.get('X-Frame-Options')).toBe('DENY');
      expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('Content-Language')).toBe('en');
      const page = await response.text();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('<h1>No such release</h1>');
      expect(page).toContain(`There is no release “${shown}” here.`);
      expect(page).not.toContain('<img');
      expect(page).toContain(`<a href="${ORIGIN}/releases/${SEED_ID}" lang="en">${seedDocument().headline}</a>`);
      expect(page).not.toContain('<script');
    });
  }

  it("speaks the reader's language (lang) and links the latest release in it", async () => {
    await store();
    await store(russianDocument());
    const response = await freshApp().request(`${ORIGIN}/releases/belarus-2025-13?lang=ru-RU`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Language')).toBe('ru');
    const page = await response.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('<h1>Такого освобождения нет</h1>');
    expect(page).toContain('Последнее освобождение:');
    expect(page).toContain(
      `<a href="${ORIGIN}/releases/${SEED_ID}?lang=ru" lang="ru">${russianDocument().headline}</a>`,
    );
  });

  it('marks the headline English where the latest release lacks the reader’s language', async () => {
    await store();
    const page = await (await freshApp().request(`${ORIGIN}/releases/nope?lang=lt`)).text();
    expect(page).toContain('<html lang="lt">');
    expect(page).toContain('<h1>Tokio paleidimo nėra</h1>');
    expect(page).toContain(`<a href="${ORIGIN}/releases/${SEED_ID}?lang=lt" lang="en">${seedDocument().headline}</a>`);
  });

  it('links the front page when no release is published', async () => {
    await store();
    const { request } = freshApp();
    expect((await unpublish(request)).status).toBe(200);
    const response = await request(`${ORIGIN}/releases/nope?lang=pl`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`<a href="${ORIGIN}/" lang="pl">Strona główna</a>`);
  });
});

describe('the iframe page of a release that does not exist', () => {
  it('is a frameable 404 in the frame’s theme and language that posts its height and links out', async () => {
    await store();
    await store(russianDocument());
    const response = await freshApp().request(`${ORIGIN}/embed/belarus-2025-13?lang=ru&theme=dark&maxwidth=400`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(response.headers.get('X-Frame-Options')).toBeNull();
    expect(response.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    const page = await response.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('<h1>Такого освобождения нет</h1>');
    expect(page).toContain(':root { color-scheme: dark; background: transparent; }');
    expect(page).toContain('max-width: 400px;');
    expect(page).toContain('<script type="module" src="/embed.js"></script>');
    expect(page).toMatch(
      new RegExp(`<a href="${ORIGIN}/releases/${SEED_ID}\\?lang=ru" lang="ru" target="_blank" rel="noopener">`),
    );
  });

  it('says an unpublished release was taken down, frameable too', async () => {
    await store();
    const { request } = freshApp();
    expect((await unpublish(request)).status).toBe(200);
    const response = await request(`${ORIGIN}/embed/${SEED_ID}`);
    expect(response.status).toBe(410);
    expect(response.headers.get('X-Frame-Options')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.text()).toContain('This release was unpublished');
  });

  it("says so in the reader's language, with the day it was taken down", async () => {
    await store();
    const { request } = freshApp();
    expect((await unpublish(request)).status).toBe(200);
    const today = formatDate(new Date().toISOString().slice(0, 10), stringsFor('be'));
    const response = await request(`${ORIGIN}/releases/${SEED_ID}?lang=be`);
    expect(response.status).toBe(410);
    const page = await response.text();
    expect(page).toContain('<html lang="be"');
    expect(page).toContain('<h1>Гэтыя факты знятыя з публікацыі</h1>');
    // The date ends with its own full stop ("2026 г."): the sentence adds none.
    expect(page).toContain(`Факты «${SEED_ID}» знятыя з публікацыі ${today} Іх гісторыя захавана;`);
    const english = await (await request(`${ORIGIN}/releases/${SEED_ID}`)).text();
    const day = formatDate(new Date().toISOString().slice(0, 10), stringsFor('en'));
    expect(english).toContain(`were taken down on ${day}. Their history is kept;`);
    // No other release to offer: the front page, in Belarusian.
    expect(page).toMatch(new RegExp(`<a href="${ORIGIN}/" lang="be">Галоўная старонка</a>`));
  });
});

describe('the API for a release that does not exist', () => {
  for (const path of ['/api/releases/belarus-2025-13', '/api/releases/Not_A_Slug']) {
    it(`keeps answering problem+json on ${path}, whatever the client accepts`, async () => {
      await store();
      const response = await freshApp().request(`${ORIGIN}${path}`, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    });
  }
});
