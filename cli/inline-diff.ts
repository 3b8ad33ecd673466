/**
 * How the CLI prints a value and a changed value: the changed words marked on both sides, with a
 * few words of context around them and "…" where unchanged text was left out. A change at the end
 * of a long summary is shown, not cut off. Text is split into words and graphemes with
 * `Intl.Segmenter` (UAX #29), so Cyrillic, emoji sequences and combining accents are never split.
 */
import { printable } from './terminal';

export interface ShowOptions {
  /** Marks the changed words with ANSI colours rather than `[-…-]` / `{+…+}` (git's word diff). */
  colour?: boolean;
}

/** Text up to this many graphemes is shown whole; longer text is shortened. */
const SHORT = 72;
/** Word-like tokens of unchanged context kept on each side of a change. */
const CONTEXT = 3;
/** Graphemes kept of one changed run, and of the context on either side of a change. */
const LONG_RUN = 60;
/** Above this many token pairs, the middle is shown as one change rather than diffed word by word. */
const MAX_PAIRS = 40_000;

const words = new Intl.Segmenter('en', { granularity: 'word' });
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface Token {
  text: string;
  word: boolean;
}
interface Run {
  op: 'same' | 'remove' | 'add';
  tokens: Token[];
}

/**
 * A value as one side of a line: JSON, shortened on a grapheme boundary when long.
 *
 * @example
 * showValue('Ales Bialiatski'); // '"Ales Bialiatski"'
 */
export function showValue(value: unknown): string {
  const { text, quote } = asText(value);
  return wrap(escape(clip(text, SHORT + 8, 'end'), quote), quote);
}

/**
 * Both sides of a change, each showing what changed: the common start and end trimmed to a few
 * words of context, the changed words marked.
 *
 * @example
 * showChange('was sent to Vilnius, Lithuania.', 'was sent to Warsaw, Poland.');
 * // ['"was sent to [-Vilnius, Lithuania-]."', '"was sent to {+Warsaw, Poland+}."']
 */
export function showChange(before: unknown, after: unknown, options: ShowOptions = {}): [string, string] {
  const a = asText(before);
  const b = asText(after);
  if (a.quote !== b.quote) return [showValue(before), showValue(after)];
  const runs = absorbSeparators(diffTokens(tokenise(a.text), tokenise(b.text)));
  if (!runs.some((r) => r.op === 'same' && r.tokens.some((t) => t.text.trim() !== '')))
    return [showValue(before), showValue(after)];
  const long = count(a.text) > SHORT || count(b.text) > SHORT;
  return [
    wrap(render(runs, 'remove', { long, quote: a.quote, ...options }), a.quote),
    wrap(render(runs, 'add', { long, quote: a.quote, ...options }), a.quote),
  ];
}

/**
 * Whether to colour what goes to `stream`: a terminal, unless `NO_COLOR` is set
 * (https://no-color.org); `FORCE_COLOR` (not `0`) colours even a pipe.
 */
export function colourFor(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}

function asText(value: unknown): { text: string; quote: boolean } {
  if (typeof value === 'string') return { text: value, quote: true };
  return { text: JSON.stringify(value) ?? 'nothing', quote: false };
}

/** The text between JSON quotes (escaped as JSON would), or as it is. */
function wrap(text: string, quote: boolean): string {
  return quote ? `"${text}"` : text;
}

/** A piece of the value, escaped as in JSON and with no character a terminal would obey. */
function escape(text: string, quote: boolean): string {
  return printable(quote ? JSON.stringify(text).slice(1, -1) : text);
}

function tokenise(text: string): Token[] {
  return [...words.segment(text)].map((s) => ({ text: s.segment, word: s.isWordLike === true }));
}

function count(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/**
 * `text` cut to `max` graphemes where `cut` says: its end (keeping the start), its start or its
 * middle, with "…" (or `mark`) in place of what was cut.
 */
function clip(text: string, max: number, cut: 'start' | 'end' | 'middle', mark = '…'): string {
  const parts = [...graphemes.segment(text)].map((s) => s.segment);
  if (parts.length <= max) return text;
  if (cut === 'end') return `${parts.slice(0, max - 1).join('')}${mark}`;
  if (cut === 'start') return `${mark}${parts.slice(1 - max).join('')}`;
  const head = Math.ceil((max - 1) / 2);
  return `${parts.slice(0, head).join('')}…${parts.slice(head + 1 - max).join('')}`;
}

/** Runs of unchanged, removed and added tokens: common start and end, then a word-level LCS. */
function diffTokens(a: Token[], b: Token[]): Run[] {
  const eq = (x: Token | undefined, y: Token | undefined) => x !== undefined && x.text === y?.text;
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start], b[start])) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && eq(a[a.length - 1 - end], b[b.length - 1 - end])) end++;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const middle =
    middleA.length * middleB.length <= MAX_PAIRS
      ? lcs(middleA, middleB)
      : [
          { op: 'remove' as const, tokens: middleA },
          { op: 'add' as const, tokens: middleB },
        ];
  return merge([{ op: 'same', tokens: a.slice(0, start) }, ...middle, { op: 'same', tokens: a.slice(a.length - end) }]);
}

