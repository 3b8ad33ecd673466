/**
 * zod's issues in an editor's words, one mapping for every way in: the CLI's `validate` and
 * `push` (cli/load.ts) and the admin API's 400s (worker/problem.ts) say the same thing about the
 * same mistake. A missing field says so, an unknown one is named at its own path with a
 * spelling hint, a limit says what was given.
 */
import type { z } from 'zod';
import { characters } from './limits';
import { closest } from './references';

/** One problem, at its JSON Pointer (RFC 6901; "" for the whole input). */
export interface Finding {
  path: string;
  message: string;
}

/**
 * Every problem of `issues`, raised by parsing `input` with `schema` (which names the fields a
 * misspelt one may have meant; `undefined`: none), in an editor's words.
 *
 * @example
 * findings(ReleaseDocumentSchema.safeParse(doc).error!.issues, doc, ReleaseDocumentSchema);
 * // [{ path: '/headlnie', message: 'unknown field "headlnie": did you mean "headline"? …' }, …]
 */
export function findings(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.core.$ZodType | undefined,
): Finding[] {
  return issues.flatMap((issue) => finding(issue, input, schema));
}

function finding(issue: z.core.$ZodIssue, input: unknown, schema: z.core.$ZodType | undefined): Finding[] {
  const path = pointer(issue.path);
  const value = 'input' in issue && issue.input !== undefined ? issue.input : at(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const given = Object.keys(at(input, issue.path) ?? {});
      const free = fieldsAt(schema, issue.path).filter((field) => !given.includes(field));
      return issue.keys.map((key) => ({ path: `${path}/${escape(key)}`, message: unknownField(key, free) }));
    }
    case 'invalid_type':
      if (value === undefined) return [{ path, message: `is missing: add it (${issue.expected})` }];
      if (typeof value === 'string' && issue.expected === 'number') {
        return [{ path, message: `must be a number, not ${quoted(value)}` }];
      }
      return [{ path, message: issue.message }];
    case 'invalid_value':
      if (value === undefined) {
        return [{ path, message: `is missing: add it (one of ${issue.values.map(String).join(', ')})` }];
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
 * An unknown field, with the field it is most likely a misspelling of: one of `free`, the fields
 * the schema has there that were not given (what a typo lost).
 */
function unknownField(key: string, free: string[]): string {
  const near = closest(key, free);
  const hint = near ? `did you mean "${near}"?` : 'remove it, or check its spelling against the schema';
  return `unknown field "${key}": ${hint}`;
}

/** The fields of the object `schema` expects at `path`: what a misspelt key there is compared with. */
function fieldsAt(schema: z.core.$ZodType | undefined, path: readonly PropertyKey[]): string[] {
  const def = schema?._zod.def as
    { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; innerType?: z.core.$ZodType } | undefined;
  if (!def) return [];
  if (def.innerType) return fieldsAt(def.innerType, path);
  if (path.length === 0) return Object.keys(def.shape ?? {});
  const [part, ...rest] = path;
  return fieldsAt(typeof part === 'number' ? def.element : def.shape?.[String(part)], rest);
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
function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${escape(String(part))}`).join('');
}
