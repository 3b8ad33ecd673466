/**
 * The snippet's style and the element reserve the same height (layout shift 0 depends on it):
 * the element's CSS, as built, holds the snippet's expressions (factbox/snippet.ts).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COMPACT_HEIGHT, FULL_HEIGHT, RESERVE_STYLE } from '../../factbox/snippet';

describe('the reserved height', () => {
  it('is the same in the snippet and in the built element, full and compact', async () => {
    const widget = await readFile(new URL('../../dist/assets/widget.js', import.meta.url), 'utf8');
    for (const height of [FULL_HEIGHT, COMPACT_HEIGHT]) {
      const rule = `var(--belarus-release-height,${height})`;
      expect(RESERVE_STYLE).toContain(rule);
      expect(widget).toContain(rule);
    }
  });
});
