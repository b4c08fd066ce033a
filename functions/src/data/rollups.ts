import type { CountyRollup, ProvinceRollup, RollupFigures, RollupPeriodType, TenantRecord } from '@beatlink/shared';
import type { AppError } from '../lib/app-error';
import { provinceTenantsPartition, TENANT_PARTITION, TenantEntity } from './entities/platform';
import { rollupPartition, ROLLUP_TOTAL_ROW, RollupEntity } from './entities/rollups';
import { MAX_TRANSACTION_ITEMS, putOp, queryAll, queryPage, runTransaction, type TxOp } from './repository';

/** The provincial rollups (`P#<provinceId>#ROLLUP#<type>`, see entities/rollups.ts). */

interface RollupRow {
  provinceId: string;
  periodType: RollupPeriodType;
  period: string;
  row: string;
  countyName?: string;
  figures: RollupFigures;
  index?: number;
  rank?: number;
  countyIds?: string[];
  generatedAt: string;
}

const partition = (provinceId: string, periodType: RollupPeriodType) => ({ partition: rollupPartition(provinceId, periodType) });

/** A province's active counties, through the registry's province index (gsi1), by code. */
export async function provinceTenants(provinceId: string): Promise<TenantRecord[]> {
  return queryAll<TenantRecord>(TenantEntity, {
    partition: TENANT_PARTITION,
    index: { name: 'gsi1', partition: provinceTenantsPartition(provinceId) },
    filter: { attr: 'status', eq: 'active' },
  });
}

/** The stored rows of periods, grouped into rollups (rows without their total row are ignored). */
function assemble(rows: readonly RollupRow[]): ProvinceRollup[] {
  const byPeriod = new Map<string, RollupRow[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const rollups: ProvinceRollup[] = [];
  for (const [period, items] of byPeriod) {
    const total = items.find((r) => r.row === ROLLUP_TOTAL_ROW);
    if (!total) continue;
    const counties = items
      .filter((r) => r.row !== ROLLUP_TOTAL_ROW)
      .map(
        (r): CountyRollup => ({
          provinceId: r.provinceId,
          countyId: r.row,
          countyName: r.countyName ?? r.row,
          periodType: r.periodType,
          period,
          figures: r.figures,
          index: r.index ?? 0,
          rank: r.rank ?? 0,
          generatedAt: r.generatedAt,
        }),
      )
      .sort((a, b) => a.rank - b.rank || a.countyId.localeCompare(b.countyId));
    rollups.push({ provinceId: total.provinceId, periodType: total.periodType, period, counties, total: total.figures, generatedAt: total.generatedAt });
  }
  return rollups.sort((a, b) => a.period.localeCompare(b.period));
}

/** One period's rollup (one Query `begins_with <period>#`), and the items read. */
export async function getStoredRollup(provinceId: string, periodType: RollupPeriodType, period: string): Promise<{ rollup?: ProvinceRollup; reads: number }> {
  const rows = await queryAll<RollupRow>(RollupEntity, { ...partition(provinceId, periodType), range: { beginsWith: `${period}#` } });
  return { rollup: assemble(rows)[0], reads: rows.length };
}

/**
 * The latest period stored: read in reverse, the newest period's total row is the first item (the
 * filter only skips county rows of a period whose write has not finished).
 */
export async function latestStoredPeriod(provinceId: string, periodType: RollupPeriodType): Promise<string | undefined> {
  const page = await queryPage<RollupRow>(RollupEntity, { ...partition(provinceId, periodType), reverse: true, filter: { attr: 'row', eq: ROLLUP_TOTAL_ROW } }, { limit: 1 });
  return page.items[0]?.period;
}

/** The rollups of a range of periods, oldest first (one Query `between`). */
export async function storedRollupsBetween(provinceId: string, periodType: RollupPeriodType, from: string, to: string): Promise<ProvinceRollup[]> {
  const rows = await queryAll<RollupRow>(RollupEntity, { ...partition(provinceId, periodType), range: { between: [`${from}#`, `${to}#${ROLLUP_TOTAL_ROW}`] } });
  return assemble(rows);
}

/**
 * The last `count` stored periods, oldest first: the partition read newest first, page by page,
 * until one more period than wanted shows up (reads ≈ count × (counties + 1)).
 */
export async function latestStoredRollups(provinceId: string, periodType: RollupPeriodType, count: number): Promise<ProvinceRollup[]> {
  const rows: RollupRow[] = [];
  const periods = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await queryPage<RollupRow>(RollupEntity, { ...partition(provinceId, periodType), reverse: true }, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const r of page.items) {
      // In reverse a period's total row comes before its county rows.
      if (r.row === ROLLUP_TOTAL_ROW) periods.add(r.period);
      if (periods.size > count) break;
      rows.push(r);
    }
    cursor = periods.size > count ? undefined : page.nextCursor;
  } while (cursor);
  return assemble(rows);
}

const toCountyItem = (c: CountyRollup): RollupRow => ({
  provinceId: c.provinceId,
  periodType: c.periodType,
  period: c.period,
  row: c.countyId,
  countyName: c.countyName,
  figures: c.figures,
  index: c.index,
  rank: c.rank,
  generatedAt: c.generatedAt,
});

const toTotalItem = (r: ProvinceRollup): RollupRow => ({
  provinceId: r.provinceId,
  periodType: r.periodType,
  period: r.period,
  row: ROLLUP_TOTAL_ROW,
  figures: r.total,
  countyIds: r.counties.map((c) => c.countyId).sort(),
  generatedAt: r.generatedAt,
});

/** A first write of one row: fails (with `onConditionFailed`) when the row exists. */
export function putNewRollupRowOp(item: RollupRow, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(RollupEntity, { ...item }, { attr: 'period', exists: false }, onConditionFailed);
}

/**
 * Writes a period's county rows and total row together, each conditional on not existing: one
 * TransactWrite. A province of more than 99 counties does not fit one transaction: its county
 * rows go first in transactions of 100 (unconditional — they are meaningless until the total
 * row exists, and a re-run after a half-done write overwrites them), the total row last and
 * conditional, so the period appears at once and only once.
 * Throws `exists` when the period's total row (or, in one transaction, any row) is stored already.
 */
export async function writeRollup(rollup: ProvinceRollup, exists: AppError): Promise<void> {
  const counties = rollup.counties.map(toCountyItem);
  const total = putNewRollupRowOp(toTotalItem(rollup), exists);
  if (counties.length + 1 <= MAX_TRANSACTION_ITEMS) {
    await runTransaction([...counties.map((c) => putNewRollupRowOp(c, exists)), total]);
    return;
  }
  for (let i = 0; i < counties.length; i += MAX_TRANSACTION_ITEMS) {
    await runTransaction(counties.slice(i, i + MAX_TRANSACTION_ITEMS).map((c) => putOp(RollupEntity, { ...c }, undefined, exists)));
  }
  await runTransaction([total]);
}
