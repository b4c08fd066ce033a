import * as z from 'zod';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_HEADERS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  WEBHOOK_TIMEOUT_MS,
  WEBHOOK_TOLERANCE_SECONDS,
  errorBodySchema,
  open311ErrorSchema,
  publicMatterViewSchema,
} from '@beatlink/shared';
import { publicOperations, type PublicOperation } from '../../lib/public-operations';
import type { PublicRouteDef } from '../../routes';

/**
 * The public API as an OpenAPI 3.1 document, built from THE route table and the same zod schemas
 * the router validates with (zod 4's JSON Schema, draft 2020-12, which OpenAPI 3.1 uses). Built
 * once per base URL and kept for the life of the Lambda instance.
 */
type Json = Record<string, unknown>;

export const OPENAPI_TITLE = 'Beatlink 一村一警综治联动 公共接口';
export const OPENAPI_VERSION = '1.0.0';

const SECURITY = [{ ApiKeyAuth: [] }, { BearerAuth: [] }, { ApiKeyQuery: [] }];

const ERROR_STATUSES: Record<string, string> = {
  '400': '请求参数有误（逐项指明字段） / invalid input, each problem naming its field',
  '401': '缺少或无效的 API 密钥 / missing, invalid or revoked API key',
  '403': '密钥无此权限范围 / the key lacks the scope',
  '404': '不存在（包括其他县的记录、不符的 jurisdiction_id） / not found (also another county’s records, a foreign jurisdiction_id)',
  '409': '并发修改 / concurrent change',
  '422': '状态机不允许，或幂等键用于另一请求 / transition not allowed, or Idempotency-Key reused with another body',
  '429': '超出密钥的频率限制（见 Retry-After） / rate limit of the key exceeded (see Retry-After)',
  '503': '依赖暂不可用（见 Retry-After） / a dependency is unavailable (see Retry-After)',
};

const WEBHOOK_DESCRIPTION = [
  '## Webhooks',
  '',
  `事项事件以 POST（application/json）推送到县局登记的地址。 / Matter events are POSTed as JSON to the endpoints a county registers: ${WEBHOOK_EVENTS.map((e) => `\`${e}\` (${WEBHOOK_EVENT_LABELS[e].zh})`).join(', ')}.`,
  '',
  `- \`${WEBHOOK_HEADERS.signature}: t=<unix seconds>,v1=<hex>\`: v1 = hex(HMAC-SHA256(secret, "<t>.<raw body>")). Recompute it over the body bytes as received, compare in constant time, refuse timestamps more than ${WEBHOOK_TOLERANCE_SECONDS} s old.`,
  `- \`${WEBHOOK_HEADERS.event}\`: the event type; \`${WEBHOOK_HEADERS.delivery}\`: the delivery id; \`${WEBHOOK_HEADERS.attempt}\`: 1, 2, …`,
  `- Answer 2xx within ${WEBHOOK_TIMEOUT_MS / 1000} s. Otherwise the delivery is retried after ${WEBHOOK_RETRY_DELAYS_SECONDS.join(', ')} s (${WEBHOOK_MAX_ATTEMPTS} attempts in all), then marked failed; it can be replayed from the portal. The payload's \`id\` is the same in every retry and replay: de-duplicate on it.`,
].join('\n');

const DESCRIPTION = [
  '县公安局“一村一警”综治联动平台的对外接口：Open311 GeoReport v2（含 mySociety servicerequestupdates 扩展）与 REST v1。',
  'The public API of the county police bureau’s village-policing and linkage platform: Open311 GeoReport v2 (with mySociety’s servicerequestupdates) and REST v1.',
  '',
  '- 密钥决定所属县，请求中的县无效。 / The API key decides the county; nothing in a request does.',
  '- 读取同样需要密钥，且从不返回个人信息（描述、坐标、反映人、电话）。 / Reads need a key too and never return personal data (description, coordinates, reporter, phones).',
  '- 每个 POST 支持 `Idempotency-Key`：相同密钥与相同请求体只写一次，返回同一应答；请求体不同则 422。 / Every POST honours `Idempotency-Key`.',
  '',
  WEBHOOK_DESCRIPTION,
].join('\n');

/** zod → JSON Schema (2020-12), with nested `$defs` hoisted into the components. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  const { $schema: _s, $defs, ...rest } = raw;
  for (const [name, def] of Object.entries(($defs ?? {}) as Json)) components[name] = def;
  // zod leaves a schema's examples out when it holds a transform (form numbers, W3C dates): put them back.
  const examples = z.globalRegistry.get(schema)?.examples;
  if (!rest.examples && Array.isArray(examples)) rest.examples = examples;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}

function parametersOf(where: 'path' | 'query', schema: z.ZodObject | undefined, components: Json, itemSuffix: boolean): Json[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input', components);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(itemSuffix ? { description: '值后加 `.json` 或 `.xml` 选择格式 / append `.json` or `.xml` to choose the format' } : {}),
    schema: itemSuffix ? { type: 'string', description: `${String(property.description ?? '')} + .json | .xml`.trim() } : property,
  }));
}

/** The content types an answer comes in: Open311 by path or suffix, v1 JSON. */
function mediaTypes(route: PublicRouteDef): string[] {
  if (!route.open311) return ['application/json'];
  if (route.open311.format === 'xml') return ['text/xml'];
  if (route.open311.format === 'json') return ['application/json'];
  return ['application/json', 'text/xml'];
}

