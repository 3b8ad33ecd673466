/**
 * The checks a release document needs beyond the shape of each field: unique ids, and every
 * reference (a fact's source, a quote's speaker, the deal's envoy) naming an entry that exists,
 * with the nearest id offered when one is misspelt. They run even when other fields are wrong
 * (the document is then only partly parsed, hence the defensive reading), so that an editor
 * sees every error at once, duplicates included, instead of one round per kind of mistake.
 */
import type { z } from 'zod';
import { DEFAULT_LANG } from './lang';

type Loose = Record<string, unknown>;
type Path = (string | number)[];

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/** The object entries of a list with their index; anything else (already reported) is skipped. */
function entries(value: unknown): [Loose, number][] {
  return Array.isArray(value) ? value.flatMap((item: unknown, i) => (isObject(item) ? [[item, i]] : [])) : [];
}

/**
 * The candidate closest to `word` by edit distance, when it is close enough to be a typo.
 *
 * @example
 * closest('ihar-losk', ['ihar-losik', 'john-coale']); // 'ihar-losik'
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** What a reference names, for messages: "speaker", "envoy", "source". */
function unknownReference(what: string, id: string, known: Set<string>, list: string): string {
  const near = closest(id, known);
  if (near) return `unknown ${what} "${id}": did you mean "${near}"?`;
  const some = [...known].slice(0, 6).map((k) => `"${k}"`);
  return some.length > 0
    ? `unknown ${what} "${id}": use the id of an entry in ${list} (${some.join(', ')}${known.size > 6 ? ', …' : ''})`
    : `unknown ${what} "${id}": ${list} has no entries to refer to`;
}

/** Ids must be unique and every reference (source, speaker, envoy) must resolve. */
export function checkReferences(input: unknown, ctx: z.RefinementCtx): void {
  if (!isObject(input)) return;
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const english = input.lang === DEFAULT_LANG;
  if (english && input.translation !== undefined) issue(['translation'], 'the English document is no translation');
  if (!english && typeof input.lang === 'string' && input.translation === undefined) {
    issue(
      ['translation'],
      'a translation must name the English revision it was made from: {"from": "en", "revision": n}',
    );
  }
  for (const [quote, i] of entries(input.quotes)) {
    if (quote.translatedFrom === input.lang) issue(['quotes', i, 'translatedFrom'], `is the document's own language`);
  }
  const sources = uniqueIds(input.sources, 'sources', issue);
  const people = uniqueIds(input.people, 'people', issue);
  const expect = (ids: Set<string>, id: unknown, path: Path, what: string, list: string) => {
    if (typeof id === 'string' && !ids.has(id)) issue(path, unknownReference(what, id, ids, list));
  };
  const released = isObject(input.released) ? input.released : {};
  const deal = isObject(input.deal) ? input.deal : {};
  expect(sources, released.source, ['released', 'source'], 'source', 'sources');
  expect(people, deal.envoy, ['deal', 'envoy'], 'envoy', 'people');
  for (const key of ['people', 'quotes', 'destinations', 'context']) {
    for (const [item, i] of entries(input[key])) expect(sources, item.source, [key, i, 'source'], 'source', 'sources');
  }
  for (const [term, i] of entries(deal.terms)) {
    expect(sources, term.source, ['deal', 'terms', i, 'source'], 'source', 'sources');
  }
  for (const [quote, i] of entries(input.quotes)) {
    expect(people, quote.speaker, ['quotes', i, 'speaker'], 'speaker', 'people');
  }
}

function uniqueIds(list: unknown, key: string, issue: (path: Path, message: string) => void): Set<string> {
  const seen = new Map<string, number>();
  for (const [item, i] of entries(list)) {
    if (typeof item.id !== 'string') continue;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else issue([key, i, 'id'], `duplicate id "${item.id}": /${key}/${first}/id has it already; ids must be unique`);
  }
  return new Set(seen.keys());
}
