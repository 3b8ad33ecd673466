/**
 * How the entries of a list are told apart between two versions of a document, so that diffs
 * and merges speak of "person ihar-losik" rather than of positions:
 * - entries with ids (people, sources) are the same entry when their ids are equal;
 * - quotes have no id: a quote is matched to an identical one first, then to the next unmatched
 *   quote of the same speaker, in order (so an edited quote stays "the 2nd quote of
 *   john-coale", and a new one is an addition);
 * - other entries (deal terms, context, destinations): identical ones first, then the rest in
 *   order, position by position.
 */

export type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of objects (an empty list counts): compared entry by entry, not as one value. */
export const isEntryList = (value: unknown): value is Entry[] => Array.isArray(value) && value.every(isEntry);

const hasUniqueIds = (list: Entry[]) =>
  list.every((e) => typeof e.id === 'string') && new Set(list.map((e) => e.id)).size === list.length;

/**
 * Keys for the entries of `before`, and for those of each later version, matched against it.
 *
 * @example
 * matchEntries([{ id: 'a' }], [{ id: 'b' }, { id: 'a' }]); // { before: ['id:a'], after: [['id:b', 'id:a']] }
 */
export function matchEntries(before: Entry[], ...versions: Entry[][]): { before: string[]; after: string[][] } {
  if ([before, ...versions].every(hasUniqueIds)) {
    const byId = (list: Entry[]) => list.map((e) => `id:${String(e.id)}`);
    return { before: byId(before), after: versions.map(byId) };
  }
  const keys = before.map((entry, i) => baseKey(before, entry, i));
  return { before: keys, after: versions.map((after) => matchTo(before, keys, after)) };
}

function baseKey(list: Entry[], entry: Entry, index: number): string {
  if (typeof entry.speaker !== 'string') return `at:${index}`;
  return `by:${entry.speaker}#${ordinal(list, index)}`;
}

/** 1 for a speaker's first quote in `list`, 2 for the second… */
function ordinal(list: Entry[], index: number): number {
  return list.slice(0, index + 1).filter((e) => e.speaker === list[index]!.speaker).length;
}

function matchTo(before: Entry[], keys: string[], after: Entry[]): string[] {
  const free = new Set(before.keys());
  const result: (string | undefined)[] = after.map(() => undefined);
  const take = (test: (b: Entry, a: Entry) => boolean) =>
    after.forEach((entry, i) => {
      if (result[i] !== undefined) return;
      const j = [...free].find((k) => test(before[k]!, entry));
      if (j === undefined) return;
      free.delete(j);
      result[i] = keys[j];
    });
  take((b, a) => JSON.stringify(b) === JSON.stringify(a));
  take((b, a) => typeof a.speaker === 'string' && a.speaker === b.speaker);
  take((b, a) => typeof a.speaker !== 'string' && typeof b.speaker !== 'string');
  // What is left is new: keyed by content, so that two editors adding the same entry agree
  // and two adding different ones never collide.
  const seen = new Map<string, number>();
  return result.map((key, i) => {
    if (key !== undefined) return key;
    const content = `new:${JSON.stringify(after[i])}`;
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return n === 1 ? content : `${content}#${n}`;
  });
}

/**
 * How an entry is named in messages: its id, "speaker#n" for a quote, else its index.
 *
 * @example
 * entryLabel([{ speaker: 'a' }, { speaker: 'a' }], 1); // 'a#2'
 */
export function entryLabel(list: Entry[], index: number): string {
  const entry = list[index]!;
  if (typeof entry.id === 'string') return entry.id;
  if (typeof entry.speaker === 'string') return `${entry.speaker}#${ordinal(list, index)}`;
  return String(index);
}

/**
 * The entries whose order relative to the others changed: those outside a longest common
 * subsequence of the two orders (the fewest entries that, moved, explain the new order).
 */
export function movedKeys(before: string[], after: string[]): Set<string> {
  const a = before.filter((k) => after.includes(k));
  const b = after.filter((k) => before.includes(k));
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((k) => !kept.has(k)));
}

/** One entry of a list, in the words of the data: people → "person". */
export function entryNoun(listKey: string): string {
  return NOUNS[listKey] ?? `${listKey} entry`;
}

const NOUNS: Record<string, string> = {
  people: 'person',
  sources: 'source',
  quotes: 'quote',
  destinations: 'destination',
  terms: 'term',
  context: 'context',
};
