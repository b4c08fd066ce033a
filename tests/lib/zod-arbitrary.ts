import fc from 'fast-check';
import type * as z from 'zod';
import { parseJsonBody } from '@beatlink/functions/lib/middleware/json-body';
import { issuesToDetails } from '@beatlink/functions/lib/zod-issues';
import { bodyExample, toJsonSchema } from './malformed-bodies';

/**
 * fast-check arbitraries built from a route's zod schemas (their JSON Schema and their example),
 * for the property-based fuzzing of issue #9: request bodies that break one thing of a valid
 * example (a type, a missing or unknown field, a bound, a length, a format, an enum, garbage in a
 * nested place, not JSON at all), query strings of valid and hostile values, and hostile path
 * parameters. The schema itself is the oracle: `judgeBody`/`judgeQuery` say whether the API must
 * refuse the input and which fields its 400 may name, with the same parsing the API does.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
};

export interface Judgement {
  /** The schema accepts it: the API may act on it. */
  valid: boolean;
  /** Dotted paths a refusal may name (`''` for the body as a whole). */
  paths: string[];
}

export interface BodyCase {
  mutation: string;
  rawBody: string;
}

export interface QueryCase {
  mutation: string;
  query: Record<string, string>;
}

export interface ParamCase {
  mutation: string;
  name: string;
  value: string;
}

/** Strings that have broken parsers, paths, templates and storage elsewhere. */
export const HOSTILE_STRINGS = [
  '../../../etc/passwd',
  '..\\..\\windows',
  '"',
  "'; DROP TABLE t; --",
  '<script>alert(1)</script>',
  '\u0000',
  '\u202eevil',
  '𝕏👨‍👩‍👧‍👦',
  'e\u0301',
  '%00%2F',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  ' ',
  '\r\n\t',
  '1e309',
  '-0',
  'NaN',
  'null',
  'T#370283#MATTER',
  '9'.repeat(400),
  '名'.repeat(3000),
];

const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, -1, 0, 0.5, -0.000001, 4294967296];
const BAD_DIVISION_CODES = ['999999', '370200', '37028a', '3702830', '000000'];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T25:00:00Z', '2026-W54', '2026-00', '2026-Q5', '9999-99-99'];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Strings one small step away from a valid one: ids, dates, division codes a character off. */
function nearMisses(original: string): string[] {
  const out = [
    original.slice(0, -1),
    `${original}x`,
    original.toLowerCase(),
    original.toUpperCase(),
    ` ${original}`,
    original.replace(/^[a-z]+_/, 'zzz_'),
    original.replace(/[0-9A-Z]$/, 'I'),
    original.replace(/\d/, 'a'),
    ...BAD_DIVISION_CODES,
    ...BAD_DATES,
  ];
  return [...new Set(out)].filter((s) => s !== original);
}

/** As a URL carries a string: a lone surrogate becomes U+FFFD on the way (String#toWellFormed, before es2024). */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The schema branches a node may take (`nullable` and unions are `anyOf`/`oneOf`). */
function branches(node: JsonSchema): JsonSchema[] {
  return [node, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
}

/** Every field path the schema declares (through unions and into the first array item), with its node. */
export function schemaPaths(root: JsonSchema): Map<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  const walk = (node: JsonSchema, path: string[], depth: number) => {
    if (depth > 6) return;
    for (const branch of branches(node)) {
      for (const [key, child] of Object.entries(branch.properties ?? {})) {
        const at = [...path, key];
        if (!found.has(at.join('\u0001'))) found.set(at.join('\u0001'), child);
        walk(child, at, depth + 1);
      }
      if (branch.items && typeof branch.items === 'object') walk(branch.items, [...path, '0'], depth + 1);
    }
  };
  walk(root, [], 0);
  return found;
}

/** Every path inside a JSON value (object keys and array indexes). */
function valuePaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...path, String(i)], ...valuePaths(item, [...path, String(i)])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [[...path, key], ...valuePaths(child, [...path, key])]);
  }
  return [];
}

