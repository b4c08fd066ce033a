import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { API_SCOPES, type ErrorBody } from '@beatlink/shared';
import { allRoutes, isPublicRoute, routeKey, type PublicRouteDef, type RouteDef } from '@beatlink/functions/routes';
import type { LocalStackConfig } from '@beatlink/infra/local/stack-config';
import { apiAs } from '../support/api';
import { idToken } from '../support/auth';
import type { SeededIds, TestLogins } from '../support/stack';
import { createApiKey } from './integrator';
import { allowedCaller, callersOf, concretePath, idOf, pathParamNames } from './route-fixtures';
import { writeWatch, type IgnoreItem, type SeenWrite } from './write-watch';
import { invalidBodies, judgeBody, paramCases, queryCases, type Prepare } from './zod-arbitrary';

/**
 * Property-based fuzzing of every route (issue #9): for each route of the JWT table and of the
 * public API, fast-check sends bodies, query strings and path parameters built from the route's
 * zod schemas (tests/lib/zod-arbitrary.ts) as the route's allowed caller, and checks that the
 * answer is never a 5xx, that an input the schema refuses gets a 4xx (a 400 VALIDATION_FAILED
 * naming one of the fields the schema blames, where the API can attribute it), and that the
 * table is unchanged after the route's cases (the table stream shows no write: write-watch.ts). Only
 * refused inputs go to routes that write; valid-shaped hostile inputs go to GET routes only.
 * Shared by the integration test (few runs) and the benchmark (1,000 runs a route).
 */
export interface FuzzStack {
  gatewayUrl: string;
  config: LocalStackConfig;
  logins: TestLogins;
  seeded: SeededIds;
}

export interface RouteFuzzReport {
  route: string;
  /** Requests sent, shrinking included. */
  cases: number;
  serverErrors: number;
  /** The table changed across the route's cases, every one of which the API had to refuse or only read. */
  wrote: boolean;
  /** What was written, when it was. */
  written?: SeenWrite[];
  /** fast-check's report with the shrunk counterexample, when the property failed. */
  failure?: string;
  skipped?: string;
}

interface FuzzRequest {
  mutation: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  rawBody?: string;
  /** The schemas refuse it: the answer must be a 4xx. */
  mustRefuse: boolean;
  /** Fields a 400 VALIDATION_FAILED must name one of; undefined when the API cannot attribute it (routing, Open311's format). */
  blame?: string[];
}

const TENANT = '370283';
/** The public API takes these off the query and body before validation (functions/src/lib/middleware/public-input.ts). */
const CONTROL_FIELDS = ['api_key', 'jurisdiction_id'];
const withoutControlFields: Prepare = (value) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => !CONTROL_FIELDS.includes(k))) : value;

/** Refused before the API reads the input (body, URL or headers over the server's limits): no field to name. */
const TOO_LARGE = [413, 414, 431];

/** Every route the gateway serves, JWT and public. */
export const fuzzedRoutes: ReadonlyArray<RouteDef | PublicRouteDef> = allRoutes;

