/** A readable diff of two JSON documents, one line per changed JSON path. */

const MAX_VALUE = 100;

/**
 * @example
 * diffJson({ a: 1 }, { a: 2 }); // ['~ /a: 1 → 2']
 */
export function diffJson(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((key) => {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in a)) return [`- ${child}: ${show(b[key])}`];
      if (!(key in b)) return [`+ ${child}: ${show(a[key])}`];
      return diffJson(b[key], a[key], child);
    });
  }
  return [`~ ${path || '/'}: ${show(before)} → ${show(after)}`];
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