function valueAt(value: unknown, path: string[]): unknown {
  let node = value;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * A copy with `value` at `path` (`undefined` removes it). Own properties throughout, so a key
 * such as `__proto__` is sent as a field, as an attacker's JSON would carry it.
 */
export function withValueAt(target: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string, ...string[]];
  const source = target && typeof target === 'object' ? target : {};
  const copy: Record<string, unknown> = Array.isArray(source) ? ([...source] as unknown as Record<string, unknown>) : { ...source };
  const next = withValueAt((source as Record<string, unknown>)[key], rest, value);
  if (next === undefined) delete copy[key];
  else Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Values that break a field of this schema node, next to its current value. */
function breakingValue(node: JsonSchema | undefined, current: unknown): fc.Arbitrary<{ kind: string; value: unknown }> {
  const options: Array<fc.Arbitrary<{ kind: string; value: unknown }>> = [
    fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'garbage', value })),
    hostileString.map((value) => ({ kind: 'hostile string', value })),
    fc.constantFrom(...HUGE_NUMBERS).map((value) => ({ kind: 'huge or odd number', value })),
    fc.constantFrom(null, true, [], {}, [[[[[[]]]]]]).map((value) => ({ kind: 'type change', value })),
  ];
  if (typeof current === 'string') options.push(fc.constantFrom(...nearMisses(current)).map((value) => ({ kind: 'near miss', value })));
  const concrete = node ? branches(node) : [];
  for (const branch of concrete) {
    if (branch.maxLength !== undefined) {
      options.push(fc.constantFrom('x', '名', '👨‍👩‍👧').map((unit) => ({ kind: 'over-long string', value: unit.repeat(branch.maxLength! + 1) })));
    }
    const numericBounds = [branch.minimum, branch.maximum, branch.exclusiveMinimum, branch.exclusiveMaximum].filter((n): n is number => n !== undefined);
    if (numericBounds.length > 0) {
      const outside = [
        branch.minimum !== undefined ? branch.minimum - 1 : undefined,
        branch.maximum !== undefined ? branch.maximum + 1 : undefined,
        branch.exclusiveMinimum,
        branch.exclusiveMaximum,
        branch.type === 'integer' ? (numericBounds[0] ?? 0) + 0.5 : undefined,
      ].filter((n): n is number => n !== undefined && Number.isFinite(n));
      if (outside.length > 0) options.push(fc.constantFrom(...outside).map((value) => ({ kind: 'out of range', value })));
    }
    if (branch.enum && branch.enum.length > 0) {
      const sample = String(branch.enum[0]);
      options.push(fc.constantFrom(sample.toUpperCase(), `${sample} `, `${sample}_x`, 'other').map((value) => ({ kind: 'wrong enum value', value })));
    }
    if (branch.format || branch.pattern) options.push(fc.constantFrom(...nearMisses(typeof current === 'string' ? current : 'x')).map((value) => ({ kind: 'invalid format', value })));
    if (branch.maxItems !== undefined) {
      options.push(fc.constant({ kind: 'too many items', value: Array.from({ length: branch.maxItems + 1 }, () => (Array.isArray(current) ? current[0] : 'x')) }));
    }
  }
  return fc.oneof(...options);
}

