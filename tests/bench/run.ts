import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestStack } from '../support/stack';
import { buildPortalIfStale } from '@beatlink/infra/local/portal';
import { benchDirectory } from './directory-gateway';
import { benchPortalBundles } from './portal-bundles';
import { ratio, summarize } from './stats';
import { benchMatters } from './matters-gateway';
import { benchSupervision } from './supervision';
import { benchDuty } from './duty';
import { benchAnalysis } from './analysis';
import { benchAssessment } from './assessment';
import { benchOpen311 } from './open311-gateway';
import { benchBundles } from './bundles';
import { benchFuzz } from './fuzz';
import { benchLoad } from './load';
import { addSummaryRow, printSummary } from './summary';

/**
 * `npm run bench`: starts its own embedded stack (like the tests), runs every benchmark, prints
 * each as a ratio against a baseline measured in the same run, and writes JSON results under
 * tests/bench/results/. Not part of `npm test`.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 50);
/** `BENCH_ONLY=supervision` (or `load,fuzz,portal`: any of the names in ON_STACK and `bundles`) runs those; default all. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const SUPERVISION = {
  tenants: { withoutHistory: '379901', withHistory: '379902' },
  open: Number(process.env.BENCH_SUPERVISION_OPEN ?? 5_000),
  closed: Number(process.env.BENCH_SUPERVISION_CLOSED ?? 100_000),
  due: Number(process.env.BENCH_SUPERVISION_DUE ?? 20),
  rounds: Number(process.env.BENCH_SUPERVISION_ROUNDS ?? 5),
  concurrency: Number(process.env.BENCH_SUPERVISION_CONCURRENCY ?? 6),
};

const ANALYSIS = {
  tenants: { withoutHistory: '379905', withHistory: '379906', realistic: '379907' },
  weekMatters: Number(process.env.BENCH_ANALYSIS_WEEK ?? 5_000),
  historyMatters: Number(process.env.BENCH_ANALYSIS_HISTORY ?? 200_000),
  historyWeeks: 40,
  realisticMatters: Number(process.env.BENCH_ANALYSIS_REALISTIC ?? 350),
  rounds: Number(process.env.BENCH_ANALYSIS_ROUNDS ?? 5),
  concurrency: Number(process.env.BENCH_ANALYSIS_CONCURRENCY ?? 6),
};

const ASSESSMENT = {
  scoringTenant: '379908',
  matters: Number(process.env.BENCH_ASSESSMENT_MATTERS ?? 350),
  intel: Number(process.env.BENCH_ASSESSMENT_INTEL ?? 200),
  rounds: Number(process.env.BENCH_ASSESSMENT_ROUNDS ?? 5),
  /** Far-away provinces no test uses (county codes 710101–, 810101–). */
  provinces: {
    small: { provinceId: '710000', counties: 2 },
    large: { provinceId: '810000', counties: Number(process.env.BENCH_ASSESSMENT_COUNTIES ?? 20) },
  },
  rollupRounds: Number(process.env.BENCH_ASSESSMENT_ROLLUP_ROUNDS ?? 7),
  concurrency: 6,
};

