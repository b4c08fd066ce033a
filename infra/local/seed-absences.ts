import { DEFAULT_TENANT_CONFIG, addIsoWeeks, addDays, isoWeekDate, isoWeekOf, zonedWallTime } from '@beatlink/shared';
import { queryAbsences } from '@beatlink/functions/data/absences';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { defaultDeps } from '@beatlink/functions/services/deps';
import { decideAbsence, fileAbsence } from '@beatlink/functions/services/duty/absences';
import { AUDITED_WRITES_PER_COUNTY, createLimiter } from './limiter';
import { peopleOf } from './seed-matters';
import type { CountyPlan, SeedSize } from './seed-plan';

/**
 * Absence reports (报备) of the county's first community and contact officers, filed through the
 * duty service three days before their date and decided by the program office a day later, plus
 * pending reports for next week filed now. Each approved absence comes with what the officer did
 * about his make-up (补课), which the visit seed then plays: made up in time (the week is
 * excused), not made up and past due (the week becomes a violation), or still open. Officers
 * stay away on the dates of their approved and rejected reports. Deterministic per county.
 */
type Decision = 'approve' | 'reject' | undefined;

/** What the officer does about the make-up of an approved absence. */
export type MakeUpPlan = 'done' | 'none';

interface PlannedAbsence {
  officer: TenantContext;
  week: string;
  /** ISO weekday of the date (a contact officer's session day when undefined). */
  weekday?: number;
  reason: string;
  decision: Decision;
  note?: string;
  makeUp: MakeUpPlan;
}

/** An absence as the visit seed needs it: the officer is away that date and maybe makes up later. */
export interface SeededAbsence {
  officerId: string;
  week: string;
  date: string;
  decision: Decision;
  makeUp: MakeUpPlan;
}

const PLANS: Array<{ weeksAgo: number; weekday?: number; decision: Decision; reason: string; note?: string; makeUp?: MakeUpPlan }> = [
  // Due 14 days after a date three weeks ago: past due, not made up → violation.
  { weeksAgo: 3, weekday: 2, decision: 'approve', reason: '参加市局集中培训', note: '同意，请按期补课', makeUp: 'none' },
  { weeksAgo: 2, weekday: 3, decision: 'approve', reason: '配合专案工作', note: '同意，请于下周补课', makeUp: 'done' },
  { weeksAgo: 1, weekday: 4, decision: 'approve', reason: '参加县局安保任务', note: '同意' },
  { weeksAgo: -1, weekday: 5, decision: undefined, reason: '出庭作证' },
  { weeksAgo: 2, weekday: 4, decision: 'reject', reason: '家中有事', note: '当周有重要安保任务，不予批准' },
];

export async function seedAbsences(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void; now?: number },
): Promise<{ ids: string[]; absences: SeededAbsence[] }> {
  if ((await queryAbsences(plan.tenantId, { by: 'tenant' }, undefined, undefined, { limit: 1 })).items.length > 0) {
    options.log(`seed: ${plan.tenantId} has absences already; none added`);
    return { ids: [], absences: [] };
  }
  const started = Date.now();
  const people = peopleOf(plan, id);
  const office: TenantContext = { ...people.programOffice, scope: 'tenant' };
  const tz = plan.timeZone;
  const nowMs = options.now ?? Date.now();
  const thisWeek = isoWeekOf(nowMs, tz);
  const count = size === 'full' ? PLANS.length + 1 : 3;
  const planned: PlannedAbsence[] = [];
  const officersOf = (map: Map<string, TenantContext>) => [...map.values()].slice(0, count);
  for (const [list, contact] of [
    [officersOf(people.byWorkstation), true],
    [officersOf(people.byOffice), false],
  ] as const) {
    list.forEach((officer, i) => {
      const p = PLANS[i % PLANS.length]!;
      planned.push({
        officer,
        week: addIsoWeeks(thisWeek, -p.weeksAgo - Math.floor(i / PLANS.length)),
        weekday: contact ? undefined : p.weekday,
        reason: p.reason,
        decision: p.decision,
        note: p.note,
        makeUp: p.makeUp ?? 'none',
      });
    });
  }
  const session = DEFAULT_TENANT_CONFIG.duty.contactOfficerWeekday;
  // One county's audited writes one at a time (see limiter.ts), then a global slot.
  const audited = createLimiter(AUDITED_WRITES_PER_COUNTY);
  const ids: string[] = [];
  const absences: SeededAbsence[] = [];
  await Promise.all(
    planned.map((a) =>
      audited(() =>
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
          absences.push({ officerId: a.officer.officerId!, week: a.week, date, decision: a.decision, makeUp: a.makeUp });
        }),
      ),
    ),
  );
  options.log(`seed: ${plan.tenantId} ${ids.length} absences in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { ids: ids.sort(), absences };
}
