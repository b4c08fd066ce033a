import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routeKey } from '@beatlink/functions/routes';
import { fuzzedRoutes, prepareFuzzer, type Fuzzer } from '../lib/route-fuzz';
import '../support/provided';

/**
 * Property-based fuzzing of every route's body, query and path parameters (issue #9): never a
 * 5xx, refused input gets a 4xx naming the field, and nothing is written. A failure prints
 * fast-check's shrunk counterexample (the request). `FUZZ_RUNS` cases a route (6 by default;
 * the benchmark runs 1,000: BENCH_ONLY=fuzz).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

let fuzzer: Fuzzer;

beforeAll(async () => {
  fuzzer = await prepareFuzzer({ gatewayUrl: inject('gatewayUrl'), config: inject('stackConfig'), logins: inject('logins'), seeded: inject('seededIds') });
});
afterAll(() => fuzzer?.close());

describe(`every route, ${RUNS} generated requests each`, () => {
  for (const route of fuzzedRoutes) {
    it(routeKey(route), async () => {
      const report = await fuzzer.fuzzRoute(route, RUNS);
      expect(report.failure, report.failure).toBeUndefined();
      expect(report.written ?? [], `${report.route}: the table changed across ${report.cases} requests the API had to refuse or only read`).toEqual([]);
    });
  }
});