function writeResult(name: string, started: string, result: unknown): void {
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}-${started.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written: ${file}`);
}

/** The supervision job with 100,000 closed matters in history vs none (tests/bench/supervision.ts). */
async function supervisionBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const result = await benchSupervision(stack, SUPERVISION);
  console.log(`supervision job (督导), ${SUPERVISION.open} open matters, with ${SUPERVISION.closed} closed in history ÷ without (p50 of ${SUPERVISION.rounds} runs):`);
  console.log(`  ${result.ratio}×   (with history p50 ${result.withHistory.p50Ms} ms, without p50 ${result.withoutHistory.p50Ms} ms; read ${result.scanned.withHistory} vs ${result.scanned.withoutHistory} matters)`);
  writeResult('supervision', started, { benchmark: 'supervision-with-vs-without-history', started, node: process.version, ...result });
}

/** Intake and one transition through the gateway vs the bare DynamoDB transaction they need. */
async function mattersBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const { gateway, bare } = await benchMatters(stack, { rounds: ROUNDS, perRound: PER_ROUND });
  const figures = {
    intake: { gateway: summarize(gateway.intakeMs), bare: summarize(bare.intakeMs) },
    transition: { gateway: summarize(gateway.transitionMs), bare: summarize(bare.transitionMs) },
  };
  const ratios = { intake: ratio(figures.intake.gateway, figures.intake.bare), transition: ratio(figures.transition.gateway, figures.transition.bare) };
  console.log('matters, local gateway ÷ bare DynamoDB transaction (p50 latency):');
  console.log(`  intake      ${ratios.intake}×   (gateway p50 ${figures.intake.gateway.p50Ms} ms, bare p50 ${figures.intake.bare.p50Ms} ms)`);
  console.log(`  transition  ${ratios.transition}×   (gateway p50 ${figures.transition.gateway.p50Ms} ms, bare p50 ${figures.transition.bare.p50Ms} ms)`);
  writeResult('matters-gateway', started, { benchmark: 'matters-gateway-vs-bare-dynamodb', started, node: process.version, rounds: ROUNDS, perRound: PER_ROUND, ratios, figures });
}

/** Check-in vs bare DynamoDB, and the weekly duty evaluation with 20 weeks of history vs 1 (tests/bench/duty.ts). */
async function dutyBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const result = await benchDuty(stack, { rounds: ROUNDS, perRound: PER_ROUND, evaluationRuns: Number(process.env.BENCH_DUTY_RUNS ?? 5) });
  const { checkIn, evaluation: e } = result;
  console.log('duty: check-in, local gateway ÷ bare DynamoDB (p50 latency):');
  console.log(`  check-in    ${checkIn.ratio}×   (gateway p50 ${checkIn.gateway.p50Ms} ms, bare p50 ${checkIn.bare.p50Ms} ms)`);
  console.log(`duty: weekly evaluation of ${e.officers} officers (${e.visitsPerWeek} visits a week), 20 weeks of history ÷ 1 (p50 of re-runs):`);
  console.log(`  time        ${e.timeRatio}×   (20 weeks p50 ${e.withTwentyWeeks.rerun.p50Ms} ms, 1 week p50 ${e.withOneWeek.rerun.p50Ms} ms; first runs with writes ${e.withTwentyWeeks.first} vs ${e.withOneWeek.first} ms)`);
  console.log(`  items read  ${e.itemsReadRatio}×   (${e.withTwentyWeeks.itemsRead} vs ${e.withOneWeek.itemsRead})`);
  writeResult('duty', started, { benchmark: 'duty-check-in-and-weekly-evaluation', started, node: process.version, rounds: ROUNDS, perRound: PER_ROUND, ...result });
}

/** The weekly analysis with 200,000 matters of history vs none, and the seed-shaped county's realistic week (tests/bench/analysis.ts). */
async function analysisBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const r = await benchAnalysis(stack, ANALYSIS);
  console.log(`weekly analysis (研判讲评), ${ANALYSIS.weekMatters} matters in the week, ${ANALYSIS.historyMatters} in the ${ANALYSIS.historyWeeks} weeks before ÷ none before (p50 of ${ANALYSIS.rounds} runs, ${r.withHistory.reports} reports each):`);
  console.log(`  time        ${r.ratio}×   (with history p50 ${r.withHistory.p50Ms} ms, without p50 ${r.withoutHistory.p50Ms} ms)`);
  console.log(`  items read  ${r.itemsReadRatio}×   (${r.withHistory.itemsRead} vs ${r.withoutHistory.itemsRead})`);
  console.log(`  seed-shaped county, a realistic week (${r.realistic.matters} matters, ${r.realistic.visits} visits): p50 ${r.realistic.p50Ms} ms, ${r.realistic.itemsRead} items read, ${r.realistic.reports} reports`);
  writeResult('analysis', started, { benchmark: 'weekly-analysis-with-vs-without-history', started, node: process.version, ...r });
}

/** Monthly scoring of the seed-shaped county, and the provincial rollup of 2 vs 20 counties, each against its bare reads (tests/bench/assessment.ts). */
async function assessmentBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const r = await benchAssessment(stack, ASSESSMENT);
  const { scoring: s, rollup: u } = r;
  console.log(`monthly scoring (网上考核) of the seed-shaped county, ${s.month}, ${s.officers} officers, from scratch ÷ the bare reads it needs (p50 of ${ASSESSMENT.rounds} runs):`);
  console.log(`  scorePeriod      ${s.ratio}×   (p50 ${s.scorePeriod.p50Ms} ms, bare reads p50 ${s.bareReads.p50Ms} ms; ${s.itemsRead} items read, ${s.notifications} notifications written)`);
  console.log(`  readPeriodFacts  ${s.readRatio}×   (p50 ${s.readPeriodFacts.p50Ms} ms; bare: ${s.bareReads.requests} requests, ${s.bareReads.items} items)`);
  console.log(`provincial rollup (省厅汇总) of week ${u.week}, ${u.large.counties} counties ÷ ${u.small.counties} (p50 of ${ASSESSMENT.rollupRounds} runs; linear ≈ ${u.countiesRatio}):`);
  console.log(`  growth           ${u.growth}×   (${u.large.counties} counties p50 ${u.large.produce.p50Ms} ms, ${u.small.counties} counties p50 ${u.small.produce.p50Ms} ms; bare reads grow ${u.bareGrowth}×)`);
  console.log(`  ${String(u.small.counties).padStart(2)} counties      ${u.small.ratio}× bare reads   (p50 ${u.small.produce.p50Ms} ms vs ${u.small.bareReads.p50Ms} ms; ${u.small.perCountyMs} ms a county, ${u.small.itemsRead} items read)`);
  console.log(`  ${String(u.large.counties).padStart(2)} counties      ${u.large.ratio}× bare reads   (p50 ${u.large.produce.p50Ms} ms vs ${u.large.bareReads.p50Ms} ms; ${u.large.perCountyMs} ms a county, ${u.large.itemsRead} items read)`);
  writeResult('assessment', started, { benchmark: 'monthly-scoring-and-province-rollup-vs-bare-reads', started, node: process.version, ...r });
}

/** Open311 `POST requests.json` through the gateway vs the bare DynamoDB calls it needs: latency and throughput (tests/bench/open311-gateway.ts). */
async function open311Benchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const options = { rounds: ROUNDS, perRound: PER_ROUND, concurrency: Number(process.env.BENCH_OPEN311_CONCURRENCY ?? 8), perClient: Number(process.env.BENCH_OPEN311_PER_CLIENT ?? 25) };
  const r = await benchOpen311(stack, options);
  console.log('Open311 POST /open311/v2/requests.json, local gateway ÷ bare DynamoDB (key read, rate window, matter + event transaction):');
  console.log(`  latency     ${r.latency.ratio}×   (gateway p50 ${r.latency.gateway.p50Ms} ms p95 ${r.latency.gateway.p95Ms} ms, bare p50 ${r.latency.bare.p50Ms} ms)`);
  console.log(`  throughput  ${r.throughput.ratio}× fewer   (gateway ${r.throughput.gatewayPerSecond}/s, bare ${r.throughput.barePerSecond}/s; ${r.throughput.concurrency} clients, ${r.throughput.requests} requests each side)`);
  writeResult('open311-gateway', started, { benchmark: 'open311-post-request-gateway-vs-bare-dynamodb', started, node: process.version, ...options, ...r });
}

/** Each function's bundle, as `cdk synth` builds it, vs a minimal middy handler: size and cold import time (tests/bench/bundles.ts). Needs no stack. */
async function bundlesBenchmark(started: string): Promise<void> {
  const runs = Number(process.env.BENCH_BUNDLE_RUNS ?? 5);
  const figures = await benchBundles({ runs });
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`function bundles (esbuild, as cdk synth), ÷ the minimal middy handler: size, and cold import in a fresh node (median of ${runs}):`);
  for (const f of figures) {
    const size = `${(f.bundleBytes / 1024).toFixed(0)} KiB`.padStart(9);
    const gzip = `${(f.gzipBytes / 1024).toFixed(0)} KiB`.padStart(8);
    console.log(`  ${f.name.padEnd(width)}  ${size} (gzip ${gzip})  ${String(f.sizeRatio).padStart(6)}×   import ${String(f.importMs.p50Ms).padStart(7)} ms  ${String(f.importRatio).padStart(5)}×`);
  }
  writeResult('bundles', started, { benchmark: 'function-bundles-vs-minimal-middy-handler', started, node: process.version, runs, figures });
}

/** First-load JS of every portal page measured in Chromium vs the framework-only page and the budget (tests/bench/portal-bundles.ts); fails the run over budget. */
async function portalBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  await buildPortalIfStale(resolve(stack.dataDir, 'logs/next-build.log'), console.log);
  const { frameworkKb, bundles } = await benchPortalBundles(stack);
  console.log(`portal first-load JS (gzip level 6, loaded in Chromium), ÷ the framework-only page (${frameworkKb} kB), against the budget; [route-bundle-stats estimate]:`);
  for (const b of bundles) {
    const verdict = `${b.withinBudget ? 'within' : 'OVER'} ${b.kind} ${b.budgetKb} kB${b.charts.length ? `  CHARTS ${b.charts.join(',')}` : ''}`;
    console.log(`  ${b.route.padEnd(24)} ${String(b.gzipKb).padStart(6)} kB  ${String(b.ratioToFramework).padStart(5)}×  ${verdict}  [${b.statsEstimateKb ?? '–'} kB; lazy after load ${b.laterGzipKb} kB]`);
  }
  writeResult('portal-bundles', started, { benchmark: 'portal-first-load-js-in-chromium', started, node: process.version, gzipLevel: 6, frameworkKb, bundles });
  for (const kind of ['field', 'office'] as const) {
    const of = bundles.filter((b) => b.kind === kind);
    const min = of.reduce((a, b) => (b.gzipKb < a.gzipKb ? b : a));
    const max = of.reduce((a, b) => (b.gzipKb > a.gzipKb ? b : a));
    const over = of.filter((b) => !b.withinBudget || b.charts.length > 0).length;
    addSummaryRow(`portal ${kind}`, `${of.length} pages, first-load ${min.gzipKb}–${max.gzipKb} kB gzip (max ${max.route}, ${max.ratioToFramework}× framework ${frameworkKb} kB), budget ${of[0]!.budgetKb} kB, over or with charts ${over}`);
  }
  if (bundles.some((b) => !b.withinBudget || b.charts.length > 0)) process.exitCode = 1;
}

/**
 * Every route fuzzed from its zod schemas, 1,000 requests a route, BENCH_FUZZ_CONCURRENCY (4)
 * routes at a time (tests/bench/fuzz.ts); fails the run on a 5xx, a write or a failed property.
 */
async function fuzzBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const runs = Number(process.env.BENCH_FUZZ_RUNS ?? 1_000);
  const r = await benchFuzz(stack, runs, Number(process.env.BENCH_FUZZ_CONCURRENCY ?? 4));
  const ok = r.serverErrors === 0 && r.writesOnInvalid.length === 0 && r.failures.length === 0;
  console.log(`fuzzing (fast-check, from the routes' zod schemas), ${runs} requests a route, ${r.concurrency} routes at a time:`);
  console.log(`  ${r.routes} routes (${r.skippedRoutes.length} without input), ${r.cases} requests in ${(r.durationMs / 1000).toFixed(1)} s (${r.casesPerSecond}/s); 5xx ${r.serverErrors}, writes on refused input ${r.writesOnInvalid.length}, failed properties ${r.failures.length}${ok ? '' : '   FAILED'}`);
  writeResult('fuzz', started, { benchmark: 'fuzz-every-route-from-zod-schemas', started, node: process.version, ...r });
  addSummaryRow('fuzz', `${r.routes} routes × ${runs}: ${r.cases} requests, 5xx ${r.serverErrors}, writes on refused input ${r.writesOnInvalid.length}, failures ${r.failures.length}`);
  if (!ok) process.exitCode = 1;
}

/** The load test: a weighted mix of virtual users on the demo county (tests/bench/load.ts); fails the run on any non-2xx answer. */
async function loadBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const options = { users: Number(process.env.BENCH_LOAD_USERS ?? 8), seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30), warmupSeconds: Number(process.env.BENCH_LOAD_WARMUP ?? 3) };
  const r = await benchLoad(stack, options);
  console.log(`load: ${r.users} virtual users for ${r.seconds} s (after ${options.warmupSeconds} s warm-up), intake / check-in and out / triage / lists:`);
  console.log(`  throughput  ${r.requestsPerSecond} req/s (${r.requests} requests); p50 ${r.overall.p50Ms} ms, p99 ${r.overall.p99Ms} ms, p99 ÷ p50 ${r.overall.p99OverP50}×; errors ${r.errorCount}${r.errorCount ? `   FAILED ${JSON.stringify(r.errors)}` : ''}`);
  for (const [op, l] of Object.entries(r.operations)) console.log(`  ${op.padEnd(14)} n ${String(l.n).padStart(6)}   p50 ${String(l.p50Ms).padStart(7)} ms   p99 ${String(l.p99Ms).padStart(7)} ms`);
  for (const line of r.errorSamples) console.log(`  error: ${line}`);
  writeResult('load', started, { benchmark: 'load-mixed-county-workload', started, node: process.version, ...options, ...r });
  addSummaryRow('load', `${r.requestsPerSecond} req/s with ${r.users} users, p50 ${r.overall.p50Ms} ms, p99 ${r.overall.p99Ms} ms, errors ${r.errorCount}`);
  if (r.errorCount > 0) process.exitCode = 1;
}

