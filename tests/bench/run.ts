import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestStack } from '../support/stack';
import { buildPortalIfStale } from '@beatlink/infra/local/portal';
import { benchDirectory } from './directory-gateway';
import { portalBundles } from './portal-bundles';
import { ratio, summarize } from './stats';

/**
 * `npm run bench`: starts its own embedded stack (like the tests), runs every benchmark, prints
 * each as a ratio against a baseline measured in the same run, and writes JSON results under
 * tests/bench/results/. Not part of `npm test`.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 50);

async function main() {
  const stack = await startTestStack({ seed: 'small' });
  try {
    const started = new Date().toISOString();
    const { gateway, bare } = await benchDirectory(stack, { rounds: ROUNDS, perRound: PER_ROUND });
    await buildPortalIfStale(resolve(stack.dataDir, 'logs/next-build.log'), console.log);
    const bundles = portalBundles();
    console.log('portal first-load JS (gzip), ÷ the framework-only page, against the budget:');
    for (const b of bundles) {
      console.log(`  ${b.route.padEnd(14)} ${String(b.gzipKb).padStart(6)} kB  ${b.ratioToFramework}×  ${b.withinBudget ? 'within' : 'OVER'} ${b.kind} budget ${b.budgetKb} kB`);
    }
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
      portalBundles: bundles,
    };
    console.log('directory records, local gateway ÷ bare DynamoDB (p50 latency):');
    console.log(`  create  ${result.ratios.create}×   (gateway p50 ${figures.create.gateway.p50Ms} ms, bare p50 ${figures.create.bare.p50Ms} ms)`);
    console.log(`  read    ${result.ratios.read}×   (gateway p50 ${figures.read.gateway.p50Ms} ms, bare p50 ${figures.read.bare.p50Ms} ms)`);
    const dir = resolve(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `directory-gateway-${started.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written: ${file}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
