import { fuzzedRoutes, prepareFuzzer, type RouteFuzzReport } from '../lib/route-fuzz';
import type { TestStack } from '../support/stack';

/**
 * The fuzz property of tests/integration/fuzz.test.ts with `runs` generated requests a route
 * (1,000 in `npm run bench`): cases sent, 5xx answers (must be 0), routes whose table changed
 * on refused input (must be 0), failed properties with their shrunk counterexamples, duration.
 */
export interface FuzzBenchResult {
  runsPerRoute: number;
  /** Routes fuzzed at once. */
  concurrency: number;
  routes: number;
  skippedRoutes: string[];
  cases: number;
  serverErrors: number;
  writesOnInvalid: string[];
  failures: Array<{ route: string; failure: string }>;
  durationMs: number;
  casesPerSecond: number;
}

export async function benchFuzz(stack: TestStack, runs: number, concurrency: number, log: (line: string) => void = console.log): Promise<FuzzBenchResult> {
  const started = performance.now();
  const fuzzer = await prepareFuzzer(stack);
  let reports: RouteFuzzReport[];
  try {
    reports = await fuzzer.fuzzRoutes(fuzzedRoutes, runs, {
      concurrency,
      onReport: (report) => {
        if (report.failure || report.wrote) log(`  FAILED ${report.route}${report.wrote ? ` (wrote on refused input: ${JSON.stringify(report.written)})` : ''}\n${report.failure ?? ''}`);
      },
    });
  } finally {
    fuzzer.close();
  }
  const durationMs = Math.round(performance.now() - started);
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  return {
    runsPerRoute: runs,
    concurrency,
    routes: reports.filter((r) => !r.skipped).length,
    skippedRoutes: reports.filter((r) => r.skipped).map((r) => r.route),
    cases,
    serverErrors: reports.reduce((n, r) => n + r.serverErrors, 0),
    writesOnInvalid: reports.filter((r) => r.wrote).map((r) => r.route),
    failures: reports.filter((r) => r.failure).map((r) => ({ route: r.route, failure: r.failure! })),
    durationMs,
    casesPerSecond: Math.round((cases / durationMs) * 1000),
  };
}
