import { z } from 'zod';

/**
 * Malformed request bodies derived from a route's zod body schema and its example, so that every
 * route added later is covered without new test code. Each case changes one thing and names the
 * field the API must blame.
 */
export interface MalformedCase {
  name: string;
  rawBody: string;
  /** Dotted path the 400's details must name; `''` for the body as a whole. */
  expectPath: string;
}

type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  examples?: unknown[];
};

const HUNDRED_KB = 'x'.repeat(100 * 1024);
const BAD_DIVISION_CODES = ['999999', '370200', '37028a', '3702830'];

export function bodyExample(schema: z.ZodType): Record<string, unknown> {
  const json = toJsonSchema(schema);
  const example = json.examples?.[0];
  if (!example || typeof example !== 'object') {
    throw new Error('body schema has no example: add one with withExample() in @beatlink/shared');
  }
  return example as Record<string, unknown>;
}

export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The concrete branch of a property schema (`nullable` fields are `anyOf [T, null]`). */
function concrete(schema: JsonSchema): JsonSchema {
  return schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
}

function wrongTypeFor(schema: JsonSchema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    default:
      return 'not-an-object';
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

export function malformedBodies(schema: z.ZodType): MalformedCase[] {
  const root = toJsonSchema(schema);
  const example = bodyExample(schema);
  const cases: MalformedCase[] = [
    { name: 'invalid JSON', rawBody: '{"name": ', expectPath: '' },
    { name: 'array instead of object', rawBody: '[]', expectPath: '' },
    { name: 'unknown field', rawBody: JSON.stringify({ ...example, zzUnknownField: 1 }), expectPath: 'zzUnknownField' },
  ];

  const walk = (node: JsonSchema, path: string[]) => {
    const required = new Set(node.required ?? []);
    for (const [key, raw] of Object.entries(node.properties ?? {})) {
      const prop = concrete(raw);
      const at = [...path, key];
      const dotted = at.join('.');
      const mutate = (value: unknown) => JSON.stringify(setPath(example, at, value));
      if (required.has(key)) cases.push({ name: `missing ${dotted}`, rawBody: mutate(undefined), expectPath: dotted });
      cases.push({ name: `wrong type for ${dotted}`, rawBody: mutate(wrongTypeFor(prop)), expectPath: dotted });
      if (prop.type === 'string') cases.push({ name: `100 KB ${dotted}`, rawBody: mutate(HUNDRED_KB), expectPath: dotted });
      if (prop.format?.startsWith('gb2260')) {
        for (const code of BAD_DIVISION_CODES) {
          cases.push({ name: `invalid division code ${code} in ${dotted}`, rawBody: mutate(code), expectPath: dotted });
        }
      }
      if (prop.type === 'object' && prop.properties) walk(prop, at);
    }
  };
  walk(root, []);
  return cases;
}
