import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bestScope, type ErrorBody } from '@beatlink/shared';
import { routes as routeTable, routeKey, type RouteDef } from '@beatlink/functions/routes';
import { idToken } from '../support/auth';
import { bodyExample, malformedBodies } from '../lib/malformed-bodies';
import { allowedCaller, callersOf, concretePath, hasRecordParam, withIdsOf, type Caller } from '../lib/route-fixtures';
import { workbookCells } from '../lib/workbook-cells';
import { writeWatch } from '../lib/write-watch';
import '../support/provided';

/**
 * Generated from routes.ts: every route is checked against the permission matrix, tenant
 * isolation and malformed input, so a route added later is covered without new test code.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const seeded = inject('seededIds');
const routes: readonly RouteDef[] = routeTable;
const HOME = '370283';
const OTHER = '370211';

const callers = callersOf(logins, HOME);
// Every check below but the stale-version writes must leave the table as it was.
let watch: Awaited<ReturnType<typeof writeWatch>>;

async function send(caller: Caller | undefined, method: string, path: string, rawBody?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (caller) headers.authorization = `Bearer ${await idToken(config, caller.login)}`;
  if (rawBody !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, config.gatewayUrl), { method, headers, body: rawBody });
  // File routes (an xlsx export) answer with a workbook: its cells stand for the body, so the
  // checks below look into what the file shows. Everything else, and every error, is JSON.
  if (response.headers.get('content-type')?.includes('spreadsheetml')) {
    return { status: response.status, body: await workbookCells(Buffer.from(await response.arrayBuffer())) };
  }
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as unknown };
}

beforeAll(async () => {
  // Sign every account in once, so the loops below measure the API and not cognito-local.
  await Promise.all(callers.map((c) => idToken(config, c.login)));
  watch = await writeWatch(config);
});
afterAll(() => watch?.close());

describe('(a) every role × every route is allowed or refused exactly as the matrix says', () => {
  it('has an account for every role', () => {
    expect(new Set(callers.map((c) => c.role)).size).toBe(10);
  });

  for (const route of routes) {
    it(`${routeKey(route)}`, async () => {
      const path = concretePath(route, seeded, HOME);
      // An empty body never validates, so allowed writes stop at 400 and nothing is written.
      const body = route.body ? '{}' : undefined;
      await watch.expectNoWrites(async () => {
        // The callers go at once: none of them may write, so their order cannot matter.
        const answers = await Promise.all(callers.map((caller) => send(caller, route.method, path, body)));
        callers.forEach((caller, i) => {
          const response = answers[i]!;
          const allowed = bestScope([caller.role], route.action) !== undefined;
          if (allowed) {
            expect([401, 403], `${caller.label} must be allowed (${response.status})`).not.toContain(response.status);
          } else {
            expect(response.status, `${caller.label} must be refused`).toBe(403);
            expect((response.body as ErrorBody).error.code).toBe('FORBIDDEN');
          }
        });
        expect(await send(undefined, route.method, path, body)).toMatchObject({ status: 401 });
      });
    });
  }
});

describe(`(b) a user of ${HOME} never reaches ${OTHER}`, () => {
  const home = allowedCaller(routes.find((r) => r.operationId === 'createVillage')!, callers);
  const foreignIds = () => Object.values(seeded.ids[OTHER] ?? {}).flat();

  for (const route of routes) {
    const hasIdParam = hasRecordParam(route);
    const example = route.body ? bodyExample(route.body) : undefined;
    const bodyHasIds = example !== undefined && withIdsOf(example, seeded, OTHER).replaced > 0;
    if (!bestScope([home.role], route.action)) continue;
    // Province routes answer the province's aggregates (both demo counties by design): their own suite covers isolation.
    if (route.context === 'province') continue;

    if (hasIdParam || bodyHasIds) {
      it(`${routeKey(route)} with ${OTHER}'s ids → 404`, async () => {
        const path = concretePath(route, seeded, hasIdParam ? OTHER : HOME);
        const body = example === undefined ? undefined : JSON.stringify(withIdsOf(example, seeded, OTHER).body);
        await watch.expectNoWrites(async () => {
          const response = await send(home, route.method, path, body);
          expect(response.status, JSON.stringify(response.body)).toBe(404);
          expect((response.body as ErrorBody).error.code).toBe('NOT_FOUND');
        });
      });
    }

    if (route.method === 'GET') {
      it(`${routeKey(route)} shows nothing of ${OTHER} to any role of ${HOME}`, async () => {
        const path = concretePath(route, seeded, HOME);
        const others = foreignIds();
        expect(others.length).toBeGreaterThan(0);
        const readers = callers.filter((c) => bestScope([c.role], route.action));
        const answers = await Promise.all(readers.map((caller) => send(caller, 'GET', path)));
        readers.forEach((caller, i) => {
          const text = JSON.stringify(answers[i]!.body);
          for (const id of others) expect(text, `${caller.label} sees ${id}`).not.toContain(id);
          expect(text).not.toContain(`"${OTHER}"`);
        });
      });
    }
  }
});

describe('(c) malformed bodies → 400 naming the field, and nothing written', () => {
  for (const route of routes.filter((r) => r.body)) {
    it(`${routeKey(route)}`, async () => {
      const caller = allowedCaller(route, callers);
      const path = concretePath(route, seeded, HOME);
      await watch.expectNoWrites(async () => {
        for (const c of malformedBodies(route.body!)) {
          const response = await send(caller, route.method, path, c.rawBody);
          expect(response.status, `${c.name}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(400);
          const error = (response.body as ErrorBody).error;
          expect(error.code).toBe('VALIDATION_FAILED');
          expect(error.details?.map((d) => d.path), c.name).toContain(c.expectPath);
        }
      });
    });
  }
});

describe('stale version → 409', () => {
  for (const route of routes.filter((r) => r.method === 'PUT')) {
    it(`${routeKey(route)}`, async () => {
      const caller = allowedCaller(route, callers);
      const path = concretePath(route, seeded, HOME);
      const current = (await send(caller, 'GET', path)).body as { version: number };
      expect(current.version).toBeGreaterThanOrEqual(1);
      // The schema's example is a real change; its ids (if any) are swapped for this county's.
      const change = withIdsOf(bodyExample(route.body!), seeded, HOME).body;
      const first = await send(caller, 'PUT', path, JSON.stringify({ ...change, version: current.version }));
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect((first.body as { version: number }).version).toBe(current.version + 1);
      await watch.expectNoWrites(async () => {
        const stale = await send(caller, 'PUT', path, JSON.stringify({ ...change, version: current.version }));
        expect(stale.status).toBe(409);
        expect((stale.body as ErrorBody).error.code).toBe('VERSION_CONFLICT');
      });
    });
  }
});