function currentParams(route: RouteDef | PublicRouteDef, seeded: SeededIds): { path?: string; values: Record<string, string> } {
  const names = pathParamNames(route as RouteDef);
  try {
    const path = concretePath(route as RouteDef, seeded, TENANT);
    const pattern = new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '([^/]+)')}$`);
    const match = pattern.exec(path);
    return { path, values: Object.fromEntries(names.map((name, i) => [name, match?.[i + 1] ?? 'x'])) };
  } catch {
    // Open311 item routes (`sanitation.json`, `tok_….json`) name no seeded record: their parameters are fuzzed only.
    return { values: Object.fromEntries(names.map((name) => [name, 'x.json'])) };
  }
}

/** Values a query field of the county may plausibly take: its records' ids, this month and the last. */
function knownValues(seeded: SeededIds): string[] {
  const month = new Date().toISOString().slice(0, 7);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  return [...Object.values(seeded.ids[TENANT] ?? {}).map((ids) => ids[0]).filter((id): id is string => id !== undefined), month, last];
}

/** The cases of one route, as one arbitrary; undefined when the route takes no input to fuzz. */
function requestsOf(route: RouteDef | PublicRouteDef, seeded: SeededIds): fc.Arbitrary<FuzzRequest> | undefined {
  const isPublic = isPublicRoute(route);
  const prepare: Prepare = isPublic ? withoutControlFields : (v) => v;
  // Open311 answers in its own error format, without field paths.
  const attributes = !(isPublic && route.open311);
  const { path, values } = currentParams(route, seeded);
  const reads = route.method === 'GET';
  const options: Array<fc.Arbitrary<FuzzRequest>> = [];
  if (route.body && path) {
    options.push(
      invalidBodies(route.body, prepare).map((c) => ({ mutation: c.mutation, method: route.method, path, rawBody: c.rawBody, mustRefuse: true, blame: attributes ? c.paths : undefined })),
    );
  }
  if (route.query && path) {
    const refusedOnly = !reads;
    const cases = queryCases(route.query, prepare, knownValues(seeded)).filter((c) => !refusedOnly || !c.valid);
    options.push(cases.map((c) => ({ mutation: c.mutation, method: route.method, path, query: c.query, mustRefuse: !c.valid, blame: attributes && !c.valid ? c.paths : undefined })));
  }
  const names = Object.keys(values);
  if (names.length > 0) {
    // A body the schema refuses rides along, so that a parameter that happens to be valid cannot make the route act.
    const rawBody = route.body ? '{}' : undefined;
    const bodyRefused = route.body ? !judgeBody(route.body, '{}', prepare).valid : false;
    if (reads || bodyRefused || !route.body) {
      options.push(
        paramCases(names, values).map((c) => {
          const params = { ...values, [c.name]: c.value };
          const paramRefused = route.params ? !route.params.safeParse(params).success : false;
          const concrete = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
          // A valid-looking id names no record here (404); only a GET may be sent one with a body it would accept.
          return { mutation: `${c.mutation} = ${JSON.stringify(c.value).slice(0, 80)}`, method: route.method, path: concrete, rawBody, mustRefuse: paramRefused || bodyRefused, blame: undefined };
        }),
      );
    }
  }
  if (options.length === 0 && reads && path) {
    // No declared input: unknown query parameters with hostile values must not hurt a read.
    const noQuery = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('../x', '"', '\u0000', '名'.repeat(500)), { minKeys: 1, maxKeys: 3 });
    options.push(noQuery.map((query) => ({ mutation: 'unknown query parameters', method: 'GET', path, query, mustRefuse: false })));
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function describeRequest(r: FuzzRequest): string {
  const query = r.query ? `?${new URLSearchParams(r.query).toString()}` : '';
  const body = r.rawBody === undefined ? '' : ` body ${r.rawBody.length > 300 ? `${r.rawBody.slice(0, 300)}… (${r.rawBody.length} chars)` : r.rawBody}`;
  return `${r.method} ${r.path}${query}${body}`;
}

export interface Fuzzer {
  /** Runs the property on one route; never throws for a failed property (the report says it). */
  fuzzRoute(route: RouteDef | PublicRouteDef, numRuns: number, seed?: number): Promise<RouteFuzzReport>;
  /**
   * The same on many routes, `concurrency` at a time under one write watch: a group that wrote is
   * run again route by route with the same seeds, so the report names the route that wrote.
   */
  fuzzRoutes(routes: readonly (RouteDef | PublicRouteDef)[], numRuns: number, options: { concurrency: number; onReport?: (report: RouteFuzzReport) => void }): Promise<RouteFuzzReport[]>;
  close(): void;
}

type PropertyRun = Omit<RouteFuzzReport, 'wrote' | 'written'> & { seed?: number };

/** Signs in the callers and makes the public API's key (every scope, no practical rate limit). */
export async function prepareFuzzer(stack: FuzzStack): Promise<Fuzzer> {
  const { config, logins, seeded } = stack;
  const callers = callersOf(logins, TENANT);
  await Promise.all(callers.map((c) => idToken(config, c.login)));
  const office = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
  const key = await createApiKey(office, {
    name: `fuzz ${randomUUID().slice(0, 8)}`,
    scopes: [...API_SCOPES],
    agencyId: idOf(seeded, TENANT, 'agency'),
    rateLimit: { limit: 100_000, per: 'minute' },
  });
  // Every keyed call counts in the key's rate window and may note its last use: by design, whatever the input.
  const ignore: IgnoreItem = (item) => item.pk?.S?.endsWith('#API_KEY_RATE') === true || (item.pk?.S?.endsWith('#API_KEY') === true && item.sk?.S === key.id);
  const watch = await writeWatch(config, ignore);

  const headersFor = async (route: RouteDef | PublicRouteDef): Promise<Record<string, string>> => {
    if (isPublicRoute(route)) return route.auth.kind === 'apiKey' ? { 'x-api-key': key.key } : {};
    return { authorization: `Bearer ${await idToken(config, allowedCaller(route, callers).login)}` };
  };

  async function runProperty(route: RouteDef | PublicRouteDef, numRuns: number, seed?: number): Promise<PropertyRun> {
    const name = routeKey(route);
    const requests = requestsOf(route, seeded);
    if (!requests) return { route: name, cases: 0, serverErrors: 0, skipped: 'no input to fuzz' };
    const headers = { accept: 'application/json', ...(await headersFor(route)) };
    let cases = 0;
    let serverErrors = 0;
    const property = fc.asyncProperty(requests, async (r) => {
      cases++;
      const url = new URL(r.path, config.gatewayUrl);
      for (const [k, v] of Object.entries(r.query ?? {})) url.searchParams.set(k, v);
      const response = await fetch(url, { method: r.method, headers: r.rawBody === undefined ? headers : { ...headers, 'content-type': 'application/json' }, body: r.rawBody });
      const text = await response.text();
      const status = response.status;
      const seen = `${r.mutation}: ${describeRequest(r)} → ${status} ${text.slice(0, 300)}`;
      if (status >= 500) {
        serverErrors++;
        throw new Error(`5xx — ${seen}`);
      }
      if (r.mustRefuse && (status < 400 || status >= 500)) throw new Error(`an input the schema refuses was not refused — ${seen}`);
      if (r.blame && status === 400) {
        const error = (JSON.parse(text) as ErrorBody).error;
        if (error.code !== 'VALIDATION_FAILED') throw new Error(`400 without VALIDATION_FAILED — ${seen}`);
        const named = error.details?.map((d) => d.path) ?? [];
        if (!named.some((p) => r.blame!.includes(p))) throw new Error(`the 400 names ${JSON.stringify(named)}, the schema blames ${JSON.stringify(r.blame)} — ${seen}`);
      } else if (r.blame && !TOO_LARGE.includes(status)) {
        throw new Error(`expected 400 VALIDATION_FAILED — ${seen}`);
      }
    });
    const details = await fc.check(property, { numRuns, seed });
    const failure = details.failed ? `${fc.defaultReportMessage(details)}\nGot: ${String(details.errorInstance)}` : undefined;
    return { route: name, cases, serverErrors, seed: details.seed, ...(failure ? { failure } : {}) };
  }

  const report = ({ seed: _seed, ...run }: PropertyRun, written: SeenWrite[]): RouteFuzzReport => ({ ...run, wrote: written.length > 0, ...(written.length > 0 ? { written } : {}) });

  const fuzzer: Fuzzer = {
    async fuzzRoute(route, numRuns, seed) {
      await watch.begin();
      const run = await runProperty(route, numRuns, seed);
      return report(run, await watch.writesSince());
    },
    async fuzzRoutes(routes, numRuns, { concurrency, onReport }) {
      const reports: RouteFuzzReport[] = [];
      for (let i = 0; i < routes.length; i += concurrency) {
        const group = routes.slice(i, i + concurrency);
        await watch.begin();
        const runs = await Promise.all(group.map((route) => runProperty(route, numRuns)));
        const written = await watch.writesSince();
        for (const [j, route] of group.entries()) {
          // Alone and with the same seed (the same cases) when the group wrote: which route was it?
          const routeReport = written.length === 0 ? report(runs[j]!, []) : await fuzzer.fuzzRoute(route, numRuns, runs[j]!.seed);
          onReport?.(routeReport);
          reports.push(routeReport);
        }
      }
      return reports;
    },
    close: () => watch.close(),
  };
  return fuzzer;
}
