import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app';

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that validates', async () => {
    const response = await createApp().request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes the read routes with the release schema', async () => {
    const document = (await (await createApp().request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths['/api/releases/{id}']!).sort()).toEqual(['get', 'put']);
    expect(Object.keys(document.paths['/api/releases/{id}']!.get!.responses)).toEqual([
      '200',
      '304',
      '401',
      '403',
      '404',
      '410',
    ]);
    expect(Object.keys(document.components.schemas.Release!.properties!)).toEqual(
      expect.arrayContaining(['headline', 'released', 'people', 'deal', 'destinations', 'quotes', 'sources']),
    );
    expect(document.components.schemas.Problem).toBeDefined();
    expect(Object.keys(document.paths['/api/releases/{id}/revisions']!)).toEqual(['get']);
    expect(Object.keys(document.paths['/api/releases/{id}/rollback']!)).toEqual(['post']);
    for (const action of ['publish', 'unpublish', 'preview']) {
      expect(Object.keys(document.paths[`/api/releases/{id}/${action}`]!), action).toEqual(['post']);
    }
    expect(Object.keys(document.paths['/api/releases/{id}']!.put!.responses)).toEqual(
      expect.arrayContaining(['200', '401', '412', '428']),
    );
  });
});
