import { describe, expect, it } from 'vitest';
import { authOf, groupOperations, operationsOf, schemaFields, typeText, type OpenApiDocument } from './openapi';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Beatlink public API', version: '1' },
  components: {
    securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Reporter: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 30 }, phone: { type: 'string', pattern: '^1\\d{10}$' } }, required: ['name', 'phone'] },
    },
  },
  paths: {
    '/v1/matters': {
      post: {
        operationId: 'v1CreateMatter',
        summary: 'Submit a matter',
        security: [{ apiKey: ['matters:write'] }],
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 200 } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  categoryId: { type: 'string', description: 'The category' },
                  kind: { type: 'string', enum: ['demand', 'dispute'], default: 'demand' },
                  reporter: { $ref: '#/components/schemas/Reporter' },
                  mediaUrls: { type: 'array', items: { type: 'string', format: 'uri' }, maxItems: 5 },
                  location: { anyOf: [{ type: 'object', properties: { lat: { type: 'number', minimum: -90, maximum: 90 } }, required: ['lat'] }, { type: 'null' }] },
                },
                required: ['categoryId'],
                examples: [{ categoryId: 'sanitation' }],
              },
            },
          },
        },
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } }, '400': { description: 'Bad input' } },
      },
    },
    '/open311/v2/discovery.json': { get: { operationId: 'open311DiscoveryJson', summary: 'Discovery', security: [], responses: { '200': { description: 'OK' } } } },
    '/open311/v2/requests/{service_request_id}': {
      parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { operationId: 'open311GetRequest', 'x-scope': 'matters:read', responses: {} },
    },
  },
};

describe('the OpenAPI reader', () => {
  it('lists the operations grouped Open311 first, then REST v1', () => {
    const groups = groupOperations(doc);
    expect(groups.map((g) => [g.name, g.operations.map((o) => o.operationId)])).toEqual([
      ['Open311 GeoReport v2', ['open311DiscoveryJson', 'open311GetRequest']],
      ['REST v1', ['v1CreateMatter']],
    ]);
  });

  it('reads the auth of each operation (scheme scopes or an x-scope extension, [] = none)', () => {
    const ops = Object.fromEntries(operationsOf(doc).map((o) => [o.operationId, o]));
    expect(ops.v1CreateMatter!.auth).toEqual({ kind: 'apiKey', scopes: ['matters:write'] });
    expect(ops.open311DiscoveryJson!.auth).toEqual({ kind: 'none' });
    expect(ops.open311GetRequest!.auth).toEqual({ kind: 'apiKey', scopes: ['matters:read'] });
    expect(authOf({ security: [{ apiKey: [] }] }, {})).toEqual({ kind: 'apiKey', scopes: [] });
    expect(ops.open311GetRequest!.parameters).toEqual([{ name: 'service_request_id', in: 'path', required: true, type: 'string', description: '', limits: '' }]);
  });

  it('flattens a body schema into field rows with types, required and limits', () => {
    const op = operationsOf(doc).find((o) => o.operationId === 'v1CreateMatter')!;
    expect(op.body?.required).toBe(true);
    expect(op.body?.example).toEqual({ categoryId: 'sanitation' });
    const rows = Object.fromEntries(op.body!.fields.map((r) => [r.name, r]));
    expect(Object.keys(rows)).toEqual(['categoryId', 'kind', 'reporter', 'reporter.name', 'reporter.phone', 'mediaUrls', 'location', 'location.lat']);
    expect(rows.categoryId).toMatchObject({ type: 'string', required: true, description: 'The category' });
    expect(rows.kind).toMatchObject({ type: '"demand" | "dispute"', required: false, limits: '默认 "demand"' });
    expect(rows['reporter.name']).toMatchObject({ required: true, limits: '长度 1–30' });
    expect(rows['reporter.phone']!.limits).toBe('格式 /^1\\d{10}$/');
    expect(rows.mediaUrls).toMatchObject({ type: 'array<string (uri)>', limits: '项数 ≤ 5' });
    expect(rows.location!.type).toBe('object');
    expect(rows['location.lat']).toMatchObject({ type: 'number', required: true, limits: '取值 -90–90' });
    expect(op.responses.map((r) => [r.status, r.description, r.fields.map((f) => f.name)])).toEqual([
      ['201', 'Created', ['id']],
      ['400', 'Bad input', []],
    ]);
  });

  it('survives odd schemas', () => {
    expect(schemaFields(doc, { $ref: '#/components/schemas/Missing' })).toEqual([]);
    expect(schemaFields(doc, { type: 'array', items: { $ref: '#/components/schemas/Reporter' } }).map((r) => r.name)).toEqual(['[].name', '[].phone']);
    expect(typeText(doc, {})).toBe('any');
    expect(typeText(doc, { type: ['string', 'null'] })).toBe('string');
    expect(operationsOf({})).toEqual([]);
  });
});