/** Texts that are not a JSON document, or not one the API takes (over its size limit). */
function nonJsonBodies(example: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(example);
  return fc.oneof(
    fc.constantFrom(text.slice(0, Math.max(1, Math.floor(text.length / 2))), "{'a': 1}", '{"a": 1,}', 'NaN', 'undefined', '\u0000', '<?xml version="1.0"?><a/>', `${text}${text}`, `\ufeff${text}`, `{"x":"${'y'.repeat(300 * 1024)}"}`),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
}

function exampleOrEmpty(schema: z.ZodType): Record<string, unknown> {
  try {
    return bodyExample(schema);
  } catch {
    return {};
  }
}

/** Bodies that change one thing of the schema's example, or replace it with something else entirely. */
export function bodyCases(schema: z.ZodType): fc.Arbitrary<BodyCase> {
  // A schema without an example (the Open311 form bodies) is broken from the empty object, field by declared field.
  const example = exampleOrEmpty(schema);
  const declared = schemaPaths(toJsonSchema(schema) as JsonSchema);
  const paths = new Map<string, string[]>();
  for (const path of valuePaths(example)) paths.set(path.join('\u0001'), path);
  for (const key of declared.keys()) paths.set(key, key.split('\u0001'));
  const allPaths = [...paths.values()];
  const objectPaths = [[], ...allPaths.filter((p) => { const v = valueAt(example, p); return v !== null && typeof v === 'object' && !Array.isArray(v); })];
  const stringify = (value: unknown) => JSON.stringify(value) ?? 'null';

  const field = fc.constantFrom(...allPaths).chain((path) =>
    fc.oneof(
      fc.constant<BodyCase>({ mutation: `remove ${path.join('.')}`, rawBody: stringify(withValueAt(example, path, undefined)) }),
      breakingValue(declared.get(path.join('\u0001')), valueAt(example, path)).map(({ kind, value }) => ({
        mutation: `${kind} at ${path.join('.')}`,
        rawBody: stringify(withValueAt(example, path, value)),
      })),
    ),
  );
  const unknownField = fc
    .tuple(fc.constantFrom(...objectPaths), fc.oneof(fc.constantFrom('zzUnknown', '__proto__', 'constructor', '$where', 'tenantId', 'pk'), fc.string({ minLength: 1, maxLength: 20 })), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, key, value]) => ({ mutation: `unknown field ${[...path, key].join('.')}`, rawBody: stringify(withValueAt(example, [...path, key], value)) }));
  const wholeBody = fc.jsonValue({ maxDepth: 3 }).map((value) => ({ mutation: 'another JSON value', rawBody: stringify(value) }));
  const nonJson = nonJsonBodies(example).map((rawBody) => ({ mutation: 'not JSON', rawBody }));
  return fc.oneof({ weight: 6, arbitrary: field }, { weight: 2, arbitrary: unknownField }, { weight: 1, arbitrary: wholeBody }, { weight: 1, arbitrary: nonJson });
}

/** What a route does to its input before validation (the public API takes off the key and the jurisdiction). */
export type Prepare = (value: unknown) => unknown;
const asIs: Prepare = (value) => value;

/** What the API must make of a raw body: its JSON parsing, then the schema. */
export function judgeBody(schema: z.ZodType, rawBody: string, prepare: Prepare = asIs): Judgement {
  let value: unknown;
  try {
    value = parseJsonBody(rawBody);
  } catch {
    return { valid: false, paths: [''] };
  }
  return judgeValue(schema, prepare(value));
}

/** What the API must make of a query string (every value a string, as it arrives). */
export function judgeQuery(schema: z.ZodType, query: Record<string, string>, prepare: Prepare = asIs): Judgement {
  return judgeValue(schema, prepare(query));
}

function judgeValue(schema: z.ZodType, value: unknown): Judgement {
  const result = schema.safeParse(value);
  return result.success ? { valid: true, paths: [] } : { valid: false, paths: issuesToDetails(result.error.issues).map((d) => d.path) };
}

/** Bodies the schema refuses, each with the fields its refusal may name. */
export function invalidBodies(schema: z.ZodType, prepare: Prepare = asIs): fc.Arbitrary<BodyCase & Judgement> {
  return bodyCases(schema)
    .map((c) => ({ ...c, ...judgeBody(schema, c.rawBody, prepare) }))
    .filter((c) => !c.valid);
}

