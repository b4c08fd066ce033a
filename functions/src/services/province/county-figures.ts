import {
  assessmentPeriodRange,
  emptyFigures,
  idRange,
  isoWeekBounds,
  periodWeeks,
  rateOf,
  type MatterOutcome,
  type RollupFigures,
  type RollupPeriodType,
  type Village,
} from '@beatlink/shared';
import { weekCompliance } from '../../data/compliance';
import { listAllRecords } from '../../data/directory-records';
import { listDisputeRecords, queryAllMatters, type StoredMatter } from '../../data/matters';
import { intelCollected, visitsCheckedIn } from '../../data/period-records';
import { invalidField } from '../../lib/app-error';
import { countySetting, systemContext } from '../analysis/period-data';

/**
 * One county's figures of a week or month for the provincial rollup, from ONE bounded read of
 * the period in the county's time zone: its villages, and the period's visits, matters, disputes
 * and information records by id range (ids are time-ordered), and the compliance records of its
 * week(s) — a month's weeks are those whose Thursday falls in it. Only counts leave this file:
 * no name, phone, address or id of a person is copied into the figures.
 *
 * Matters are those taken in within the period; merged duplicates are left out (their report is
 * counted in the matter they were merged into). Closed: closed by the time of the read;
 * on time: closed without ever having gone overdue.
 */

/** [from, to] (ms, inclusive) of the period in the zone, and the ISO weeks its duty covers. */
export function rollupPeriodBounds(periodType: RollupPeriodType, period: string, timeZone: string): { from: number; to: number; weeks: string[] } {
  if (periodType === 'week') {
    const { start, end } = isoWeekBounds(period, timeZone);
    return { from: start, to: end, weeks: [period] };
  }
  const { start, end } = assessmentPeriodRange(period, timeZone);
  return { from: start, to: end - 1, weeks: periodWeeks(period) };
}

const CLOSED = new Set(['closed_resolved', 'closed_unresolved']);

function outcomeOf(m: StoredMatter): MatterOutcome {
  return m.outcome ?? (m.status === 'closed_resolved' ? 'resolved' : 'unresolved');
}

function matterFigures(matters: readonly StoredMatter[]): RollupFigures['matters'] {
  const f = emptyFigures().matters;
  const categories = new Map<string, { categoryId: string; name: string; count: number }>();
  for (const m of matters) {
    if (m.status === 'merged') continue;
    f.total++;
    const c = categories.get(m.categoryId) ?? { categoryId: m.categoryId, name: m.categoryName, count: 0 };
    c.count++;
    categories.set(m.categoryId, c);
    if (CLOSED.has(m.status)) {
      f.closed++;
      f.byOutcome[outcomeOf(m)]++;
      if (!m.supervision.overdueAt) f.closedOnTime++;
    } else {
      f.byOutcome.open++;
    }
  }
  f.byCategory = [...categories.values()].sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId));
  f.onTimeRate = rateOf(f.closedOnTime, f.closed);
  return f;
}

/**
 * The county's figures of the period, and the items read. With `at`, a period that has not ended
 * in the county's zone is refused (400 naming `period`).
 */
export async function countyFigures(tenantId: string, periodType: RollupPeriodType, period: string, at?: string): Promise<{ figures: RollupFigures; reads: number }> {
  const { timeZone } = await countySetting(tenantId);
  const { from, to, weeks } = rollupPeriodBounds(periodType, period, timeZone);
  if (at !== undefined && Date.parse(at) <= to) throw invalidField('period', `${period} 尚未结束，只能汇总已结束的周期 / only a finished period can be rolled up`);
  const ctx = systemContext(tenantId);
  const matterIds = idRange('matter', from, to);

  const [villages, visits, compliance, matters, disputes, intel] = await Promise.all([
    listAllRecords<Village>(ctx, 'village'),
    visitsCheckedIn(tenantId, { from, to }),
    Promise.all(weeks.map((w) => weekCompliance(tenantId, w))).then((all) => all.flat()),
    queryAllMatters(tenantId, { range: { between: matterIds } }),
    listDisputeRecords(tenantId, matterIds),
    intelCollected(tenantId, { from, to }),
  ]);
  // The config item, then every item of the period read.
  const reads = 1 + villages.length + visits.length + compliance.length + matters.length + disputes.length + intel.length;

  const f = emptyFigures();
  const active = new Set(villages.filter((v) => v.status === 'active').map((v) => v.id));
  f.villages = active.size;
  f.villagesVisited = new Set(visits.map((v) => v.villageId).filter((id) => active.has(id))).size;
  f.coverage = rateOf(f.villagesVisited, f.villages);

  for (const c of compliance) {
    // A week still running is "so far", not a result.
    if (!c.periodOver) continue;
    f.duty.evaluated++;
    f.duty[c.status]++;
  }
  f.duty.rate = rateOf(f.duty.met + f.duty.excused, f.duty.evaluated);

  f.matters = matterFigures(matters);
  for (const d of disputes) {
    f.disputes.total++;
    if (d.resolvedAtVillage) f.disputes.resolvedAtVillage++;
    if (d.escalated) f.disputes.escalated++;
    if (d.turnedIntoCase) f.disputes.turnedIntoCase++;
  }
  f.visits = visits.length;
  f.intelCollected = intel.length;
  return { figures: f, reads };
}
