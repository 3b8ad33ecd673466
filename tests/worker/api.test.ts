import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ReleaseDocument } from '../../data/schema';
import { writeRevision } from '../../worker/write';
import { SEED_ID, belarusianDocument, freshApp, seedDocument, store } from './helpers';

const ORIGIN = { Origin: 'https://news.example' };

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: response.status });
  expect(body.detail).toEqual(expect.any(String));
  return body;
}

describe('GET /api/releases', () => {
  it('lists each release once with its languages, newest first', async () => {
    await store();
    await store(belarusianDocument());
    await store({ ...seedDocument(), id: 'belarus-2024-07', date: '2024-07-03' });
    const response = await freshApp().request('/api/releases');
    expect(response.status).toBe(200);
    const { releases } = (await response.json()) as { releases: { id: string; languages: string[] }[] };
    expect(releases.map((r) => [r.id, r.languages])).toEqual([
      [SEED_ID, ['be', 'en']],
      ['belarus-2024-07', ['en']],
    ]);
  });

  it('gives headlines in the requested language when there is one', async () => {
    await store();
    await store(belarusianDocument());
    const response = await freshApp().request('/api/releases?lang=be');
    const { releases } = (await response.json()) as { releases: { headline: string }[] };
    expect(releases[0]?.headline).toBe(belarusianDocument().headline);
  });
});

