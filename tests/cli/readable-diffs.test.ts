/**
 * A change at the end of a long text shows in every place the CLI prints changes: `push`,
 * `diff`, the merge story and the `publish --dry-run` review; in colour only when asked to.
 */
import { describe, expect, it } from 'vitest';
import { ID, editFile, workspace, type Workspace } from './helpers';

const toWarsaw = (d: { summary: string }) => (d.summary = d.summary.replace('Vilnius', 'Warsaw'));
const BEFORE = '"…was sent to [-Vilnius-], Lithuania."';
const AFTER = '"…was sent to {+Warsaw+}, Lithuania."';
const LINE = `~ summary: ${BEFORE} → ${AFTER}`;

/** A workspace with en.json (and `others`) pulled at revision 1, en.json edited. */
async function editedFile(...others: string[]): Promise<Workspace> {
  const ws = await workspace();
  await ws.seed('en.json', ...others);
  await editFile(ws.path('en.json'), toWarsaw);
  return ws;
}

describe('a change at the end of a long summary', () => {
  it('shows in diff, push --draft and publish --dry-run, not cut off', async () => {
    const ws = await editedFile();
    const diff = await ws.cli('diff', ws.path('en.json'), ...ws.store);
    expect(diff.out).toContain(LINE);
    const pushed = await ws.cli('push', ws.path('en.json'), '-m', 'Warsaw', '--draft', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain(LINE);
    const review = await ws.cli('publish', ID, '--dry-run', ...ws.store);
    expect(review.code, review.err).toBe(0);
    expect(review.out).toContain(`    ${LINE}`);
  });

  it('shows in the merge story when the store moved on meanwhile', async () => {
    const ws = await editedFile('other.json');
    await editFile(ws.path('other.json'), (d) => (d.headline = `${d.headline} (updated)`));
    expect((await ws.cli('push', ws.path('other.json'), '-m', 'headline', ...ws.store)).code).toBe(0);
    const merged = await ws.cli('push', ws.path('en.json'), '-m', 'Warsaw', ...ws.store);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toMatch(/Your changes \(revision \d+ → .*\):\n {2}~ summary: "…was sent to \[-Vilnius-\]/);
    expect(merged.out).toContain('~ headline: "…lifts potash sanctions" → "…lifts potash sanctions{+ (updated)+}"');
  });

  it('is coloured under FORCE_COLOR, and plain under NO_COLOR', async () => {
    const ws = await editedFile();
    const coloured = await ws.cliWith({ FORCE_COLOR: '1' }, 'diff', ws.path('en.json'), ...ws.store);
    expect(coloured.out).toContain('"…was sent to \u001b[1;31mVilnius\u001b[22;39m, Lithuania."');
    const plain = await ws.cliWith({ FORCE_COLOR: '1', NO_COLOR: '1' }, 'diff', ws.path('en.json'), ...ws.store);
    expect(plain.out).toContain(LINE);
    expect(plain.out).not.toContain('\u001b');
  });

  it('keeps full values in --json', async () => {
    const ws = await editedFile();
    const { out } = await ws.cli('diff', ws.path('en.json'), '--json', ...ws.store);
    const { changes } = JSON.parse(out) as { changes: { path: string; after: string }[] };
    expect(changes.find((c) => c.path === 'summary')!.after).toMatch(/^Belarus released 123 .* Warsaw, Lithuania\.$/);
  });
});
