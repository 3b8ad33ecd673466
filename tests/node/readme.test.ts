/**
 * The README promises that every example works: the snippet it gives is the one the tests
 * paste into a news site (tests/e2e/box-layout.test.ts), and the Trusted Types policy it
 * names is the one the tests enforce (tests/e2e/box-guest.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RESERVE_STYLE } from '../../factbox/snippet';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the snippet the layout tests paste: script, the reserving style, element', () => {
    expect(readme).toContain(
      `<script type="module" src="https://<worker-host>/widget.js"></script>\n${RESERVE_STYLE}\n<belarus-release></belarus-release>`,
    );
  });

  it('names the Trusted Types policy the tests enforce', () => {
    expect(readme).toContain("require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'");
  });

  it('documents every attribute of the element', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
    for (const { name } of manifest.modules[0].declarations[0].attributes as { name: string }[]) {
      expect(readme).toContain(`| \`${name}\``);
    }
  });
});
