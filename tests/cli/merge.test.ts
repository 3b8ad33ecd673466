/**
 * Diffs by meaning and three-way merges, on documents in memory: entries with ids matched by id,
 * quotes by speaker (then text, then order), moves as moves, conflicts only where both sides
 * changed the same path.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments, renderChanges } from '../../cli/changes';
import { merge3 } from '../../cli/merge';
import { IHAR_LOSIK, seedDocument, type Doc } from './helpers';

const base = await seedDocument();
const edit = (change: (d: Doc) => void): Doc => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};
const lines = (after: Doc) => renderChanges(diffDocuments(base, after));

describe('diffs by meaning', () => {
  it('says "+ person" for one person added in the middle, and nothing about the others', () => {
    expect(lines(edit((d) => d.people.splice(3, 0, IHAR_LOSIK)))).toEqual(['+ person ihar-losik: "Ihar Losik"']);
  });

  it('names a removed entry by its id', () => {
    expect(lines(edit((d) => d.people.splice(1, 1)))).toEqual(['- person ales-bialiatski: "Ales Bialiatski"']);
  });

  it('names a changed field inside an entry by the entry id', () => {
    const changed = lines(edit((d) => (d.sources[0]!.title = 'Another title')));
    expect(changed).toEqual([
      expect.stringMatching(/^~ sources\[washington-insider\]\.title: ".*" → "Another title"$/),
    ]);
  });

  it('reports a move as a move, not as changed positions', () => {
    const moved = edit((d) => d.people.push(d.people.shift()!));
    expect(lines(moved)).toEqual(['↕ person maria-kolesnikova: moved from position 1 to 8']);
  });

  it('names quotes by speaker and their order among that speaker’s quotes', () => {
    const second = edit((d) => (d.quotes[4]!.text = 'Edited second quote'));
    expect(lines(second)).toEqual([expect.stringMatching(/^~ quotes\[svetlana-tikhanovskaya#2\]\.text: /)]);
  });

  it('keeps an edited quote the same quote when another quote is inserted before it', () => {
    const after = edit((d) => {
      d.quotes.unshift({ text: 'A new first quote', speaker: 'john-coale', source: 'washington-insider' });
      d.quotes[2]!.text = 'Edited quote of Tatiana Khomich';
    });
    const changed = lines(after);
    expect(changed).toContain('+ quote john-coale#1: "A new first quote"');
    expect(changed).toContainEqual(expect.stringMatching(/^~ quotes\[tatiana-khomich#1\]\.text: /));
    expect(changed).toHaveLength(2);
  });

  it('shows a changed scalar with its old and new value', () => {
    expect(lines(edit((d) => (d.released.count = 124)))).toEqual(['~ released.count: 123 → 124']);
  });
});

describe('three-way merge', () => {
  it('combines changes to different paths', () => {
    const ours = edit((d) => d.people.splice(2, 0, IHAR_LOSIK));
    const theirs = edit((d) => (d.headline = 'Their headline'));
    const { merged, conflicts } = merge3(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect((merged as Doc).headline).toBe('Their headline');
    expect((merged as Doc).people[2]!.id).toBe('ihar-losik');
  });

  it('combines two different additions to one list, each where its editor put it', () => {
    const ours = edit((d) => d.people.splice(1, 0, IHAR_LOSIK));
    const theirs = edit((d) => d.people.push({ ...IHAR_LOSIK, id: 'ihar-second', name: 'Another' }));
    const merged = merge3(base, ours, theirs).merged as Doc;
    expect(merged.people.map((p) => p.id)).toEqual([
      'maria-kolesnikova',
      'ihar-losik',
      ...base.people.slice(1).map((p) => p.id),
      'ihar-second',
    ]);
  });

  it('takes a move on one side and an edit of the moved entry on the other', () => {
    const ours = edit((d) => d.people.push(d.people.shift()!));
    const theirs = edit((d) => (d.people[0]!.description = 'Edited by them.'));
    const merged = merge3(base, ours, theirs).merged as Doc;
    expect(merged.people.at(-1)).toMatchObject({ id: 'maria-kolesnikova', description: 'Edited by them.' });
  });

  const conflicting: [string, (d: Doc) => void, (d: Doc) => void, string][] = [
    ['the same field', (d) => (d.headline = 'Ours'), (d) => (d.headline = 'Theirs'), 'headline'],
    [
      'an entry one side removed and the other edited',
      (d) => d.people.splice(1, 1),
      (d) => (d.people[1]!.description = 'Edited.'),
      'people[ales-bialiatski]',
    ],
    [
      'the same quote',
      (d) => (d.quotes[0]!.text = 'Our words'),
      (d) => (d.quotes[0]!.text = 'Their words'),
      'quotes[john-coale#1].text',
    ],
    [
      'two different orders',
      (d) => d.people.reverse(),
      (d) => d.people.push(d.people.shift()!),
      'people (the order of its entries)',
    ],
  ];
  for (const [what, ours, theirs, path] of conflicting) {
    it(`refuses ${what}, naming the path`, () => {
      expect(merge3(base, edit(ours), edit(theirs)).conflicts).toEqual([path]);
    });
  }

  it('accepts the same change made on both sides', () => {
    const same = (d: Doc) => (d.headline = 'Both');
    expect(merge3(base, edit(same), edit(same)).conflicts).toEqual([]);
  });
});
