/**
 * The box as a reader meets it on a news site of another origin that pasted the README's
 * snippet: at 360 and 1280 px, full and compact, light and dark. Nothing inside the box
 * scrolls or is clipped, the page does not move when the facts arrive, the button works from
 * the keyboard, print shows every fact, and the wheel scrolls the page at 200% zoom.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { faults, newsSiteForFile } from './host';

const run = newsSiteForFile();

/**
 * Opens the article with widget.js held back until the page has painted, so the reservation
 * is what the reader sees first; resolves once the facts are painted.
 */
async function open(width: number, attrs: string, height = 740): Promise<Page> {
  const page = await run.browser.newPage({ viewport: { width, height } });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[]; painted: boolean; errors: string[] };
    w.shifts = [];
    w.errors = [];
    // A ResizeObserver loop is reported here, not thrown.
    addEventListener('error', (event) => w.errors.push(event.message));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
    addEventListener('belarus-release-load', () =>
      requestAnimationFrame(() => requestAnimationFrame(() => (w.painted = true))),
    );
  });
  let release!: () => void;
  const painted = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/widget.js', async (route) => {
    await painted;
    await route.continue();
  });
  await page.goto(run.site.url(`/?attrs=${encodeURIComponent(attrs)}`), { waitUntil: 'commit' });
  await page.waitForFunction(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  // What the snippet's style reserves, before the element is defined.
  reserved.set(page, await boxHeight(page));
  release();
  await page.waitForFunction(() => 'painted' in window && (window as unknown as { painted: boolean }).painted);
  return page;
}

/** The height each page's snippet reserved for the box before widget.js arrived. */
const reserved = new WeakMap<Page, number>();

const boxHeight = (page: Page) => page.locator('belarus-release').evaluate((el) => el.getBoundingClientRect().height);

const shifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));

