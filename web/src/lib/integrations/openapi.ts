/**
 * Reading the gateway's OpenAPI 3.1 document (`GET /v1/openapi.json`) for the API docs page: the
 * operations grouped (Open311 GeoReport v2, REST v1), and JSON schemas flattened into field rows.
 * Tolerant by design: whatever the document lacks is left out, never an error.
 */

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: Array<{ url?: string; description?: string }>;
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, JsonSchema>; parameters?: Record<string, JsonSchema> };
  security?: Array<Record<string, string[]>>;
  tags?: Array<{ name: string; description?: string }>;
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
  limits: string;
}

export interface ParamRow extends FieldRow {
  in: string;
}

export interface ResponseRow {
  status: string;
  description: string;
  fields: FieldRow[];
  example?: unknown;
}

export type OperationAuth = { kind: 'none' } | { kind: 'apiKey'; scopes: string[] };

export interface DocOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  group: string;
  auth: OperationAuth;
  parameters: ParamRow[];
  body?: { contentType: string; fields: FieldRow[]; example?: unknown; required: boolean };
  responses: ResponseRow[];
}

export interface OperationGroup {
  name: string;
  description?: string;
  operations: DocOperation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const OPEN311_GROUP = 'Open311 GeoReport v2';
export const REST_GROUP = 'REST v1';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `#/components/schemas/X` → the schema (one level of indirection per call; cycles stop at depth). */
export function resolveRef(doc: OpenApiDocument, value: unknown): JsonSchema {
  let current: unknown = value;
  for (let i = 0; i < 8 && isObject(current) && typeof current.$ref === 'string'; i++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return {};
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    // Sibling keywords of a $ref (description, examples) win over the target's.
    const { $ref: _ref, ...siblings } = current;
    current = isObject(target) ? { ...target, ...siblings } : siblings;
  }
  return isObject(current) ? current : {};
}

function refName(value: unknown): string | undefined {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref.split('/').pop() : undefined;
}

/** A short type: `string (date-time)`, `integer`, `array<string>`, `"a" | "b"`, `object`. */
export function typeText(doc: OpenApiDocument, raw: unknown, depth = 0): string {
  const schema = resolveRef(doc, raw);
  if (depth > 3) return 'object';
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.map((v) => JSON.stringify(v));
    return values.length > 8 ? `${values.slice(0, 8).join(' | ')} | …` : values.join(' | ');
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  const union = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined) as unknown[] | undefined;
  if (union) {
    const parts = union.filter((s) => resolveRef(doc, s).type !== 'null').map((s) => typeText(doc, s, depth + 1));
    return [...new Set(parts)].join(' | ') || 'null';
  }
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null').map(String) : schema.type ? [String(schema.type)] : [];
  if (types.includes('array')) {
    const items = schema.items;
    return `array<${items ? refName(items) ?? typeText(doc, items, depth + 1) : 'any'}>`;
  }
  const base = types.join(' | ') || (isObject(schema.properties) ? 'object' : 'any');
  const format = str(schema.format);
  return format ? `${base} (${format})` : base;
}

/** The limits of a schema in words: length, range, items, pattern, default. */
export function limitsText(doc: OpenApiDocument, raw: unknown): string {
  const schema = resolveRef(doc, raw);
  const parts: string[] = [];
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) parts.push(`${unit} ${min}–${max}`);
    else if (min !== undefined) parts.push(`${unit} ≥ ${min}`);
    else if (max !== undefined) parts.push(`${unit} ≤ ${max}`);
  };
  range(num('minLength'), num('maxLength'), '长度');
  range(num('minimum') ?? num('exclusiveMinimum'), num('maximum') ?? num('exclusiveMaximum'), '取值');
  range(num('minItems'), num('maxItems'), '项数');
  if (typeof schema.pattern === 'string') parts.push(`格式 /${schema.pattern}/`);
  if ('default' in schema) parts.push(`默认 ${JSON.stringify(schema.default)}`);
  return parts.join('；');
}

function allOfMerged(doc: OpenApiDocument, raw: unknown): JsonSchema {
  const schema = resolveRef(doc, raw);
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: JsonSchema = { ...schema, properties: { ...(isObject(schema.properties) ? schema.properties : {}) }, required: [...(Array.isArray(schema.required) ? schema.required : [])] };
  for (const part of schema.allOf) {
    const piece = allOfMerged(doc, part);
    if (isObject(piece.properties)) Object.assign(merged.properties as JsonSchema, piece.properties);
    if (Array.isArray(piece.required)) (merged.required as unknown[]).push(...piece.required);
    if (!merged.type && piece.type) merged.type = piece.type;
  }
  return merged;
}

/** The object branch of a schema (itself, or the object member of a nullable union). */
function objectOf(doc: OpenApiDocument, raw: unknown): JsonSchema | undefined {
  const schema = allOfMerged(doc, raw);
  if (isObject(schema.properties)) return schema;
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union) {
    const objects = union.map((s) => allOfMerged(doc, s)).filter((s) => isObject(s.properties));
    if (objects.length === 1) return objects[0];
  }
  return undefined;
}

/**
 * A schema's fields as rows, nested ones with dotted names (`reporter.phone`, `items[].id`). A
 * top-level array of objects lists its items' fields under `[]`.
 */
