import { describe, expect, it } from 'vitest';
import { WIDGET_JS } from '../../dist/widget-bundle';
import { freshApp, seedDocument, store } from './helpers';

describe('GET /widget.js', () => {
  it('serves the element as a module any origin may load', async () => {
    const response = await freshApp().request('/widget.js', { headers: { Origin: 'https://news.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(response.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
    expect(await response.text()).toBe(WIDGET_JS);
  });

  it('answers 304 when the ETag matches', async () => {
    const { request } = freshApp();
    const etag = (await request('/widget.js')).headers.get('ETag')!;
    const response = await request('/widget.js', { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('GET /', () => {
  it('is a demo page with the snippet for this origin and the element in each theme and variant', async () => {
    const response = await freshApp().request('https://facts.example/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('&lt;script type=&quot;module&quot; src=&quot;https://facts.example/widget.js&quot;&gt;');
    expect(page).toContain('<script type="module" src="/widget.js"></script>');
    for (const tag of ['theme="light"', 'theme="dark"', 'variant="compact"', 'lang="be"']) {
      expect(page).toContain(tag);
    }
  });

  it('still answers when a release has no English document', async () => {
    await store({ ...seedDocument(), id: 'belarus-2026-01', lang: 'be', date: '2026-01-10' });
    const response = await freshApp().request('https://facts.example/');
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('/embed/belarus-2026-01');
  });
});
