/**
 * JSON with positions: the parsed value, and where in the text each JSON Pointer starts, so
 * that every message about a data file can name the line and column an editor jumps to.
 * `JSON.parse` gives neither (its errors carry an offset at best, in words that vary by
 * Node.js version), and a leading byte-order mark, which some Windows editors write, is
 * accepted here instead of failing as an invisible "Unexpected token".
 */

/** A place in a text, both counted from 1, as editors and compilers count them. */
export interface Position {
  line: number;
  column: number;
}

/** The text is not JSON; `position` is where reading stopped. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: Position,
  ) {
    super(`${reason} (line ${position.line}, column ${position.column})`);
    this.name = 'JsonSyntaxError';
  }
}

/** A parsed JSON text, and where each value sits in it. */
export interface JsonSource {
  value: unknown;
  /**
   * Where the value at `pointer` (RFC 6901) is written: at its key for an object member. A
   * pointer that is not in the text (a missing field) gets the place of its nearest ancestor.
   */
  locate(pointer: string): Position;
}

/**
 * @example
 * const { value, locate } = parseJson('{\n  "a": [1, 2]\n}');
 * locate('/a/1'); // { line: 2, column: 12 }
 */
export function parseJson(text: string): JsonSource {
  // Editors show no column for a byte-order mark, so positions count from after it.
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const value = reader.document();
  return {
    value,
    locate(pointer) {
      for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
        const offset = reader.offsets.get(p);
        if (offset !== undefined) return reader.position(offset);
        if (p === '') return { line: 1, column: 1 };
      }
    },
  };
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
// Any character but a quote, a backslash or a control character, or one of JSON's escapes.
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

class Reader {
  readonly offsets = new Map<string, number>();
  #at = 0;

  constructor(readonly text: string) {}

  document(): unknown {
    const value = this.value('');
    this.#space();
    if (this.#at < this.text.length) this.#fail(`unexpected ${this.#token()} after the end of the document`);
    return value;
  }

  position(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  }

  value(pointer: string): unknown {
    this.#space();
    if (!this.offsets.has(pointer)) this.offsets.set(pointer, this.#at);
    const c = this.text[this.#at];
    if (c === '{') return this.#object(pointer);
    if (c === '[') return this.#array(pointer);
    if (c === '"') return this.#string();
    const literal = this.#match(LITERAL);
    if (!literal) this.#fail(`unexpected ${this.#token()}: expected a value`);
    this.#at += literal[0].length;
    return JSON.parse(literal[0]);
  }

  #object(pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.#at++;
    if (this.#peek() === '}') return (this.#at++, result);
    for (;;) {
      this.#space();
      const keyAt = this.#at;
      if (this.text[this.#at] !== '"') this.#fail(`unexpected ${this.#token()}: expected a property name in quotes`);
      const key = this.#string();
      const child = `${pointer}/${escapeKey(key)}`;
      this.offsets.set(child, keyAt);
      if (this.#peek() !== ':') this.#fail(`unexpected ${this.#token()}: expected ":" after the property name`);
      this.#at++;
      result[key] = this.value(child);
      if (this.#closed('}')) return result;
    }
  }

  #array(pointer: string): unknown[] {
    const result: unknown[] = [];
    this.#at++;
    if (this.#peek() === ']') return (this.#at++, result);
    for (;;) {
      result.push(this.value(`${pointer}/${result.length}`));
      if (this.#closed(']')) return result;
    }
  }

  /** After a member or an item: true at the closing bracket, false after a comma, else an error. */
  #closed(close: '}' | ']'): boolean {
    const next = this.#peek();
    if (next !== ',' && next !== close) {
      this.#fail(`unexpected ${this.#token()}: expected "," or "${close}" (a missing comma?)`);
    }
    this.#at++;
    if (next === close) return true;
    if (this.#peek() === close) this.#fail(`a comma before "${close}": JSON allows no trailing comma`);
    return false;
  }

  #string(): string {
    const match = this.#match(STRING);
    if (!match) {
      const end = this.text.indexOf('\n', this.#at);
      const rest = this.text.slice(this.#at, end === -1 ? undefined : end);
      this.#fail(
        /^"(?:[^"\\]|\\.)*"/.test(rest)
          ? 'a bad escape or control character in this string'
          : 'a string not closed on its line',
      );
    }
    this.#at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  /** A sticky match at the reader's place: no copy of the rest of the text. */
  #match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.#at;
    return pattern.exec(this.text);
  }

  /** The next character that is not whitespace, without consuming it. */
  #peek(): string | undefined {
    this.#space();
    return this.text[this.#at];
  }

  #space(): void {
    while (/[ \t\n\r]/.test(this.text[this.#at] ?? '')) this.#at++;
  }

  #token(): string {
    const c = this.text[this.#at];
    return c === undefined ? 'end of file' : `'${c}'`;
  }

  #fail(reason: string): never {
    throw new JsonSyntaxError(reason, this.position(this.#at));
  }
}