function contentOf(types: string[], schema: Json): Json {
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

function operationOf(route: PublicRouteDef, operation: PublicOperation, components: Json): Json {
  const types = mediaTypes(route);
  const itemSuffix = Boolean(route.open311 && !route.open311.format);
  const parameters: Json[] = [...parametersOf('path', operation.params, components, itemSuffix), ...parametersOf('query', operation.query, components, false)];
  if (route.open311 && route.auth.kind === 'apiKey') {
    parameters.push({ name: 'jurisdiction_id', in: 'query', required: false, description: '若提供，须为密钥所属县的代码 / if given, the key’s county code', schema: { type: 'string' } });
  }
  if (route.method === 'POST') {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } });
  }
  const errorSchema = route.open311 ? { $ref: '#/components/schemas/Open311Errors' } : { $ref: '#/components/schemas/ErrorBody' };
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([status]) => route.auth.kind === 'apiKey' || !['401', '403', '429'].includes(status))
      .map(([status, description]) => [
        status,
        { description, content: contentOf(types, errorSchema), ...(status === '429' || status === '503' ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}) },
      ]),
  );
  const body = operation.body ? jsonSchemaOf(operation.body, 'input', components) : undefined;
  const bodyTypes = route.open311 ? ['application/x-www-form-urlencoded', 'application/json'] : ['application/json'];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.open311 ? 'Open311 GeoReport v2' : 'REST v1'],
    ...(route.auth.kind === 'apiKey' ? { security: SECURITY, ...(route.auth.scope ? { 'x-required-scope': route.auth.scope } : {}) } : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              bodyTypes.map((t) => [t, t === 'application/x-www-form-urlencoded' ? { schema: body, encoding: { attribute: { style: 'deepObject', explode: true } } } : { schema: body }]),
            ),
          },
        }
      : {}),
    responses: {
      [String(route.successStatus ?? 200)]: {
        description: route.summary,
        content: contentOf(types, operation.response ? jsonSchemaOf(operation.response, 'output', components) : {}),
      },
      ...errors,
    },
  };
}

function webhooksOf(): Json {
  const payload = {
    type: 'object',
    required: ['id', 'type', 'county', 'occurredAt', 'data'],
    properties: {
      id: { type: 'string', description: '事件 id，重试与重放相同 / the event id, the same in retries and replays' },
      type: { type: 'string', enum: [...WEBHOOK_EVENTS, 'ping'] },
      county: { type: 'string' },
      occurredAt: { type: 'string', format: 'date-time' },
      data: {
        type: 'object',
        properties: {
          matter: { $ref: '#/components/schemas/PublicMatterView' },
          change: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
          deadline: { type: 'object', properties: { name: { type: 'string', enum: ['acceptBy', 'feedbackBy'] }, at: { type: 'string', format: 'date-time' } } },
        },
      },
    },
  };
  const headers = [
    { name: WEBHOOK_HEADERS.signature, in: 'header', required: true, schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' }, description: 'hex(HMAC-SHA256(secret, "<t>.<raw body>"))' },
    { name: WEBHOOK_HEADERS.event, in: 'header', required: true, schema: { type: 'string' } },
    { name: WEBHOOK_HEADERS.delivery, in: 'header', required: true, schema: { type: 'string' } },
    { name: WEBHOOK_HEADERS.attempt, in: 'header', required: true, schema: { type: 'integer', minimum: 1 } },
  ];
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          summary: `${WEBHOOK_EVENT_LABELS[event].zh} / ${WEBHOOK_EVENT_LABELS[event].en}`,
          parameters: headers,
          requestBody: { required: true, content: { 'application/json': { schema: payload } } },
          responses: { '2XX': { description: '已收到 / received' } },
        },
      },
    ]),
  );
}

/** The document for a base URL (`servers`). */
export function buildOpenApiDocument(baseUrl: string): Json {
  const schemas: Json = {};
  const paths: Record<string, Json> = {};
  for (const { route, operation } of publicOperations()) {
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method.toLowerCase()]: operationOf(route, operation, schemas) };
  }
  schemas.ErrorBody = jsonSchemaOf(errorBodySchema, 'output', schemas);
  schemas.Open311Errors = jsonSchemaOf(z.array(open311ErrorSchema), 'output', schemas);
  schemas.PublicMatterView = jsonSchemaOf(publicMatterViewSchema, 'output', schemas);
  return {
    openapi: '3.1.0',
    info: { title: OPENAPI_TITLE, version: OPENAPI_VERSION, description: DESCRIPTION },
    servers: [{ url: baseUrl }],
    tags: [
      { name: 'Open311 GeoReport v2', description: 'http://wiki.open311.org/GeoReport_v2' },
      { name: 'REST v1', description: '事项、时间线、统计 / matters, timelines, statistics' },
    ],
    paths,
    webhooks: webhooksOf(),
    components: {
      schemas,
      securitySchemes: {
        ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        BearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' },
        ApiKeyQuery: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Open311: api_key 也可放在查询串或表单中 / also in the query string or form body' },
      },
    },
  };
}

const cache = new Map<string, Json>();

/** The document, built once per base URL per Lambda instance. */
export function openApiDocument(baseUrl: string): Json {
  let doc = cache.get(baseUrl);
  if (!doc) {
    doc = buildOpenApiDocument(baseUrl);
    cache.set(baseUrl, doc);
  }
  return doc;
}
