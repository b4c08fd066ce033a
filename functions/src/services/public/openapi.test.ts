import { describe, expect, it } from 'vitest';
import { publicRoutes } from '../../routes';
import { buildOpenApiDocument, openApiDocument } from './openapi';

type Json = Record<string, unknown>;

function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') out.push(child);
      else refsOf(child, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://api.example.gov.cn');

  it('is OpenAPI 3.1 with the title, server and security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((doc.info as Json).title).toBe('Beatlink 一村一警综治联动 公共接口');
    expect(doc.servers).toEqual([{ url: 'https://api.example.gov.cn' }]);
    const schemes = (doc.components as Json).securitySchemes as Json;
    expect(schemes.ApiKeyAuth).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect((schemes.BearerAuth as Json).scheme).toBe('bearer');
  });

  it('has every public route once, with its operationId', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const route of publicRoutes) {
      expect(paths[route.path]?.[route.method.toLowerCase()]?.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
    }
    const count = Object.values(paths).reduce((n, p) => n + Object.keys(p).length, 0);
    expect(count).toBe(publicRoutes.length);
  });

  it('resolves every $ref within the document', () => {
    const schemas = (doc.components as Json).schemas as Json;
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it('documents the Open311 form, query parameters, examples and the webhooks', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const create = paths['/open311/v2/requests.json']!.post!;
    const content = (create.requestBody as Json).content as Json;
    expect(Object.keys(content)).toEqual(['application/x-www-form-urlencoded', 'application/json']);
    expect(JSON.stringify(content)).toContain('"examples"');
    const list = paths['/open311/v2/requests.xml']!.get!;
    expect((list.parameters as Json[]).map((p) => p.name)).toEqual(expect.arrayContaining(['service_request_id', 'start_date', 'end_date', 'status', 'page', 'page_size', 'jurisdiction_id']));
    expect(Object.keys(((list.responses as Json)['200'] as Json).content as Json)).toEqual(['text/xml']);
    const item = paths['/open311/v2/requests/{service_request_id}']!.get!;
    expect((item.parameters as Json[])[0]).toMatchObject({ name: 'service_request_id', in: 'path', required: true });
    expect(Object.keys(doc.webhooks as Json)).toEqual(['matter.created', 'matter.status_changed', 'matter.overdue']);
    expect(String((doc.info as Json).description)).toContain('Beatlink-Signature');
    expect(paths['/v1/openapi.json']!.get!.security).toEqual([]);
  });

  it('is built once per base URL', () => {
    expect(openApiDocument('https://a')).toBe(openApiDocument('https://a'));
  });
});
