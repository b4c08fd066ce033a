import type { FunctionBundle } from './bundle-report';

/**
 * How large (uncompressed `index.mjs`) each function's bundle may grow before `npm run synth`
 * fails. Lambda's own limits (50 MB zipped, 250 MB unzipped) are far away; what a bundle's size
 * costs is cold start, because Node parses, compiles and evaluates every byte on the first
 * request. The budgets are set from what the handlers need:
 *
 * - Every handler: middy, zod (tree-shaken through `import * as z`, ~100 KiB), dynamodb-toolbox
 *   (~100 KiB), the bundled AWS SDK v3 core with its DynamoDB, Cognito and STS clients (~400 KiB)
 *   and the context's own code: 0.6–0.95 MiB. 1.25 MiB leaves about a third of headroom for
 *   growth and still fails when a context picks up a heavy dependency it does not need (the whole
 *   zod namespace with its 40 locales is +350 KiB, exceljs +1.1 MiB).
 * - The contexts that export Excel workbooks also carry exceljs with jszip, bluebird, unzipper
 *   and saxes (~1.1 MiB, evaluated only by their export routes): 2 MiB.
 */
const KIB = 1024;
const MIB = 1024 * KIB;

export const DEFAULT_BUDGET_BYTES = 1.25 * MIB;
export const EXCEL_EXPORT_BUDGET_BYTES = 2 * MIB;

/** The functions (by report name: FunctionName or POWERTOOLS_SERVICE_NAME) that export workbooks. */
const EXCEL_EXPORTERS: ReadonlySet<string> = new Set(['beatlink-analysis', 'beatlink-assessment', 'beatlink-province']);

export function budgetBytes(bundle: Pick<FunctionBundle, 'name'>): number {
  return EXCEL_EXPORTERS.has(bundle.name) ? EXCEL_EXPORT_BUDGET_BYTES : DEFAULT_BUDGET_BYTES;
}

export function overBudget<T extends Pick<FunctionBundle, 'name' | 'bundleBytes'>>(bundles: readonly T[]): T[] {
  return bundles.filter((b) => b.bundleBytes > budgetBytes(b));
}
