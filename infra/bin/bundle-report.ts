import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetBytes, overBudget } from '../lib/bundle-budget';
import { readBundleReport } from '../lib/bundle-report';

/**
 * `npm run synth` ends with this: every function's bundle in the cloud assembly, largest first,
 * with its gzip size, its budget and the packages that weigh most. Exits 1 if a bundle is over
 * its budget (infra/lib/bundle-budget.ts). `tsx infra/bin/bundle-report.ts [cdk.out]`.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const cdkOut = process.argv[2] ?? resolve(REPO_ROOT, (JSON.parse(readFileSync(resolve(REPO_ROOT, 'cdk.json'), 'utf8')) as { output: string }).output);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const bundles = readBundleReport(cdkOut);
if (bundles.length === 0) {
  console.log(`bundle report: no bundled function in ${cdkOut}`);
} else {
  const width = Math.max(...bundles.map((b) => b.name.length));
  console.log(`function bundles in ${cdkOut} (uncompressed index.mjs, gzip, budget; largest inputs):`);
  for (const b of bundles) {
    const budget = budgetBytes(b);
    const status = b.bundleBytes > budget ? 'OVER' : 'ok  ';
    const inputs = b.largestInputs?.map((i) => `${i.module} ${kib(i.bytes)}`).join(', ') ?? 'no metafile';
    console.log(`  ${b.name.padEnd(width)}  ${kib(b.bundleBytes).padStart(9)}  gzip ${kib(b.gzipBytes).padStart(8)}  ${status} ≤ ${kib(budget).padStart(9)}  ${inputs}`);
  }
}
const over = overBudget(bundles);
if (over.length > 0) {
  console.error(`bundle report: ${over.length} function bundle(s) over budget: ${over.map((b) => b.name).join(', ')} (budgets: infra/lib/bundle-budget.ts)`);
  process.exit(1);
}
