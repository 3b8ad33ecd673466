import { describe, expect, it } from 'vitest';
import { ReleaseDocumentSchema, type ReleaseDocument } from '../../data/schema';
import { seedDocument } from './helpers';

/** The JSON paths at which `doc` fails, joined with dots; empty when it is valid. */
function failingPaths(doc: unknown): string[] {
  const result = ReleaseDocumentSchema.safeParse(doc);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function edited(edit: (doc: ReleaseDocument & Record<string, unknown>) => void): unknown {
  const doc = seedDocument() as ReleaseDocument & Record<string, unknown>;
  edit(doc);
  return doc;
}

describe('release schema', () => {
  it('accepts the shipped document', () => {
    expect(failingPaths(seedDocument())).toEqual([]);
  });

  it('keeps the facts of the seed article', () => {
    const doc = seedDocument();
    expect(doc.released.count).toBe(123);
    expect(doc.date).toBe('2025-12-13');
    const released = doc.people.filter((p) => p.released).map((p) => p.name);
    expect(released).toEqual(['Maria Kolesnikova', 'Ales Bialiatski', 'Viktor Babaryko', 'Marina Zolotova']);
    const aliases = doc.people.flatMap((p) => p.aliases ?? []);
    expect(aliases).toEqual(
      expect.arrayContaining(['Maria Kalesnikava', 'Sviatlana Tsikhanouskaya', 'Alexander Lukašenko']),
    );
    expect(doc.deal.envoy).toBe('john-coale');
    expect(doc.destinations.map((d) => d.place)).toEqual(['Ukraine', 'Vilnius, Lithuania']);
    expect(new Set(doc.quotes.map((q) => q.speaker))).toEqual(
      new Set(['john-coale', 'tatiana-khomich', 'ales-bialiatski', 'svetlana-tikhanovskaya']),
    );
    expect(doc.sources[0]).toMatchObject({ reporting: 'BBC News', url: expect.stringMatching(/^https:\/\//) });
  });

  const hostile: [string, (doc: ReleaseDocument & Record<string, unknown>) => void, string][] = [
    ['HTML in a headline', (d) => (d.headline = '<img src=x onerror=alert(1)>'), 'headline'],
    [
      'a script tag in a quote',
      (d) => (d.quotes[0]!.text = 'hi</blockquote><script>alert(1)</script>'),
      'quotes.0.text',
    ],
    ['a javascript: URL', (d) => (d.sources[0]!.url = 'javascript:alert(1)'), 'sources.0.url'],
    ['a data: URL', (d) => (d.sources[0]!.url = 'data:text/html,<b>x</b>'), 'sources.0.url'],
    ['a negative count', (d) => (d.released.count = -1), 'released.count'],
    ['a fractional count', (d) => (d.released.count = 12.5), 'released.count'],
    ['a count given as a string', (d) => ((d.released as Record<string, unknown>).count = '123'), 'released.count'],
    ['an unknown top-level field', (d) => (d.onclick = 'x'), ''],
    ['an unknown nested field', (d) => ((d.people[0] as Record<string, unknown>).html = 'x'), 'people.0'],
    ['a huge string', (d) => (d.summary = 'a'.repeat(100_000)), 'summary'],
    ['a control character', (d) => (d.headline = 'line\u0000break'), 'headline'],
    ['a missing field', (d) => delete (d as Partial<ReleaseDocument>).headline, 'headline'],
    ['an empty string', (d) => (d.people[0]!.name = ''), 'people.0.name'],
    ['padding whitespace', (d) => (d.headline = ' Belarus '), 'headline'],
    ['a date that is not ISO 8601', (d) => (d.date = '13/12/2025'), 'date'],
    ['an impossible date', (d) => (d.date = '2025-02-30'), 'date'],
    ['an id that is not a slug', (d) => (d.id = '../etc/passwd'), 'id'],
    ['the reserved id "latest"', (d) => (d.id = 'latest'), 'id'],
    ['a malformed language', (d) => ((d as Record<string, unknown>).lang = 'en-US'), 'lang'],
    ['a language the facts are not published in', (d) => ((d as Record<string, unknown>).lang = 'de'), 'lang'],
    ['a quote by nobody listed', (d) => (d.quotes[0]!.speaker = 'someone-else'), 'quotes.0.speaker'],
    ['a fact citing no listed source', (d) => (d.context[0]!.source = 'rumour'), 'context.0.source'],
    ['an envoy not among the people', (d) => (d.deal.envoy = 'nobody'), 'deal.envoy'],
    ['duplicate person ids', (d) => (d.people[1]!.id = d.people[0]!.id), 'people.1.id'],
    ['too many people', (d) => (d.people = Array.from({ length: 51 }, () => d.people[0]!)), 'people'],
  ];

  for (const [what, edit, path] of hostile) {
    it(`rejects ${what} at "${path || '(root)'}"`, () => {
      expect(failingPaths(edited(edit))).toContain(path);
    });
  }
});

describe('length limits', () => {
  // One unit for every limit: Unicode code points, as zod's .max() and JSON Schema's maxLength count.
  const dove = '🕊'; // one code point, two UTF-16 code units
  it('accepts a headline of 200 doves (400 UTF-16 code units): 200 characters', () => {
    expect(failingPaths(edited((d) => (d.headline = dove.repeat(200))))).toEqual([]);
  });

  it('refuses a headline of 201 doves at "headline"', () => {
    expect(failingPaths(edited((d) => (d.headline = dove.repeat(201))))).toEqual(['headline']);
  });
});
