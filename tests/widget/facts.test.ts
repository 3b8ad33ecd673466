/** What the element shows and how: key facts first, the rest behind its button, headings, phrases as the data has them. */
import { afterEach, describe, expect, it } from 'vitest';
import { API, inlineJson, mount, seedDocument, settled } from './helpers';

afterEach(() => document.body.replaceChildren());

describe('<belarus-release> showing its facts', () => {
  it('opens on the key facts and shows the rest, in place, with its button', async () => {
    const el = mount({}, inlineJson(seedDocument()));
    await settled(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('.toggle')!;
    const rest = root.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.type).toBe('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent!.trim()).toBe('Show all facts');
    expect(getComputedStyle(rest).display).toBe('none');
    toggle.click();
    await el.updateComplete;
    expect(el.expanded).toBe(true);
    expect(el.hasAttribute('expanded')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent!.trim()).toBe('Show fewer facts');
    expect(getComputedStyle(rest).display).toBe('block');
  });

  it('shows everything from the start with the expanded attribute', async () => {
    const el = mount({ expanded: '' }, inlineJson(seedDocument()));
    await settled(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(el.shadowRoot!.querySelector('[part=sources] a')!.getClientRects().length).toBeGreaterThan(0);
  });

  it('is a region labelled by its headline, with headings one level below it, capitalised by CSS only', async () => {
    const el = mount({ lang: 'en' }, inlineJson(seedDocument()));
    await settled(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const box = root.querySelector('[part=box]')!;
    expect(box.localName).toBe('section');
    const [headline] = box.getAttribute('aria-labelledby')!.split(' ');
    expect(root.getElementById(headline!)?.localName).toBe('h2');
    expect(root.getElementById(headline!)?.textContent).toBe(seedDocument().headline);
    const sections = [...root.querySelectorAll('h3')];
    expect(sections.map((h) => h.textContent)).toEqual([
      'Who was freed',
      'The deal',
      'Where they went',
      'What was said',
      'Background',
      'Sources',
    ]);
    expect(getComputedStyle(sections[0]!).textTransform).toBe('none');
  });

  it('gives where a person went as the whole phrase the data has, and marks translated quotes', async () => {
    const doc = seedDocument();
    doc.lang = 'ru';
    doc.people[0]!.sentTo = 'Передана Украине (с большинством освобождённых)';
    doc.quotes = doc.quotes.map((q) => ({ ...q, translatedFrom: 'en' }));
    const el = mount({ lang: 'en', expanded: '' }, inlineJson(doc));
    await settled(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('.sent')?.textContent).toBe('Передана Украине (с большинством освобождённых)');
    const notes = [...root.querySelectorAll('figcaption .note')];
    expect(notes).toHaveLength(doc.quotes.length);
    expect(notes[0]!.getAttribute('lang')).toBe('en');
    expect(notes[0]!.textContent).toBe('(translated from English)');
    expect(root.querySelector('blockquote')!.closest('[lang]')!.getAttribute('lang')).toBe('ru');
  });

  it('shows less in the compact variant: two names, then how many more, one quote and a link to every fact', async () => {
    const el = mount({ variant: 'compact' }, inlineJson(seedDocument()));
    await settled(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=deal]')).toBeNull();
    expect(root.querySelectorAll('blockquote')).toHaveLength(1);
    // The freed man's words, not the envoy's.
    expect(root.querySelector('figcaption')?.textContent).toContain('Ales Bialiatski');
    expect(root.querySelector('[part=people]')?.textContent).toMatch(
      /Maria Kolesnikova, Ales Bialiatski\s+and 121 more/,
    );
    const link = root.querySelector<HTMLAnchorElement>('.end a')!;
    expect(link.textContent).toBe('All facts');
    expect(link.getAttribute('href')).toBe(`${API}/releases/belarus-2025-12`);
    // 30em reserved, as the README's snippet reserves it.
    expect(el.getBoundingClientRect().height).toBeGreaterThanOrEqual(30 * parseFloat(getComputedStyle(el).fontSize));
  });
});