/** Directory records through the gateway vs the bare DynamoDB calls they need. */
async function directoryBenchmark(stack: Awaited<ReturnType<typeof startTestStack>>, started: string): Promise<void> {
  const { gateway, bare } = await benchDirectory(stack, { rounds: ROUNDS, perRound: PER_ROUND });
  const figures = {
    create: { gateway: summarize(gateway.createMs), bare: summarize(bare.createMs) },
    read: { gateway: summarize(gateway.readMs), bare: summarize(bare.readMs) },
  };
  const result = {
    benchmark: 'directory-gateway-vs-bare-dynamodb',
    started,
    node: process.version,
    rounds: ROUNDS,
    perRound: PER_ROUND,
    ratios: { create: ratio(figures.create.gateway, figures.create.bare), read: ratio(figures.read.gateway, figures.read.bare) },
    figures,
  };
  console.log('directory records, local gateway ÷ bare DynamoDB (p50 latency):');
  console.log(`  create  ${result.ratios.create}×   (gateway p50 ${figures.create.gateway.p50Ms} ms, bare p50 ${figures.create.bare.p50Ms} ms)`);
  console.log(`  read    ${result.ratios.read}×   (gateway p50 ${figures.read.gateway.p50Ms} ms, bare p50 ${figures.read.bare.p50Ms} ms)`);
  writeResult('directory-gateway', started, result);
}

