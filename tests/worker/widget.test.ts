import { describe, expect, it } from 'vitest';
import { WIDGET_JS } from '../../dist/widget-bundle';
import { freshApp } from './helpers';

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

describe('GET /embed.js', () => {
  it('is the iframe page script, speaking our own, Pym, AMP and WordPress messages', async () => {
    const response = await freshApp().request('/embed.js', { headers: { Origin: 'null' } });
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    // A sandboxed frame has an opaque origin: its module script is a CORS request.
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const code = await response.text();
    for (const word of ['belarus-release:resize', 'xPYMx', 'embed-size', 'secret']) expect(code).toContain(word);
  });
});