export function schemaFields(doc: OpenApiDocument, raw: unknown, prefix = '', depth = 0): FieldRow[] {
  if (depth > 4) return [];
  const schema = allOfMerged(doc, raw);
  const object = objectOf(doc, schema);
  if (!object) {
    const items = schema.items;
    if (schema.type === 'array' && items && objectOf(doc, items)) return schemaFields(doc, items, `${prefix}[]`, depth + 1);
    return [];
  }
  const required = new Set(Array.isArray(object.required) ? object.required.map(String) : []);
  const rows: FieldRow[] = [];
  for (const [key, value] of Object.entries(object.properties as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const child = resolveRef(doc, value);
    rows.push({
      name,
      type: typeText(doc, value),
      required: required.has(key),
      description: str(child.description) || str(child.title),
      limits: limitsText(doc, value),
    });
    if (objectOf(doc, child)) rows.push(...schemaFields(doc, child, name, depth + 1));
    else if (child.type === 'array' && child.items && objectOf(doc, child.items)) rows.push(...schemaFields(doc, child.items, `${name}[]`, depth + 1));
  }
  return rows;
}

function exampleOf(doc: OpenApiDocument, media: unknown): unknown {
  if (!isObject(media)) return undefined;
  if ('example' in media) return media.example;
  if (isObject(media.examples)) {
    const first = Object.values(media.examples)[0];
    if (isObject(first) && 'value' in first) return first.value;
  }
  const schema = resolveRef(doc, media.schema);
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('example' in schema) return schema.example;
  return undefined;
}

function jsonMedia(content: unknown): { contentType: string; media: JsonSchema } | undefined {
  if (!isObject(content)) return undefined;
  const entries = Object.entries(content).filter(([, media]) => isObject(media)) as Array<[string, JsonSchema]>;
  const json = entries.find(([type]) => type.includes('json')) ?? entries[0];
  return json ? { contentType: json[0], media: json[1] } : undefined;
}

/** The scopes an operation requires (`security: [{apiKey: ['matters:read']}]`, or an `x-…scope` extension). */
export function authOf(doc: OpenApiDocument, operation: JsonSchema): OperationAuth {
  const security = (Array.isArray(operation.security) ? operation.security : doc.security ?? []) as Array<Record<string, unknown>>;
  const extension = ['x-scope', 'x-scopes', 'x-required-scope', 'x-api-key-scope', 'x-beatlink-scope']
    .map((key) => operation[key])
    .flatMap((value) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []));
  const requirements = security.filter((req) => isObject(req) && Object.keys(req).length > 0);
  if (requirements.length === 0 && extension.length === 0) return { kind: 'none' };
  const scopes = requirements.flatMap((req) => Object.values(req).flatMap((v) => (Array.isArray(v) ? v.map(String) : [])));
  return { kind: 'apiKey', scopes: [...new Set([...scopes, ...extension])] };
}

/** The group an operation is listed under: its first tag, else by path (`/open311/…`, `/v1/…`). */
export function groupOf(path: string, tags: unknown): string {
  if (Array.isArray(tags) && typeof tags[0] === 'string' && tags[0]) return tags[0];
  if (path.startsWith('/open311/')) return OPEN311_GROUP;
  if (path.startsWith('/v1/')) return REST_GROUP;
  return '其他 / Other';
}

export function operationsOf(doc: OpenApiDocument): DocOperation[] {
  const ops: DocOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])].map((p) => resolveRef(doc, p));
      const body = isObject(operation.requestBody) ? resolveRef(doc, operation.requestBody) : undefined;
      const bodyMedia = body ? jsonMedia(body.content) : undefined;
      const responses = isObject(operation.responses) ? operation.responses : {};
      ops.push({
        operationId: str(operation.operationId) || `${method}_${path}`.replace(/[^A-Za-z0-9_]+/g, '_'),
        method: method.toUpperCase(),
        path,
        summary: str(operation.summary),
        description: str(operation.description),
        group: groupOf(path, operation.tags),
        auth: authOf(doc, operation),
        parameters: parameters.map((p) => {
          const schema = resolveRef(doc, p.schema);
          return {
            name: str(p.name),
            in: str(p.in),
            required: p.required === true,
            type: typeText(doc, p.schema ?? {}),
            description: str(p.description) || str(schema.description),
            limits: limitsText(doc, p.schema ?? {}),
          };
        }),
        ...(bodyMedia
          ? { body: { contentType: bodyMedia.contentType, fields: schemaFields(doc, bodyMedia.media.schema), example: exampleOf(doc, bodyMedia.media), required: body?.required === true } }
          : {}),
        responses: Object.entries(responses).map(([status, raw]) => {
          const response = resolveRef(doc, raw);
          const media = jsonMedia(response.content);
          return {
            status,
            description: str(response.description),
            fields: media ? schemaFields(doc, media.media.schema) : [],
            ...(media && exampleOf(doc, media.media) !== undefined ? { example: exampleOf(doc, media.media) } : {}),
          };
        }),
      });
    }
  }
  return ops;
}

const GROUP_ORDER = [OPEN311_GROUP, REST_GROUP];

/** Operations by group: Open311 first, then REST v1, then any other tag, each in document order. */
export function groupOperations(doc: OpenApiDocument, operations: readonly DocOperation[] = operationsOf(doc)): OperationGroup[] {
  const groups = new Map<string, DocOperation[]>();
  for (const op of operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const rank = (name: string) => {
    const lower = name.toLowerCase();
    const index = GROUP_ORDER.findIndex((g) => g === name || (g === OPEN311_GROUP ? lower.includes('open311') : lower.includes('v1') || lower.includes('rest')));
    return index < 0 ? GROUP_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, ops]) => {
      const description = doc.tags?.find((t) => t.name === name)?.description;
      return { name, ...(description ? { description } : {}), operations: ops };
    });
}

/** An example as indented JSON text. */
export function exampleText(example: unknown): string {
  return typeof example === 'string' ? example : JSON.stringify(example, null, 2);
}
