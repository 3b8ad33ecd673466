import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The element's size budget: 10 KB gzip, Lit included (issue 3; figures in bench/README.md). */
const BUDGET_BYTES = 10 * 1024;

describe('dist/widget.js', () => {
  it(`stays within ${BUDGET_BYTES} bytes gzip, Lit included`, async () => {
    const code = await readFile(new URL('../../dist/widget.js', import.meta.url));
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped, `widget.js is ${gzipped} bytes gzip`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('is the same module the worker serves', async () => {
    const code = await readFile(new URL('../../dist/widget.js', import.meta.url), 'utf8');
    const { WIDGET_JS } = await import('../../dist/widget-bundle');
    expect(WIDGET_JS).toBe(code);
  });
});
