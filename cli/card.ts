/**
 * Draws a release's link-preview card (factbox/card.ts says what it shows): a 1200 × 630 PNG
 * laid out by satori as SVG, in Noto Sans from @fontsource (Latin, Latin Extended and Cyrillic,
 * so every language's script is drawn, never a missing glyph), rasterised by resvg. It runs in
 * Node, at push time and at build time (the default card); the worker only stores and serves
 * PNGs, so none of this is on a reader's path.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReleaseDocument } from '../data/schema';
import { CARD_COLOURS, CARD_SIZE, cardContent, type CardContent } from '../factbox/card';

/** One box of satori's layout: what JSX would build, written out (no React here). */
interface Node {
  type: 'div';
  props: { style: Record<string, string | number>; children?: (Node | string)[] | string };
}

const box = (style: Node['props']['style'], children?: Node['props']['children']): Node => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/** The subsets the six languages' scripts need. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const WEIGHTS = [400, 700] as const;

/**
 * Each subset is a family of its own, listed in order: satori takes a glyph from the first
 * family that has it. (Under one name it used the first file only: Cyrillic came out as boxes.)
 */
const FONT_FAMILY = SUBSETS.map((subset) => `Noto Sans ${subset}`).join(', ');

type Font = { name: string; data: Buffer; weight: (typeof WEIGHTS)[number]; style: 'normal' };
let fonts: Promise<Font[]> | undefined;

/** Noto Sans as WOFF (satori reads TTF, OTF and WOFF, not WOFF2), loaded once per process. */
function notoSans(): Promise<Font[]> {
  const require = createRequire(import.meta.url);
  fonts ??= Promise.all(
    WEIGHTS.flatMap((weight) =>
      SUBSETS.map(async (subset): Promise<Font> => {
        const path = require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`);
        return { name: `Noto Sans ${subset}`, data: await readFile(path), weight, style: 'normal' };
      }),
    ),
  );
  return fonts;
}

/**
 * The headline's size by its length: as large as fits in two to four lines, so that it stays
 * readable in a 300-pixel-wide thumbnail (a quarter of the card: 64 px type shows at 16).
 */
function headlineSize(headline: string): number {
  if (headline.length <= 60) return 64;
  if (headline.length <= 90) return 56;
  if (headline.length <= 130) return 46;
  return 38;
}

/** The layout: the accent band, the count, the headline, then the date and the source. */
function layout(content: CardContent, brand: string): Node {
  const { accent, text, muted, background } = CARD_COLOURS;
  const line = (style: Node['props']['style'], children: string) => box({ display: 'flex', ...style }, children);
  return box({ width: '100%', height: '100%', display: 'flex', background, fontFamily: FONT_FAMILY, color: text }, [
    box({ width: 24, height: '100%', flexShrink: 0, background: accent }),
    box({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '48px 64px 44px 56px' }, [
      box({ display: 'flex', alignItems: 'baseline', color: accent }, [
        line({ fontSize: 132, fontWeight: 700, lineHeight: 1, marginRight: 28 }, content.count),
        line({ fontSize: 44, fontWeight: 700, lineHeight: 1.1 }, content.countLabel),
      ]),
      line(
        {
          fontSize: headlineSize(content.headline),
          fontWeight: 700,
          lineHeight: 1.18,
          marginTop: 36,
          flexGrow: 1,
          // Should a headline of long words need a fifth line, it ends on an ellipsis, not on the footer.
          lineClamp: 4,
        },
        content.headline,
      ),
      box({ display: 'flex', flexDirection: 'column', borderTop: `3px solid ${accent}`, paddingTop: 20 }, [
        line({ fontSize: 34, fontWeight: 700, color: text }, content.date),
        box({ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginTop: 6 }, [
          line({ fontSize: 30, color: muted, flexShrink: 1 }, content.source),
          line({ fontSize: 26, color: accent, fontWeight: 700, marginLeft: 24 }, brand),
        ]),
      ]),
    ]),
  ]);
}

/** The default card: the project's name and what it is, for a release whose card is not stored. */
function defaultLayout(brand: string): Node {
  const { accent, text, background } = CARD_COLOURS;
  return box({ width: '100%', height: '100%', display: 'flex', background, fontFamily: FONT_FAMILY, color: text }, [
    box({ width: 24, height: '100%', flexShrink: 0, background: accent }),
    box({ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, padding: '48px 64px' }, [
      box({ display: 'flex', fontSize: 96, fontWeight: 700, color: accent }, brand),
      box({ display: 'flex', fontSize: 52, fontWeight: 700, marginTop: 24 }, 'A fact box with a source for every fact'),
    ]),
  ]);
}

/** satori's SVG of `node`, at the card's size, in Noto Sans; any text it cannot draw is an error. */
async function draw(node: Node): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: importing them takes about half a second, which every other command
  // of the CLI (bundled with this file, cli/bin.js) would pay.
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const svg = await satori(node as never, {
    ...CARD_SIZE,
    fonts: await notoSans(),
    // Called for text no loaded font can draw: a card with empty boxes for letters is worse than none.
    loadAdditionalAsset: (_language, segment) => {
      throw new Error(`Noto Sans (Latin, Latin Extended, Cyrillic) cannot draw "${segment}"`);
    },
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_SIZE.width }, font: { loadSystemFonts: false } });
  return new Uint8Array(png.render().asPng());
}

/** What the card's corner says: the project's name, the same on every card. */
const BRAND = 'belarus-release';

/**
 * The card of `doc`, as PNG bytes.
 *
 * @example
 * await writeFile('card.png', await renderCard(doc));
 */
export function renderCard(doc: ReleaseDocument): Promise<Uint8Array<ArrayBuffer>> {
  return draw(layout(cardContent(doc), BRAND));
}

/**
 * The card the worker serves for a release whose own card is not stored (cli/build-card.ts
 * bundles it at build time).
 */
export function renderDefaultCard(): Promise<Uint8Array<ArrayBuffer>> {
  return draw(defaultLayout(BRAND));
}
