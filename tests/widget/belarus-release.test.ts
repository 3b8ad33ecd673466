import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BelarusReleaseErrorEvent, BelarusReleaseLoadEvent } from '../../widget/belarus-release';
import { API, frames, inlineJson, mount, seedDocument, settled, textOf } from './helpers';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<belarus-release> fetching from the API', () => {
  it('shows the facts of the latest release and fires a load event', async () => {
    const el = mount();
    const event = await settled(el);
    expect(event).toBeInstanceOf(BelarusReleaseLoadEvent);
    expect((event as BelarusReleaseLoadEvent).release.released.count).toBe(123);
    expect(event.bubbles && event.composed).toBe(true);
    const text = await textOf(el);
    for (const fact of ['123', 'Maria Kolesnikova', 'Ales Bialiatski', 'John Coale', 'Vilnius', 'potash']) {
      expect(text).toContain(fact);
    }
    const root = el.shadowRoot!;
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2025-12-13');
    expect(root.querySelector('blockquote')?.getAttribute('cite')).toMatch(/^https:\/\/washingtoninsider\.us\//);
    // A role is a sentence of its own after the name, never a capital after a comma.
    expect(root.querySelector('figcaption')?.textContent?.trim()).toBe(
      "— John Coale. The US President's special envoy for Belarus.",
    );
    expect(root.querySelector('[part=deal] .muted')?.textContent).toBe(
      "John Coale. The US President's special envoy for Belarus.",
    );
    // <cite> is for titles of works: the source's title, never a person.
    expect([...root.querySelectorAll('cite')].map((c) => c.textContent)).toEqual([seedDocument().sources[0]!.title]);
    const link = root.querySelector<HTMLAnchorElement>('[part=sources] a')!;
    expect(link.href).toMatch(/^https:\/\/washingtoninsider\.us\//);
    expect(link.rel).toContain('noopener');
  });

  it('shows the facts and the labels in the requested language', async () => {
    const el = mount({ lang: 'be' });
    await settled(el);
    const text = await textOf(el);
    expect(text).toContain('палітвязні вызвалены');
    expect(text).toContain('Каго вызвалілі');
    expect(text).toContain('Марыя Калеснікава');
    expect(el.shadowRoot!.querySelector('h2')?.getAttribute('lang')).toBe('be');
  });

  it('takes its language from the page when it has none', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'pl-PL';
    document.body.append(wrapper);
    const el = document.createElement('belarus-release');
    el.api = API;
    wrapper.append(el);
    await settled(el);
    expect(await textOf(el)).toContain('Kogo uwolniono');
  });

  for (const [name, value] of [
    ['release', '../../admin'],
    ['theme', 'purple'],
    ['variant', 'huge'],
    ['lang', '<script>'],
    ['api', 'javascript:alert(1)'],
  ] as const) {
    it(`falls back to the default for ${name}="${value}" and keeps working`, async () => {
      const el = mount(name === 'api' ? {} : { [name]: value });
      if (name === 'api') el.setAttribute('api', value);
      const event = await settled(el);
      if (name === 'api') {
        // The script's own origin is the test server, which has no API: an error state, not a throw.
        expect(event).toBeInstanceOf(BelarusReleaseErrorEvent);
      } else {
        expect(event).toBeInstanceOf(BelarusReleaseLoadEvent);
        expect(await textOf(el)).toContain('123');
      }
    });
  }

  it('says the facts are not available, with the fallback content and neither retry nor fact page, for an unknown release', async () => {
    const el = mount(
      { release: 'no-such-release' },
      '<p>Belarus freed 123 political prisoners. <a href="#">Read more</a></p>',
    );
    const event = (await settled(el)) as BelarusReleaseErrorEvent;
    expect(event).toBeInstanceOf(BelarusReleaseErrorEvent);
    expect(event.problem).toMatchObject({ status: 404, title: 'Not Found' });
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part=error]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.querySelector('p')?.textContent).toBe('These facts are not available.');
    // The API says there is no such release: trying again cannot help, and its fact page would
    // be a 404 too.
    expect(error.querySelector('button')).toBeNull();
    expect(error.querySelector('a')).toBeNull();
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]?.textContent).toContain('Belarus freed 123');
    // No facts will come: the box keeps no room for them, only its line and the fallback.
    const box = el.shadowRoot!.querySelector('[part=box]')!;
    expect(box.getBoundingClientRect().height).toBeLessThan(10 * parseFloat(getComputedStyle(box).fontSize));
  });

  it('offers the fact page when the API could not be reached', async () => {
    vi.spyOn(window, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const el = mount({ release: 'belarus-2025-12', lang: 'en' });
    expect(await settled(el)).toBeInstanceOf(BelarusReleaseErrorEvent);
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part=error]')!;
    expect(error.querySelector('p')?.textContent).toBe('The facts could not be loaded.');
    expect(error.querySelector('button')?.textContent).toBe('Try again');
    expect(error.querySelector<HTMLAnchorElement>('a')!.getAttribute('href')).toBe(`${API}/releases/belarus-2025-12`);
    // A retry may bring the facts: the box keeps their room (36em at least).
    const box = el.shadowRoot!.querySelector('[part=box]')!;
    expect(box.getBoundingClientRect().height).toBeGreaterThanOrEqual(36 * parseFloat(getComputedStyle(box).fontSize));
  });

  it('retries after a failed fetch, showing that it is busy until the facts arrive', async () => {
    const realFetch = window.fetch.bind(window);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')))
      .mockImplementationOnce((...args) => held.then(() => realFetch(...args)));
    const el = mount();
    expect(await settled(el)).toBeInstanceOf(BelarusReleaseErrorEvent);
    await el.updateComplete;
    const next = settled(el);
    const box = el.shadowRoot!.querySelector('[part=box]')!;
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button');
    expect(box.getAttribute('aria-busy')).toBe('false');
    button()!.click();
    await el.updateComplete;
    // While the retry runs: the same error, its button disabled, the box busy.
    expect(button()?.disabled).toBe(true);
    expect(box.getAttribute('aria-busy')).toBe('true');
    answer();
    expect(await next).toBeInstanceOf(BelarusReleaseLoadEvent);
    expect(await textOf(el)).toContain('Maria Kolesnikova');
    expect(box.getAttribute('aria-busy')).toBe('false');
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('refetches when an attribute changes', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = mount();
    await settled(el);
    el.lang = 'uk';
    await settled(el);
    // Labels other than English come from the worker, fetched beside the facts.
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).toEqual([
      `${API}/api/releases/latest?lang=en`,
      `${API}/widget/strings/uk.json`,
      `${API}/api/releases/latest?lang=uk`,
    ]);
    expect(await textOf(el)).toContain('Кого звільнили');
  });

  it('refreshes by asking the API past the browser cache, and keeps the facts', async () => {
    const el = mount();
    await settled(el);
    const fetchSpy = vi.spyOn(window, 'fetch');
    el.refresh();
    expect(await settled(el)).toBeInstanceOf(BelarusReleaseLoadEvent);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe(`${API}/api/releases/latest?lang=en`);
    // The browser revalidates its copy with its ETag (a 304 on the wire: tests/e2e/box-guest.test.ts).
    expect(init!.cache).toBe('no-cache');
    expect(await textOf(el)).toContain('Maria Kolesnikova');
  });

  it('makes no request while it is not in the document', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = document.createElement('belarus-release');
    el.api = API;
    // Two frames: an update would have run by then, had a detached element any to run.
    await frames(2);
    expect(el.hasUpdated).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
    document.body.append(el);
    await settled(el);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});

