import { describe, expect, it } from 'vitest';
import { WIDGET_JS } from '../../dist/widget-bundle';
import { env } from 'cloudflare:workers';
import { belarusianDocument, freshApp } from './helpers';

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
    // The store refuses a translation without English; only a hand-edited KV holds one.
    const orphan = { ...belarusianDocument(), id: 'belarus-2026-01', date: '2026-01-10' };
    const stored = JSON.stringify({ revision: 1, savedAt: '', author: '', message: '', document: orphan });
    const metadata = JSON.stringify({ revision: 1, headline: orphan.headline, date: orphan.date });
    await env.RELEASES.put('current:belarus-2026-01:be', stored, { metadata });
    const response = await freshApp().request('https://facts.example/');
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('/embed/belarus-2026-01');
  });
});
