/**
 * The link-preview card as drawn (cli/card.ts): a whole PNG of 1200 × 630, decoded here by
 * pngjs (not our code) to look at its pixels: the text areas hold text, in English and in
 * Cyrillic, and the box's accent colour is there. Text no font can draw is refused.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderCard, renderDefaultCard } from '../../cli/card';
import type { ReleaseDocument } from '../../data/schema';
import { CARD_COLOURS, cardContent } from '../../factbox/card';
import { cardPngProblem } from '../../worker/png';

const load = async (lang: string) =>
  JSON.parse(await readFile(`data/releases/belarus-2025-12/${lang}.json`, 'utf8')) as ReleaseDocument;

/** The share of pixels in a rectangle that are ink: darker than mid-grey, or the accent. */
function inkIn(png: PNG, [x0, y0, x1, y1]: [number, number, number, number], ink: (rgb: number[]) => boolean) {
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (ink([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!])) count++;
    }
  }
  return count / ((x1 - x0) * (y1 - y0));
}

const dark = ([r, g, b]: number[]) => r! + g! + b! < 3 * 110;
const accent = (() => {
  const hex = CARD_COLOURS.accent.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return ([x, y, z]: number[]) => Math.abs(x! - r!) + Math.abs(y! - g!) + Math.abs(z! - b!) < 24;
})();

/** Where the layout puts each part (cli/card.ts): the count row, the headline, the footer. */
const AREAS = {
  count: [70, 50, 1150, 190],
  headline: [70, 220, 1150, 440],
  footer: [70, 490, 900, 600],
} as const satisfies Record<string, [number, number, number, number]>;

describe('the link-preview card', () => {
  for (const lang of ['en', 'ru']) {
    it(`is a 1200 × 630 PNG whose count, headline and source areas hold text (${lang})`, async () => {
      const bytes = await renderCard(await load(lang));
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(cardPngProblem(bytes)).toBeNull();
      const png = PNG.sync.read(Buffer.from(bytes));
      expect([png.width, png.height]).toEqual([1200, 630]);
      // Measured: about 20% of the count row is accent, 15% of the headline and 8% of the footer is ink.
      expect(inkIn(png, AREAS.count, accent)).toBeGreaterThan(0.08);
      expect(inkIn(png, AREAS.headline, dark)).toBeGreaterThan(0.06);
      expect(inkIn(png, AREAS.footer, dark)).toBeGreaterThan(0.03);
      // The band down the left edge is the accent colour.
      expect(inkIn(png, [0, 0, 20, 630], accent)).toBe(1);
    });
  }

  it('draws each language in its own words: the Russian card is not the English one', async () => {
    const [en, ru] = await Promise.all(
      ['en', 'ru'].map(async (l) => PNG.sync.read(Buffer.from(await renderCard(await load(l))))),
    );
    let differing = 0;
    for (let i = 0; i < en!.data.length; i += 4) if (en!.data[i] !== ru!.data[i]) differing++;
    expect(differing).toBeGreaterThan(20_000);
    expect(cardContent(await load('ru')).source).toBe('Источник: Washington Insider, по данным BBC News');
  });

  it('refuses text that no font it carries can draw, rather than drawing empty boxes', async () => {
    const doc = { ...(await load('en')), headline: 'ბელარუსმა 123 პოლიტპატიმარი გაათავისუფლა' };
    await expect(renderCard(doc)).rejects.toThrow(/cannot draw/);
  });

  it('keeps a 200-character headline and a six-digit count inside the card', async () => {
    const doc = await load('pl');
    doc.released.count = 100_000;
    doc.headline = `${'Białoruś uwalnia więźniów '.repeat(7)}koniec`.slice(0, 200);
    const png = PNG.sync.read(Buffer.from(await renderCard(doc)));
    // The footer stays where it is, with its text, and nothing spills into the bottom margin.
    expect(inkIn(png, AREAS.footer, dark)).toBeGreaterThan(0.03);
    expect(inkIn(png, [30, 615, 1200, 630], dark)).toBe(0);
  });

  it('has a default, for a release whose own card is not stored: the same size, with text', async () => {
    const png = PNG.sync.read(Buffer.from(await renderDefaultCard()));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(inkIn(png, [70, 150, 1150, 480], dark)).toBeGreaterThan(0.02);
  });
});
