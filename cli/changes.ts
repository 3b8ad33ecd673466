/**
 * Diffs by meaning: what changed between two versions of a document, entry by entry (see
 * cli/entries.ts for how entries are matched), so that adding one person in the middle of
 * `people` reads "+ person ihar-losik", not twenty changed positions. Moves are moves.
 */
import { entryLabel, entryNoun, isEntryList, matchEntries, movedKeys, type Entry } from './entries';
import { colourFor, showChange, showValue as show, type ShowOptions } from './inline-diff';

/** One difference between two versions of a document, by meaning. */
export interface Change {
  op: 'add' | 'remove' | 'change' | 'move';
  /** Readable path: `people[ihar-losik].name`, `quotes[john-coale#2].text`, `deal.terms[0]`. */
  path: string;
  /** JSON Pointer (RFC 6901) in the newer version; in the older one for a removal. */
  pointer: string;
  /** For a whole entry added, removed or moved: what it is ("person") and its name. */
  entry?: { noun: string; label: string };
  before?: unknown;
  after?: unknown;
  /** For a move: positions counted from 1. */
  from?: number;
  to?: number;
}

/**
 * @example
 * diffDocuments(revision5, file); // [{ op: 'add', path: 'people[ihar-losik]', … }]
 */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  walk(before, after, { path: '', pointer: '', key: '' }, changes);
  return changes;
}

interface Place {
  path: string;
  pointer: string;
  /** The last object key on the way: names the entries of a list. */
  key: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

function walk(before: unknown, after: unknown, at: Place, out: Change[]): void {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const child = { path: at.path ? `${at.path}.${key}` : key, pointer: `${at.pointer}/${escape(key)}`, key };
      if (!(key in after)) out.push({ op: 'remove', path: child.path, pointer: child.pointer, before: before[key] });
      else if (!(key in before)) out.push({ op: 'add', path: child.path, pointer: child.pointer, after: after[key] });
      else walk(before[key], after[key], child, out);
    }
    return;
  }
  if (isEntryList(before) && isEntryList(after)) return walkList(before, after, at, out);
  out.push({ op: 'change', path: at.path, pointer: at.pointer, before, after });
}

function walkList(before: Entry[], after: Entry[], at: Place, out: Change[]): void {
  const {
    before: keysBefore,
    after: [keysAfter = []],
  } = matchEntries(before, after);
  const noun = entryNoun(at.key);
  const place = (list: Entry[], i: number) => ({
    path: `${at.path}[${entryLabel(list, i)}]`,
    pointer: `${at.pointer}/${i}`,
    key: at.key,
  });
  const entry = (list: Entry[], i: number) => ({ noun, label: entryLabel(list, i) });
  keysBefore.forEach((key, i) => {
    if (!keysAfter.includes(key))
      out.push({ op: 'remove', ...place(before, i), entry: entry(before, i), before: before[i] });
  });
  keysAfter.forEach((key, i) => {
    const j = keysBefore.indexOf(key);
    if (j === -1) out.push({ op: 'add', ...place(after, i), entry: entry(after, i), after: after[i] });
    else walk(before[j], after[i], place(after, i), out);
  });
  const moved = movedKeys(keysBefore, keysAfter);
  keysAfter.forEach((key, i) => {
    if (!moved.has(key)) return;
    const from = keysBefore.indexOf(key) + 1;
    out.push({ op: 'move', ...place(after, i), entry: entry(after, i), from, to: i + 1 });
  });
}

/**
 * One line per change, as the CLI prints them: a changed value shows what changed in it (see
 * cli/inline-diff.ts), in colour when standard output is a terminal.
 *
 * @example
 * renderChanges(changes); // ['+ person ihar-losik: "Ihar Losik"', '~ headline: "…freed {+123+} political…" → "…"']
 */
export function renderChanges(changes: Change[], options: ShowOptions = { colour: colourFor() }): string[] {
  return changes.map((c) => {
    if (c.entry && c.op === 'move')
      return `↕ ${c.entry.noun} ${c.entry.label}: moved from position ${c.from} to ${c.to}`;
    if (c.entry) {
      const value = (c.op === 'add' ? c.after : c.before) as Entry;
      const sign = c.op === 'add' ? '+' : '-';
      return `${sign} ${c.entry.noun} ${c.entry.label}${describe(value)}`;
    }
    if (c.op === 'add') return `+ ${c.path}: ${show(c.after)}`;
    if (c.op === 'remove') return `- ${c.path}: ${show(c.before)}`;
    const [before, after] = showChange(c.before, c.after, options);
    return `~ ${c.path || '(the whole document)'}: ${before} → ${after}`;
  });
}

/** An entry's most telling text, to recognise it by: its name, title, place or words. */
function describe(entry: Entry): string {
  const text = [entry.name, entry.title, entry.place, entry.text].find((v) => typeof v === 'string');
  return text === undefined ? '' : `: ${show(text)}`;
}