/**
 * The benchmarks on the stack, in the order of a full run: the fuzz and load runs before the ones
 * that lay down 100,000s of matters, so they meet the demo county as the tests see it.
 */
const ON_STACK: Array<[string, (stack: Awaited<ReturnType<typeof startTestStack>>, started: string) => Promise<void>]> = [
  ['directory', directoryBenchmark],
  ['portal', portalBenchmark],
  ['fuzz', fuzzBenchmark],
  ['load', loadBenchmark],
  ['matters', mattersBenchmark],
  ['duty', dutyBenchmark],
  ['supervision', supervisionBenchmark],
  ['analysis', analysisBenchmark],
  ['assessment', assessmentBenchmark],
  ['open311', open311Benchmark],
];

async function main() {
  const known = ['bundles', ...ON_STACK.map(([name]) => name)];
  const unknown = ONLY?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown benchmark(s) ${unknown.join(', ')}; one or more of ${known.join(', ')}`);
  const wanted = (name: string) => ONLY === undefined || ONLY.includes(name);
  if (wanted('bundles')) await bundlesBenchmark(new Date().toISOString());
  const onStack = ON_STACK.filter(([name]) => wanted(name));
  if (onStack.length === 0) return;
  const stack = await startTestStack({ seed: 'small' });
  try {
    const started = new Date().toISOString();
    for (const [, benchmark] of onStack) await benchmark(stack, started);
  } finally {
    await stack.stop();
    printSummary();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
