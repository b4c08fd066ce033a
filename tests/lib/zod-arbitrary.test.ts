import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { routes as routeTable, type RouteDef } from '@beatlink/functions/routes';
import { matterIntakeSchema, matterListQuerySchema } from '@beatlink/shared';
import { bodyExample } from './malformed-bodies';
import { invalidBodies, judgeBody, judgeQuery, paramCases, queryCases, withValueAt } from './zod-arbitrary';

const routes: readonly RouteDef[] = routeTable;
const SEED = 9;

describe('invalid bodies', () => {
  it('are refused by the schema for every route with a body', () => {
    for (const route of routes.filter((r) => r.body)) {
      for (const c of fc.sample(invalidBodies(route.body!), { numRuns: 20, seed: SEED })) {
        let parsed: { success: boolean } = { success: false };
        try {
          parsed = route.body!.safeParse(c.rawBody.trim() === '' ? undefined : JSON.parse(c.rawBody));
        } catch {
          // not JSON: refused before the schema
        }
        expect(parsed.success, `${route.operationId} ${c.mutation}`).toBe(false);
        expect(c.paths.length, `${route.operationId} ${c.mutation}`).toBeGreaterThan(0);
      }
    }
  });

  it('cover every kind of breakage over a few hundred samples', () => {
    const kinds = new Set(fc.sample(invalidBodies(matterIntakeSchema), { numRuns: 600, seed: SEED }).map((c) => c.mutation.split(' at ')[0]!.replace(/^(remove|unknown field) .*/, '$1')));
    for (const kind of ['remove', 'unknown field', 'not JSON', 'another JSON value', 'garbage', 'hostile string', 'type change', 'over-long string', 'out of range', 'wrong enum value', 'invalid format', 'near miss']) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

describe('the oracle', () => {
  const schema = z.strictObject({ name: z.string().max(3), n: z.number().int().min(1) });

  it('refuses what the API refuses before the schema, naming the body as a whole', () => {
    expect(judgeBody(schema, '{"name": ')).toEqual({ valid: false, paths: [''] });
    expect(judgeBody(schema, `{"name":"${'x'.repeat(300 * 1024)}"}`)).toEqual({ valid: false, paths: [''] });
  });

  it('names the fields the schema blames, unknown keys included', () => {
    expect(judgeBody(schema, '{"name":"abc","n":1}')).toEqual({ valid: true, paths: [] });
    expect(judgeBody(schema, '{"name":"abcd","n":0,"zz":1}').paths.sort()).toEqual(['n', 'name', 'zz']);
    expect(judgeBody(schema, '   ').paths.sort()).toEqual(['']);
  });

  it('judges a query after what the route takes off it', () => {
    const strip = (v: unknown) => Object.fromEntries(Object.entries(v as object).filter(([k]) => k !== 'api_key'));
    const query = z.strictObject({ limit: z.coerce.number().int().max(10).optional() });
    expect(judgeQuery(query, { limit: '5', api_key: 'k' }).valid).toBe(false);
    expect(judgeQuery(query, { limit: '5', api_key: 'k' }, strip).valid).toBe(true);
  });
});

it('sends a __proto__ key as a field', () => {
  expect(JSON.stringify(withValueAt(bodyExample(matterIntakeSchema), ['__proto__'], { polluted: true }))).toContain('"__proto__":{"polluted":true}');
});

it('query cases are both accepted and refused ones', () => {
  const judged = fc.sample(queryCases(matterListQuerySchema), { numRuns: 300, seed: SEED });
  expect(judged.some((c) => c.valid)).toBe(true);
  expect(judged.some((c) => !c.valid)).toBe(true);
  for (const c of judged) expect(matterListQuerySchema.safeParse(c.query).success).toBe(c.valid);
});

it('path parameters are never a dot segment or empty', () => {
  for (const c of fc.sample(paramCases(['id'], { id: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V' }), { numRuns: 500, seed: SEED })) {
    expect(c.value.trim()).not.toBe('');
    expect(c.value).not.toMatch(/^\.{1,2}$/);
  }
});