function lcs(a: Token[], b: Token[]): Run[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] =
        a[i]!.text === b[j]!.text
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  const runs: Run[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.text === b[j]!.text) {
      runs.push({ op: 'same', tokens: [a[i++]!] });
      j++;
    } else if (j < b.length && (i === a.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!))
      runs.push({ op: 'add', tokens: [b[j++]!] });
    else runs.push({ op: 'remove', tokens: [a[i++]!] });
  }
  return runs;
}

/** Adjacent runs of the same kind joined, empty ones dropped. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.tokens.length === 0) continue;
    const last = out.at(-1);
    if (last?.op === run.op) last.tokens = [...last.tokens, ...run.tokens];
    else out.push({ ...run });
  }
  return out;
}

/**
 * Spaces and punctuation left unchanged between two changes count as changed on both sides, so
 * "Vilnius, Lithuania" → "Warsaw, Poland" reads as one change, not two around a comma.
 */
function absorbSeparators(runs: Run[]): Run[] {
  const out: Run[] = [];
  runs.forEach((run, i) => {
    const between = i > 0 && i < runs.length - 1 && run.op === 'same' && !run.tokens.some((t) => t.word);
    if (between) out.push({ op: 'remove', tokens: run.tokens }, { op: 'add', tokens: run.tokens });
    else out.push(run);
  });
  const removes = (r: Run) => r.op === 'remove';
  // Order each stretch of changes as all removed, then all added: each side then reads as one run.
  const grouped: Run[] = [];
  for (let i = 0; i < out.length;) {
    if (out[i]!.op === 'same') grouped.push(out[i++]!);
    else {
      let j = i;
      while (j < out.length && out[j]!.op !== 'same') j++;
      const stretch = out.slice(i, j);
      grouped.push(...merge([...stretch.filter(removes), ...stretch.filter((r) => !removes(r))]));
      i = j;
    }
  }
  return grouped;
}

/** One side (`'remove'`: before, `'add'`: after) of the runs as text, marked and shortened. */
function render(
  runs: Run[],
  side: 'remove' | 'add',
  { long, quote, colour }: ShowOptions & { long: boolean; quote: boolean },
): string {
  const mark = (text: string) => {
    if (colour) return side === 'remove' ? `\u001b[1;31m${text}\u001b[22;39m` : `\u001b[1;32m${text}\u001b[22;39m`;
    return side === 'remove' ? `[-${text}-]` : `{+${text}+}`;
  };
  const mine = runs.filter((r) => r.op === 'same' || r.op === side);
  return mine
    .map((run, i) => {
      const text = run.tokens.map((t) => t.text).join('');
      if (run.op !== 'same') return mark(escape(long ? clip(text, LONG_RUN, 'middle') : text, quote));
      if (!long) return escape(text, quote);
      const where = i === 0 ? 'first' : i === mine.length - 1 ? 'last' : 'between';
      return escape(context(run.tokens, where), quote);
    })
    .join('');
}

/** An unchanged run shortened to a few words next to the change(s) it touches. */
function context(tokens: Token[], where: 'first' | 'last' | 'between'): string {
  const keep = (list: Token[]) => {
    let wordsSeen = 0;
    let n = 0;
    while (n < list.length && wordsSeen < CONTEXT) if (list[n++]!.word) wordsSeen++;
    return n;
  };
  const join = (list: Token[]) => list.map((t) => t.text).join('');
  const head = where === 'first' ? 0 : keep(tokens);
  const tail = where === 'last' ? 0 : keep([...tokens].reverse());
  if (head + tail >= tokens.length) {
    return clip(join(tokens), LONG_RUN, where === 'first' ? 'start' : where === 'last' ? 'end' : 'middle');
  }
  const start = clip(join(tokens.slice(0, head)), LONG_RUN, 'end', '');
  const finish = clip(join(tokens.slice(tokens.length - tail)), LONG_RUN, 'start', '');
  if (where === 'first') return `…${finish}`;
  if (where === 'last') return `${start}…`;
  return `${start.trimEnd()} … ${finish.trimStart()}`;
}
