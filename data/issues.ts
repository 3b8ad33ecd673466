/**
 * zod's issues in an editor's words, one mapping for every way in: the CLI's `validate` and
 * `push` (cli/load.ts) and the admin API's 400s (worker/problem.ts) say the same thing about the
 * same mistake. A missing field says so, an unknown one is named at its own path with a
 * spelling hint, a limit says what was given.
 */
import type { z } from 'zod';
import { characters } from './limits';
import { closest } from './references';
import { ReleaseDocumentSchema } from './schema';

/** One problem, at its JSON Pointer (RFC 6901; "" for the whole input). */
export interface Finding {
  path: string;
  message: string;
}

/**
 * Every problem of `issues`, raised by parsing `input`, in an editor's words.
 *
 * @example
 * findings(ReleaseDocumentSchema.safeParse(doc).error!.issues, doc);
 * // [{ path: '/headlnie', message: 'unknown field "headlnie": did you mean "headline"? …' }, …]
 */
export function findings(issues: readonly z.core.$ZodIssue[], input: unknown): Finding[] {
  return issues.flatMap((issue) => finding(issue, input));
}

function finding(issue: z.core.$ZodIssue, input: unknown): Finding[] {
  const path = pointer(issue.path);
  const value = 'input' in issue && issue.input !== undefined ? issue.input : at(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(at(input, issue.path) ?? {}).filter((key) => !issue.keys.includes(key));
      return issue.keys.map((key) => ({ path: `${path}/${escape(key)}`, message: unknownField(key, known) }));
    }
    case 'invalid_type':
      if (value === undefined) return [{ path, message: `is missing: add it (${issue.expected})` }];
      if (typeof value === 'string' && issue.expected === 'number') {
        return [{ path, message: `must be a number, not ${quoted(value)}` }];
      }
      return [{ path, message: issue.message }];
    case 'too_big':
      return [{ path, message: `must ${bound('at most', issue.maximum, issue.origin, value)}` }];
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return [{ path, message: 'must not be empty' }];
      return [{ path, message: `must ${bound('at least', issue.minimum, issue.origin, value)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * An unknown field, with the field it is most likely a misspelling of. `known` holds the other
 * fields given; a field the schema has and that was not given is what a typo usually lost.
 */
function unknownField(key: string, given: string[]): string {
  const near = closest(
    key,
    FIELDS().filter((field) => !given.includes(field)),
  );
  const hint = near ? `did you mean "${near}"?` : 'remove it, or check its spelling against the schema';
  return `unknown field "${key}": ${hint}`;
}

/** Every field name of a release document and its parts: what a misspelt key is compared with. */
let fields: string[] | undefined;
const FIELDS = () => (fields ??= [...fieldNames(ReleaseDocumentSchema)]);

function fieldNames(schema: z.core.$ZodType, into = new Set<string>()): Set<string> {
  const def = schema._zod.def as {
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
  };
  for (const [name, field] of Object.entries(def.shape ?? {})) {
    into.add(name);
    fieldNames(field, into);
  }
  for (const inner of [def.element, def.innerType]) if (inner) fieldNames(inner, into);
  return into;
}

/** "be at most 200 characters, not 202", "have at least 1 entries, not 0", "be at least 0, not -1". */
function bound(which: string, limit: number | bigint, origin: string, value: unknown): string {
  if (origin === 'string') {
    const given = typeof value === 'string' ? `, not ${characters(value)}` : '';
    return `be ${which} ${limit} characters${given}`;
  }
  if (origin === 'array' || origin === 'set') {
    const given = Array.isArray(value) ? `, not ${value.length}` : '';
    return `have ${which} ${limit} entries${given}`;
  }
  const given = typeof value === 'number' || typeof value === 'bigint' ? `, not ${value}` : '';
  return `be ${which} ${limit}${given}`;
}

/** The value at `path` in `input`, `undefined` where there is none. */
function at(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** A zod issue path as a JSON Pointer (RFC 6901): ["people", 0, "name"] → "/people/0/name". */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${escape(String(part))}`).join('');
}
