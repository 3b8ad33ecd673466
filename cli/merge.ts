/**
 * Three-way merge of release documents by JSON path: what the editor changed since the revision
 * their file is based on, and what others changed since, combined when the two sets of changes
 * do not touch the same path. Lists of entries are merged entry by entry (matched by id, see
 * cli/entries.ts), so one editor adding a person while another fixes a quote is no conflict;
 * two editors changing the same field (or one removing an entry the other edited) is.
 */
import { isEntryList, matchEntries, entryLabel, movedKeys, type Entry } from './entries';

/** The merged document, or every path both sides changed (then nothing is merged). */
export type MergeResult = { merged: unknown; conflicts: [] } | { merged?: undefined; conflicts: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @example
 * merge3({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 3 }); // { merged: { a: 2, b: 3 }, conflicts: [] }
 * merge3({ a: 1 }, { a: 2 }, { a: 3 }).conflicts; // ['a']
 */
export function merge3(base: unknown, ours: unknown, theirs: unknown): MergeResult {
  const conflicts: string[] = [];
  const merged = mergeValue(base, ours, theirs, '', conflicts);
  return conflicts.length === 0 ? { merged, conflicts: [] } : { conflicts };
}

function mergeValue(base: unknown, ours: unknown, theirs: unknown, path: string, conflicts: string[]): unknown {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(base) && isObject(ours) && isObject(theirs)) {
    const result: Entry = {};
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const value = mergeValue(base[key], ours[key], theirs[key], path ? `${path}.${key}` : key, conflicts);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (isEntryList(base) && isEntryList(ours) && isEntryList(theirs)) {
    return mergeList(base, ours, theirs, path, conflicts);
  }
  conflicts.push(path || '(the whole document)');
  return ours;
}

function mergeList(base: Entry[], ours: Entry[], theirs: Entry[], path: string, conflicts: string[]): Entry[] {
  const {
    before: keysBase,
    after: [keysOurs = [], keysTheirs = []],
  } = matchEntries(base, ours, theirs);
  const byKey = (keys: string[], list: Entry[]) => new Map(keys.map((k, i) => [k, list[i]!]));
  const [b, o, t] = [byKey(keysBase, base), byKey(keysOurs, ours), byKey(keysTheirs, theirs)];
  const label = (key: string) => {
    const [list, keys] = o.has(key) ? [ours, keysOurs] : t.has(key) ? [theirs, keysTheirs] : [base, keysBase];
    return `${path}[${entryLabel(list, keys.indexOf(key))}]`;
  };
  const merged = new Map<string, Entry>();
  for (const key of new Set([...keysOurs, ...keysTheirs, ...keysBase])) {
    const value = mergeValue(b.get(key), o.get(key), t.get(key), label(key), conflicts);
    if (value !== undefined) merged.set(key, value as Entry);
  }
  const order = mergeOrder(keysBase, keysOurs, keysTheirs, new Set(merged.keys()));
  if (!order) {
    conflicts.push(`${path} (the order of its entries)`);
    return ours;
  }
  return order.map((key) => merged.get(key)!);
}

/**
 * The order of the merged entries: the order of the side that moved nothing, with the other
 * side's additions placed after the entry they follow there. Both sides reordering differently
 * is a conflict (`undefined`).
 */
function mergeOrder(base: string[], ours: string[], theirs: string[], keep: Set<string>): string[] | undefined {
  const moved = (side: string[]) => movedKeys(base, side).size > 0;
  if (!moved(ours)) return interleave(theirs, ours, keep);
  if (!moved(theirs)) return interleave(ours, theirs, keep);
  const o = ours.filter((k) => keep.has(k));
  return same(
    o,
    theirs.filter((k) => keep.has(k)),
  )
    ? o
    : undefined;
}

/** `primary`'s order, with the entries only `other` has inserted after their predecessor there. */
function interleave(primary: string[], other: string[], keep: Set<string>): string[] {
  const result = primary.filter((k) => keep.has(k));
  other.forEach((key, i) => {
    if (!keep.has(key) || result.includes(key)) return;
    const before = other
      .slice(0, i)
      .reverse()
      .find((k) => result.includes(k));
    result.splice(before === undefined ? 0 : result.indexOf(before) + 1, 0, key);
  });
  return result;
}