describe('GET /api/releases/:id', () => {
  it('returns the stored document without the editor-only $schema', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const { $schema: _editorOnly, ...expected } = seedDocument();
    expect(await response.json()).toEqual(expected);
  });

  it('serves "latest" as the release with the newest date', async () => {
    await store({ ...seedDocument(), id: 'belarus-2024-07', date: '2024-07-03', headline: 'Older' });
    await store();
    const doc = (await (await freshApp().request('/api/releases/latest')).json()) as ReleaseDocument;
    expect(doc.id).toBe(SEED_ID);
  });

  const languages: [string, string][] = [
    ['be', 'be'],
    ['BE-by', 'be'],
    ['de', 'en'],
    ['', 'en'],
    ['e', 'en'],
    ['<script>', 'en'],
    ['en-US;q=0.9', 'en'],
  ];
  for (const [asked, served] of languages) {
    it(`answers lang=${JSON.stringify(asked)} in "${served}", never with an error`, async () => {
      await store();
      await store(belarusianDocument());
      const response = await freshApp().request(`/api/releases/${SEED_ID}?lang=${encodeURIComponent(asked)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Language')).toBe(served);
      expect(((await response.json()) as ReleaseDocument).lang).toBe(served);
    });
  }

  it('answers 404 with a problem document for an unknown release', async () => {
    await store();
    const response = await freshApp().request('/api/releases/no-such-release', { headers: ORIGIN });
    expect(response.status).toBe(404);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await problemOf(response);
    expect(body.detail).toContain('no-such-release');
  });

  it('echoes a hostile id only inside JSON, as text', async () => {
    const response = await freshApp().request('/api/releases/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.status).toBe(404);
    expect(JSON.parse(await response.text()).detail).toContain('<script>alert(1)</script>');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('HTTP caching', () => {
  it('sends a revision ETag and shared-cache friendly Cache-Control', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`);
    expect(response.headers.get('ETag')).toMatch(/^"r1-[0-9a-f]{8}"$/);
    const cacheControl = response.headers.get('Cache-Control') ?? '';
    expect(cacheControl).toMatch(/\bpublic\b/);
    expect(cacheControl).toMatch(/\bmax-age=60\b/);
    expect(cacheControl).toMatch(/\bs-maxage=300\b/);
    expect(cacheControl).toMatch(/\bstale-while-revalidate=\d+/);
  });

  it('changes the ETag with every revision', async () => {
    await store();
    const { request } = freshApp({ ttlMs: 0 });
    const before = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag');
    await writeRevision(env.RELEASES, { ...seedDocument(), headline: 'Changed' }, { author: 't', message: 'm' });
    const after = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag');
    expect(after).toMatch(/^"r2-/);
    expect(after).not.toBe(before);
  });

  it('answers 304 with CORS headers when the ETag matches', async () => {
    await store();
    const { request } = freshApp();
    const etag = (await request(`/api/releases/${SEED_ID}`)).headers.get('ETag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await request(`/api/releases/${SEED_ID}`, {
        headers: { ...ORIGIN, 'If-None-Match': ifNoneMatch },
      });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(await response.text()).toBe('');
      expect(response.headers.get('ETag')).toBe(etag);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('Cache-Control')).toMatch(/s-maxage=300/);
    }
  });

  it('answers 200 when the ETag does not match', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`, {
      headers: { 'If-None-Match': '"r0-00000000"' },
    });
    expect(response.status).toBe(200);
  });

  it('answers 304 for the release index too', async () => {
    await store();
    const { request } = freshApp();
    const etag = (await request('/api/releases')).headers.get('ETag')!;
    expect((await request('/api/releases', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('CORS and security headers', () => {
  it('answers a preflight from any origin without credentials', async () => {
    const response = await freshApp().request(`/api/releases/latest`, {
      method: 'OPTIONS',
      headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('GET');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('if-none-match');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  for (const path of ['/api/releases', '/api/openapi.json', '/oembed', '/healthz']) {
    it(`answers a preflight for ${path}`, async () => {
      const response = await freshApp().request(path, {
        method: 'OPTIONS',
        headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    });
  }

  it('answers no preflight on the admin paths under /api/releases', async () => {
    const response = await freshApp().request(`/api/releases/${SEED_ID}/revisions`, {
      method: 'OPTIONS',
      headers: { ...ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('exposes the ETag, language and fallback headers to scripts', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`, { headers: ORIGIN });
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe(
      'ETag, Content-Language, X-Data-Fallback, X-Translation-Behind',
    );
  });

  it('lets third-party pages load the JSON but not frame it', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`);
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('errors', () => {
  const wrongMethods: [string, string, string][] = [
    ['POST', '/api/releases', 'GET, HEAD, OPTIONS'],
    ['DELETE', `/api/releases/${SEED_ID}`, 'GET, HEAD, OPTIONS, PUT'],
    ['PUT', '/api/openapi.json', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/healthz', 'GET, HEAD, OPTIONS'],
    ['DELETE', `/api/releases/${SEED_ID}/revisions/1`, 'GET, HEAD'],
    ['OPTIONS', `/api/releases/${SEED_ID}/revisions`, 'GET, HEAD'],
    ['GET', `/api/releases/${SEED_ID}/rollback`, 'POST'],
    ['PUT', '/oembed', 'GET, HEAD, OPTIONS'],
    ['POST', `/releases/${SEED_ID}`, 'GET, HEAD'],
    ['OPTIONS', '/', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of wrongMethods) {
    it(`answers ${method} ${path} with 405, Allow and a problem`, async () => {
      const response = await freshApp().request(path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('Allow')).toBe(allow);
      expect((await problemOf(response)).detail).toContain(method);
    });
  }

  it('answers 405 on every path the app serves, naming the method it was registered with', async () => {
    const { app, request } = freshApp();
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, path } of routes) {
      const concrete = path.replace(/:id/, SEED_ID).replace(/:n/, '1');
      const response = await request(concrete, { method: 'PATCH' });
      expect(response.status, `PATCH ${concrete}`).toBe(405);
      expect(response.headers.get('Allow')?.split(', '), `PATCH ${concrete}`).toContain(method);
    }
  });

  it('answers an unknown path with a 404 problem', async () => {
    const response = await freshApp().request('/wp-admin/');
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toContain('/wp-admin/');
  });

  it('answers HEAD with the headers and no body', async () => {
    await store();
    const response = await freshApp().request(`/api/releases/${SEED_ID}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toMatch(/^"r1-/);
    expect(await response.text()).toBe('');
  });
});

describe('the deployed entry point', () => {
  it('serves the API, the health check and the OpenAPI document', async () => {
    await store();
    const base = 'https://facts.example';
    const [release, health, openapi] = await Promise.all([
      exports.default.fetch(`${base}/api/releases/latest`),
      exports.default.fetch(`${base}/healthz`),
      exports.default.fetch(`${base}/api/openapi.json`),
    ]);
    expect(release.status).toBe(200);
    expect(((await release.json()) as ReleaseDocument).released.count).toBe(123);
    expect(await health.json()).toEqual({ status: 'ok' });
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/releases', '/api/releases/{id}']));
  });
});
