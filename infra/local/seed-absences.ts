import { DEFAULT_TENANT_CONFIG, addIsoWeeks, addDays, isoWeekDate, isoWeekOf, zonedWallTime } from '@beatlink/shared';
import { queryAbsences } from '@beatlink/functions/data/absences';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { defaultDeps } from '@beatlink/functions/services/deps';
import { decideAbsence, fileAbsence } from '@beatlink/functions/services/duty/absences';
import { peopleOf } from './seed-matters';
import type { CountyPlan, SeedSize } from './seed-plan';

/**
 * Absence reports (报备) of the county's first community and contact officers, filed through the
 * duty service three days before their date and decided by the program office a day later (so
 * past weeks get approved absences with make-ups, and rejected ones), plus pending reports for
 * next week filed now. Deterministic per county.
 */
type Decision = 'approve' | 'reject' | undefined;

interface PlannedAbsence {
  officer: TenantContext;
  week: string;
  /** ISO weekday of the date (a contact officer's session day when undefined). */
  weekday?: number;
  reason: string;
  decision: Decision;
  note?: string;
}

const PLANS: Array<{ weeksAgo: number; weekday?: number; decision: Decision; reason: string; note?: string }> = [
  { weeksAgo: 1, weekday: 3, decision: 'approve', reason: '参加市局集中培训', note: '同意，请按期补课' },
  { weeksAgo: -1, weekday: 5, decision: undefined, reason: '出庭作证' },
  { weeksAgo: 2, weekday: 4, decision: 'reject', reason: '家中有事', note: '当周有重要安保任务，不予批准' },
];

export async function seedAbsences(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void; now?: number },
): Promise<string[]> {
  if ((await queryAbsences(plan.tenantId, { by: 'tenant' }, undefined, undefined, { limit: 1 })).items.length > 0) {
    options.log(`seed: ${plan.tenantId} has absences already; none added`);
    return [];
  }
  const started = Date.now();
  const people = peopleOf(plan, id);
  const office: TenantContext = { ...people.programOffice, scope: 'tenant' };
  const tz = plan.timeZone;
  const nowMs = options.now ?? Date.now();
  const thisWeek = isoWeekOf(nowMs, tz);
  const count = size === 'full' ? 6 : 3;
  const planned: PlannedAbsence[] = [];
  const officersOf = (map: Map<string, TenantContext>) => [...map.values()].slice(0, count);
  for (const [list, contact] of [
    [officersOf(people.byWorkstation), true],
    [officersOf(people.byOffice), false],
  ] as const) {
    list.forEach((officer, i) => {
      const p = PLANS[i % PLANS.length]!;
      planned.push({ officer, week: addIsoWeeks(thisWeek, -p.weeksAgo - Math.floor(i / PLANS.length)), weekday: contact ? undefined : p.weekday, reason: p.reason, decision: p.decision, note: p.note });
    });
  }
  const session = DEFAULT_TENANT_CONFIG.duty.contactOfficerWeekday;
  const ids: string[] = [];
  await Promise.all(
    planned.map((a) =>
      options.limit(async () => {
        const date = isoWeekDate(a.week, a.weekday ?? session);
        // Filed three days beforehand (or now, for a date less than three days ahead), decided a day later.
        const filedMs = Math.min(zonedWallTime(addDays(date, -3), '09:00', tz), nowMs);
        const decidedMs = filedMs + 24 * 3_600_000;
        if (a.decision && decidedMs > nowMs) return;
        const filedAt = new Date(filedMs).toISOString();
        const filed = await fileAbsence(a.officer, { week: a.week, ...(a.weekday ? { date } : {}), reason: a.reason }, { ...defaultDeps(), clock: fixedClock(filedAt) });
        if (a.decision) {
          const decidedAt = new Date(decidedMs).toISOString();
          await decideAbsence(office, filed.id, { version: filed.version, decision: a.decision, ...(a.note ? { note: a.note } : {}) }, { ...defaultDeps(), clock: fixedClock(decidedAt) });
        }
        ids.push(filed.id);
      }),
    ),
  );
  options.log(`seed: ${plan.tenantId} ${ids.length} absences in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids.sort();
}