describe('the box on a news site', () => {
  for (const width of [360, 1280]) {
    for (const variant of ['full', 'compact']) {
      for (const theme of ['light', 'dark']) {
        it(`${width} px, ${variant}, ${theme}: no layout shift, no scrolling, nothing clipped, keyboard works`, async () => {
          const page = await open(width, `variant="${variant}" theme="${theme}"`);
          try {
            expect(await shifts(page)).toBe(0);
            expect(await faults(page)).toEqual([]);
            const host = page.locator('belarus-release');
            // The box keeps the height the snippet reserved: at 1280 px, 36em (30em compact) at 16 px.
            expect(await boxHeight(page)).toBe(reserved.get(page));
            if (width === 1280) expect(await boxHeight(page)).toBe(variant === 'full' ? 576 : 480);
            await page.locator('a[href="#top"]').focus();
            await page.keyboard.press('Tab');
            const focused = () => host.evaluate((el) => el.shadowRoot!.activeElement?.textContent?.trim());
            if (variant === 'compact') {
              expect(await focused()).toBe('All facts');
              return;
            }
            expect(await focused()).toBe('Show all facts');
            const toggle = page.locator('belarus-release .toggle');
            expect(await toggle.getAttribute('aria-controls')).toBe(
              await host.evaluate((el) => el.shadowRoot!.querySelector('.more')!.id),
            );
            await page.keyboard.press('Enter');
            await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
            expect(await host.evaluate((el) => el.hasAttribute('expanded'))).toBe(true);
            expect(await page.locator('belarus-release [part=sources]').isVisible()).toBe(true);
            expect(await faults(page)).toEqual([]);
            await page.keyboard.press('Space');
            await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
            expect(await page.locator('belarus-release [part=sources]').isVisible()).toBe(false);
            expect(await focused()).toBe('Show all facts');
          } finally {
            await page.close();
          }
        });
      }
    }
  }

  for (const theme of ['light', 'dark']) {
    it(`prints every quote and source, dark on white, from a collapsed ${theme} box`, async () => {
      const page = await open(1280, `theme="${theme}"`);
      try {
        await page.emulateMedia({ media: 'print' });
        const printed = await page.locator('belarus-release').evaluate((host) => {
          const root = host.shadowRoot!;
          const shown = (selector: string) =>
            [...root.querySelectorAll(selector)].map((node) => node.getClientRects().length > 0);
          const box = getComputedStyle(root.querySelector('[part=box]')!);
          return {
            quotes: shown('blockquote'),
            sources: shown('[part=sources] a'),
            people: shown('.key li'),
            toggle: shown('.toggle'),
            colours: [box.color, box.backgroundColor],
          };
        });
        expect(printed.quotes).toEqual([true, true, true, true, true]);
        expect(printed.sources).toEqual([true]);
        expect(printed.people).toEqual([true, true, true, true]);
        expect(printed.toggle).toEqual([false]);
        expect(printed.colours).toEqual(['rgb(27, 27, 27)', 'rgb(255, 255, 255)']);
        expect(await faults(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('fits its key facts again when the window narrows and widens, with no ResizeObserver loop', async () => {
    const page = await open(1280, 'lang="ru"');
    try {
      const host = page.locator('belarus-release');
      const shown = () => host.evaluate((el) => el.shadowRoot!.querySelectorAll('.key li:not(.cut)').length);
      // A box as tall as it reserves: its facts never push it taller.
      const fits = () =>
        host.evaluate((el) => {
          const box = el.shadowRoot!.querySelector('[part=box]')!;
          return Math.abs(box.getBoundingClientRect().height - parseFloat(getComputedStyle(box).minHeight)) < 1;
        });
      expect(await shown()).toBe(4);
      await page.setViewportSize({ width: 250, height: 740 });
      await expect.poll(shown).toBeLessThan(4);
      expect(await boxHeight(page)).toBeGreaterThan(576);
      expect(await fits()).toBe(true);
      expect(await faults(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 740 });
      await expect.poll(shown).toBe(4);
      expect(await boxHeight(page)).toBe(576);
      expect(await fits()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { errors: string[] }).errors)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // A phone, and the sidebars news sites put a compact box in: the longest languages too.
  for (const width of [250, 300, 360]) {
    for (const lang of ['en', 'ru', 'be']) {
      it(`${width} px, ${lang}: no layout shift, and the collapsed box still says who was freed`, async () => {
        for (const variant of ['full', 'compact']) {
          const page = await open(width, `lang="${lang}" variant="${variant}"`);
          try {
            expect(await shifts(page), variant).toBe(0);
            expect(await boxHeight(page), variant).toBe(reserved.get(page));
            expect(await faults(page), variant).toEqual([]);
            if (variant === 'compact') continue;
            const people = await page
              .locator('belarus-release')
              .evaluate(
                (el) => [...el.shadowRoot!.querySelectorAll('.key [part=people]:not(.cut) li:not(.cut)')].length,
              );
            // At phone width everyone named shows in English and at least two people in any language.
            expect(people).toBeGreaterThanOrEqual(width === 360 ? (lang === 'en' ? 4 : 2) : 1);
          } finally {
            await page.close();
          }
        }
      });
    }
  }

  for (const attrs of ['', 'expanded']) {
    it(`lets the wheel scroll the page over the box at 200% zoom${attrs ? ', expanded' : ''}`, async () => {
      // 200% zoom of a 1280 × 740 window: half as many CSS pixels each way.
      const page = await open(640, attrs, 370);
      try {
        const box = (await page.locator('belarus-release').boundingBox())!;
        await page.evaluate(() => scrollTo(0, 0));
        await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 300) / 2);
        for (let step = 0; step < 20; step++) await page.mouse.wheel(0, 100);
        const room = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
        await expect.poll(() => page.evaluate(() => scrollY)).toBe(Math.min(room, 2000));
      } finally {
        await page.close();
      }
    });
  }
});
