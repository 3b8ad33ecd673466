/**
 * `push` draws the document's link-preview card and stores it beside the revision: in the local
 * store, and through the admin API with `--remote`. A card that cannot be drawn does not undo
 * or fail the push: the revision is written, a warning says what happened, and `card` stores
 * it later.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openLocalKv } from '../../cli/local-store';
import { cardContent, cardKey } from '../../factbox/card';
import type { ReleaseDocument } from '../../data/schema';
import { ID, remoteWorker, seedDocument, workspace, type Workspace } from './helpers';

const server = remoteWorker('card-cli-token');

/** The card keys the workspace's local store holds. */
async function cardsIn(ws: Workspace): Promise<string[]> {
  const { kv, dispose } = await openLocalKv(ws.path('store'));
  try {
    return (await kv.list({ prefix: 'card:' })).keys.map((k) => k.name);
  } finally {
    await dispose();
  }
}

const keyOf = (edit: (doc: ReleaseDocument) => void) => async (ws: Workspace) => {
  const file = await ws.write('en.json', edit);
  return { file, key: cardKey(cardContent(await ws.read('en.json'))) };
};

describe('push and the link-preview card', () => {
  it('stores a card with each revision; one that says something new gets a key of its own', async () => {
    const ws = await workspace();
    const first = await keyOf(() => {})(ws);
    const pushed = await ws.cli('push', first.file, '-m', 'first', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toMatch(
      /✔ Stored its link-preview card \(\d+ KB, drawn in \d+ ms\) at \/cards\/belarus-2025-12\/en\/[0-9a-f]{8}\.png/,
    );
    expect(await cardsIn(ws)).toEqual([`card:${ID}:en:${first.key}`]);

    const second = await keyOf((d) => (d.headline = 'Belarus frees 123 prisoners'))(ws);
    expect((await ws.cli('push', second.file, '-m', 'headline', ...ws.store)).code).toBe(0);
    expect(second.key).not.toBe(first.key);
    expect((await cardsIn(ws)).sort()).toEqual([`card:${ID}:en:${first.key}`, `card:${ID}:en:${second.key}`].sort());
  });

  it('warns, and still writes the revision, when the card cannot be drawn', async () => {
    const ws = await workspace();
    const file = await ws.write('en.json', (d) => (d.headline = 'ბელარუსმა 123 პოლიტპატიმარი გაათავისუფლა'));
    const pushed = await ws.cli('push', file, '-m', 'Georgian headline', ...ws.store);
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain(`✔ Wrote ${ID}/en revision 1`);
    expect(pushed.err).toContain(`▲ WARNING: The link-preview card of ${ID}/en revision 1 was not stored`);
    expect(pushed.err).toContain('cannot draw');
    expect(await cardsIn(ws)).toEqual([]);
  });

  it("card stores the current revision's card where none is, or writes it to a file to look at", async () => {
    const ws = await workspace();
    await ws.seed(); // a revision written without a card, as before cards
    expect(await cardsIn(ws)).toEqual([]);
    const written = await ws.cli('card', ID, '--out', ws.path('en.png'), ...ws.store);
    expect(written.code, written.err).toBe(0);
    expect([...(await readFile(ws.path('en.png'))).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe(
      'PNG',
    );
    expect(await cardsIn(ws)).toEqual([]);
    const again = await ws.cli('card', ID, '--out', ws.path('en.png'), ...ws.store);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already: nothing was written');

    const stored = await ws.cli('card', ID, ...ws.store);
    expect(stored.code, stored.err).toBe(0);
    expect(await cardsIn(ws)).toEqual([`card:${ID}:en:${cardKey(cardContent(await seedDocument()))}`]);
    const missing = await ws.cli('card', ID, '--lang', 'pl', ...ws.store);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`There is no document ${ID}/pl`);
  });

  it('uploads the card through the admin API with --remote: the page then shows it', async () => {
    const ws = await workspace();
    const file = await ws.write('en.json', (d) => (d.headline = 'A headline pushed to the worker'));
    const pushed = await ws.cli('push', file, '-m', 'remote', '--force', ...server.args());
    expect(pushed.code, pushed.err).toBe(0);
    expect(pushed.out).toContain('✔ Stored its link-preview card');
    const page = await (await fetch(`${server.origin()}/releases/${ID}`)).text();
    const url = /<meta property="og:image" content="([^"]+)"/.exec(page)![1]!;
    const card = await fetch(url);
    expect(card.status).toBe(200);
    expect(card.headers.get('X-Data-Fallback')).toBeNull();
    expect(card.headers.get('Content-Type')).toBe('image/png');
  });
});
