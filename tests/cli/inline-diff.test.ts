/**
 * How a changed value is printed: the part that changed, marked on both sides, with a few words
 * of context, for any length and any script, with and without colour.
 */
import { describe, expect, it } from 'vitest';
import { colourFor, showChange, showValue } from '../../cli/inline-diff';
import { seedDocument } from './helpers';

const { summary } = await seedDocument();
const plain = (before: unknown, after: unknown) => showChange(before, after, { colour: false });
const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];

describe('a changed string', () => {
  it('shows a change at the end of a long summary on both sides, with context', () => {
    const [before, after] = plain(summary, summary.replace('Vilnius', 'Warsaw'));
    expect(before).toBe('"…was sent to [-Vilnius-], Lithuania."');
    expect(after).toBe('"…was sent to {+Warsaw+}, Lithuania."');
  });

  it('shows a change at the start of a long text, cut after a few words', () => {
    const [before, after] = plain(summary, summary.replace('released', 'freed'));
    expect(before).toBe('"Belarus [-released-] 123 political prisoners…"');
    expect(after).toBe('"Belarus {+freed+} 123 political prisoners…"');
  });

  it('shows two changes far apart with the text between them left out', () => {
    const [before, after] = plain(summary, summary.replace('123', '124').replace('Vilnius', 'Warsaw'));
    expect(before).toBe(
      '"Belarus released [-123-] political prisoners, including … was sent to [-Vilnius-], Lithuania."',
    );
    expect(after).toBe(
      '"Belarus released {+124+} political prisoners, including … was sent to {+Warsaw+}, Lithuania."',
    );
  });

  it('reads neighbouring changed words as one change', () => {
    const [before, after] = plain(summary, summary.replace('Vilnius, Lithuania', 'Warsaw, Poland'));
    expect(before).toMatch(/\[-Vilnius, Lithuania-\]\."$/);
    expect(after).toMatch(/\{\+Warsaw, Poland\+\}\."$/);
  });

  it('shows a short text whole, the changed word marked', () => {
    expect(plain('was sent to Vilnius.', 'was sent to Warsaw.')).toEqual([
      '"was sent to [-Vilnius-]."',
      '"was sent to {+Warsaw+}."',
    ]);
  });

  it('marks nothing when nothing is left in common', () => {
    expect(plain('Vilnius', 'Warsaw')).toEqual(['"Vilnius"', '"Warsaw"']);
    expect(plain(123, 124)).toEqual(['123', '124']);
  });

  const long =
    'Беларусь вызваліла 123 палітвязні, у тым ліку лідарку апазіцыі Марыю Калеснікаву і лаўрэата прэміі міру ';
  const cases: [string, string, string, string, string][] = [
    ['Cyrillic', `${long}Алеся Бяляцкага.`, `${long}Алеся Бяляцкага, 2025.`, 'Бяляцкага', '{+, 2025+}'],
    ['an emoji sequence', `${long}👩‍👩‍👧 ok`, `${long}👩‍👩‍👦 ok`, '[-👩‍👩‍👧-]', '{+👩‍👩‍👦+}'],
    [
      'a combining accent',
      `${long}cafe\u0301 au lait`,
      `${long}cafe\u0300 au lait`,
      '[-cafe\u0301-]',
      '{+cafe\u0300+}',
    ],
    ['a flag', `${long}🇧🇾 flag`, `${long}🇺🇦 flag`, '[-🇧🇾-]', '{+🇺🇦+}'],
  ];
  for (const [script, a, b, shownBefore, shownAfter] of cases) {
    it(`shows the change in ${script} and never splits a character`, () => {
      const [before, after] = plain(a, b);
      expect(before).toContain(shownBefore);
      expect(after).toContain(shownAfter);
      expect(before.length).toBeLessThan(a.length);
      for (const side of [before, after]) expect(side).not.toMatch(/\p{Cs}/u);
    });
  }

  it('cuts very long text and very long changes on grapheme boundaries, whatever the length', () => {
    for (const n of [1, 79, 80, 81, 500, 20_000]) {
      const base = '👩‍👩‍👧'.repeat(n);
      const [before, after] = plain(`${base} old ${base}`, `${base} new ${base}`);
      expect(before).toContain('[-old-]');
      expect(after).toContain('{+new+}');
      expect(graphemes(after).length).toBeLessThan(200);
      expect(after.replaceAll('👩‍👩‍👧', '').replace(/…/g, '')).toBe('"  {+new+}  "'.replace(/ {2}/g, ' '));
    }
    const [, after] = plain(`a ${'x '.repeat(5000)}`, `a ${'y '.repeat(5000)}`);
    expect(graphemes(after).length).toBeLessThan(200);
  });

  it('shows a value that stops being a string as it is, not as a diff', () => {
    expect(plain('123', 123)).toEqual(['"123"', '123']);
  });
});

describe('colour', () => {
  it('marks the change in red and green with colour, with no bracket marks', () => {
    const [before, after] = showChange('was sent to Vilnius.', 'was sent to Warsaw.', { colour: true });
    expect(before).toBe('"was sent to \u001b[1;31mVilnius\u001b[22;39m."');
    expect(after).toBe('"was sent to \u001b[1;32mWarsaw\u001b[22;39m."');
  });

  it('is on for a terminal, off for a pipe and under NO_COLOR, forced by FORCE_COLOR', () => {
    expect(colourFor({ isTTY: true }, {})).toBe(true);
    expect(colourFor({ isTTY: false }, {})).toBe(false);
    expect(colourFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourFor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourFor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('hostile strings', () => {
  it('never prints a control or bidirectional character raw, in the changed part or around it', () => {
    const [before, after] = showChange('a \u001b[31m b \u202e c', 'a \u001b[31m x \u202e c', { colour: false });
    expect(before).toBe('"a \\u001b[31m [-b-] \\u202e c"');
    expect(after).toBe('"a \\u001b[31m {+x+} \\u202e c"');
    expect(showValue('\u0085\u202e')).toBe('"\\u0085\\u202e"');
  });

  it('escapes quotes and newlines as JSON does', () => {
    expect(plain('he said "hi"\nthen', 'he said "bye"\nthen')).toEqual([
      '"he said \\"[-hi-]\\"\\nthen"',
      '"he said \\"{+bye+}\\"\\nthen"',
    ]);
  });
});

describe('one side', () => {
  it('shortens a long value on a grapheme boundary', () => {
    const shown = showValue('👩‍👩‍👧'.repeat(200));
    expect(shown.endsWith('…"')).toBe(true);
    expect(shown).not.toMatch(/\p{Cs}/u);
    expect(graphemes(shown).length).toBeLessThanOrEqual(82);
  });
});