describe('<belarus-release> with inline data', () => {
  it('renders the inline document with no fetch at all', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const doc = { ...seedDocument(), headline: 'Inline headline' };
    const el = mount({}, inlineJson(doc));
    expect(await settled(el)).toBeInstanceOf(BelarusReleaseLoadEvent);
    expect(await textOf(el)).toContain('Inline headline');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows hostile strings as text and runs nothing', async () => {
    const doc = seedDocument();
    doc.headline = '<img src=x onerror="window.__pwned=1">';
    doc.quotes[0]!.text = '</blockquote><script>window.__pwned=1</script>';
    doc.sources[0]!.url = 'javascript:window.__pwned=1';
    const el = mount({}, inlineJson(doc));
    await settled(el);
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).toBe(doc.headline);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector<HTMLAnchorElement>('[part=sources] a')?.getAttribute('href')).toBe('#');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows an error, not an exception, for inline data that is not a release', async () => {
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e.error));
    for (const inner of ['<script type="application/json">{not json</script>', inlineJson({ headline: 'x' })]) {
      const el = mount({}, inner);
      expect(await settled(el)).toBeInstanceOf(BelarusReleaseErrorEvent);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=error]')).not.toBeNull();
    }
    expect(errors).toEqual([]);
  });
});

describe('<belarus-release> as a guest on the page', () => {
  it('survives being defined twice', async () => {
    await import('../../widget/define?twice' as string);
    const el = mount({}, inlineJson(seedDocument()));
    expect(await settled(el)).toBeInstanceOf(BelarusReleaseLoadEvent);
  });

  it('does not shift the layout when the facts arrive', async () => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: false });
    const before = document.createElement('p');
    before.textContent = 'Text above the box';
    document.body.append(before);
    const el = mount();
    const after = document.createElement('p');
    after.textContent = 'Text below the box';
    document.body.append(after);
    await el.updateComplete; // the first frame: the reserved box, before any data
    const top = after.getBoundingClientRect().top;
    await settled(el);
    await el.updateComplete;
    await frames(2); // layout shifts are reported for painted frames
    const shifts = observer.takeRecords() as (PerformanceEntry & { value: number })[];
    observer.disconnect();
    expect(after.getBoundingClientRect().top).toBe(top);
    expect(shifts.reduce((sum, shift) => sum + shift.value, 0)).toBe(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe-core with no violations in the ${theme} theme`, async () => {
      const el = mount({ theme }, inlineJson(seedDocument()));
      await settled(el);
      await el.updateComplete;
      const results = await axe.run(el);
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      const box = el.shadowRoot!.querySelector('[part=box]')!;
      const background = getComputedStyle(box).backgroundColor;
      expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(23, 25, 30)');
    });
  }

  it('is themable through custom properties and ::part', async () => {
    const style = document.createElement('style');
    style.textContent = `belarus-release { --belarus-release-accent: rgb(200, 0, 0); }
      belarus-release::part(count) { font-style: italic; }`;
    document.head.append(style);
    const el = mount({}, inlineJson(seedDocument()));
    await settled(el);
    await el.updateComplete;
    const count = el.shadowRoot!.querySelector('[part=count]')!;
    expect(getComputedStyle(count).color).toBe('rgb(200, 0, 0)');
    expect(getComputedStyle(count).fontStyle).toBe('italic');
    style.remove();
  });
});