/** A value of the node as a query string carries it: plausible (its enum, a number in range, a known id that fits), or hostile. */
function queryValue(node: JsonSchema, field: z.ZodType | undefined, known: readonly string[]): { plausible: fc.Arbitrary<string>; breaking: fc.Arbitrary<string> } {
  const plausible: Array<fc.Arbitrary<string>> = [];
  for (const branch of branches(node)) {
    if (branch.enum && branch.enum.length > 0) plausible.push(fc.constantFrom(...branch.enum.map(String)));
    if (branch.type === 'integer' || branch.type === 'number') {
      plausible.push(fc.integer({ min: Math.ceil(branch.minimum ?? -10) - 1, max: Math.floor(Math.min(branch.maximum ?? 1000, 1e6)) + 1 }).map(String));
    }
    if (branch.type === 'boolean') plausible.push(fc.constantFrom('true', 'false', '1', 'yes'));
    if (branch.format === 'date') plausible.push(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10)));
  }
  const fitting = known.filter((v) => field?.safeParse(v).success);
  if (fitting.length > 0) plausible.push(fc.constantFrom(...fitting));
  const nearMiss = fc.constantFrom(...BAD_DATES, ...BAD_DIVISION_CODES, ...(fitting.length > 0 ? nearMisses(fitting[0]!) : []));
  return {
    plausible: (plausible.length > 0 ? fc.oneof(...plausible) : hostileString).map(wellFormed),
    breaking: fc.oneof(nearMiss, hostileString).map(wellFormed),
  };
}

/**
 * Query strings: the required fields and some optional ones, plausible or hostile, sometimes with
 * unknown parameters. `known`: values of the county (ids, periods) a field may take when they fit it.
 */
export function queryCases(schema: z.ZodObject, prepare: Prepare = asIs, known: readonly string[] = []): fc.Arbitrary<QueryCase & Judgement> {
  const root = toJsonSchema(schema) as JsonSchema & { required?: string[] };
  const values = Object.fromEntries(Object.entries(root.properties ?? {}).map(([key, node]) => [key, queryValue(node, schema.shape[key] as z.ZodType | undefined, known)]));
  const plausible = Object.fromEntries(Object.entries(values).map(([key, v]) => [key, v.plausible]));
  const declared = fc.record(plausible, { requiredKeys: (root.required ?? []).filter((k) => k in plausible) }) as fc.Arbitrary<Record<string, string>>;
  // Half the cases break one declared field (present or not) with a near miss or a hostile value.
  const keys = Object.keys(values);
  const broken: fc.Arbitrary<[string, string] | undefined> =
    keys.length === 0 ? fc.constant(undefined) : fc.oneof(fc.constant(undefined), fc.constantFrom(...keys).chain((key) => values[key]!.breaking.map((v): [string, string] => [key, v])));
  const unknown = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).map(wellFormed), hostileString.map(wellFormed), { minKeys: 1, maxKeys: 2 }) },
  );
  return fc.tuple(declared, broken, unknown).map(([query, hit, extra]) => {
    const all: Record<string, string> = { ...(extra ?? {}), ...query, ...(hit ? { [hit[0]]: hit[1] } : {}) };
    const mutation = [hit ? `query field ${hit[0]} broken` : 'query', extra && Object.keys(extra).some((k) => !(k in query)) ? 'with unknown parameters' : ''].filter(Boolean).join(' ');
    return { mutation, query: all, ...judgeQuery(schema, all, prepare) };
  });
}

/** One path parameter replaced by a hostile or near-miss value (never a dot segment, which the URL would resolve away). */
export function paramCases(names: string[], current: Record<string, string>): fc.Arbitrary<ParamCase> {
  return fc
    .constantFrom(...names)
    .chain((name) =>
      fc.oneof(hostileString, fc.constantFrom(...nearMisses(current[name] ?? 'x'))).map((value) => ({ mutation: `path parameter ${name}`, name, value: wellFormed(value) })),
    )
    .filter((c) => c.value.trim() !== '' && !/^(\.|%2e){1,2}$/i.test(c.value));
}
