import {
  assessmentPeriodLabel,
  DEFAULT_SCORE_RULES,
  monthOfDate,
  periodDates,
  periodEnded,
  zonedWallTime,
  addDays,
  type IndicatorId,
  type Role,
  type ScoreRules,
  type SpotCheck,
} from '@beatlink/shared';
import { mapLimited } from '@beatlink/functions/lib/bounded-pool';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantScopedContext } from '@beatlink/functions/lib/tenant-context';
import { decideAppeal, fileAppeal, listAppeals } from '@beatlink/functions/services/assessment/appeals';
import { getScoreRules, getScoreRuleDraft, publishScoreRules, updateScoreRuleDraft } from '@beatlink/functions/services/assessment/score-rules';
import { monthlyScoring } from '@beatlink/functions/services/assessment/scoring-run';
import { drawSpotChecks, recordSpotCheckResult } from '@beatlink/functions/services/assessment/spot-checks';
import { deliverPendingNotifications } from '@beatlink/functions/services/notifications/delivery';
import { historyStart, type HistoryReach } from './seed-history';
import type { CountyPlan } from './seed-plan';

/**
 * 网上考核 as if the platform had been running since the previous quarter: at each month's start
 * the spot-check draw (01:00) and the scoring job (02:00) of the month before, the program
 * office's call-backs in the first days of the month, a rules version published in the quarter,
 * appeals filed and decided — the latest month's spot checks left half called back and its appeal
 * open, and a draft of the next rules version saved. Everything goes through the services with
 * past clocks; each step is guarded or idempotent, so a resumed seed writes nothing twice.
 */
export interface SeededAssessment {
  periods: string[];
  appeals: string[];
  spotChecks: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** v1 of the demo rules: call-backs weigh more for contact officers (权重合计仍为 100). */
const V1_RULES: ScoreRules = {
  ...DEFAULT_SCORE_RULES,
  contact: DEFAULT_SCORE_RULES.contact.map((r) =>
    r.indicator === 'spot_check_pass' ? { ...r, weight: 30 } : r.indicator === 'duty_compliance' ? { ...r, weight: 25 } : r,
  ),
};
/** The draft the office is working on: a higher household target for community officers. */
const DRAFT_RULES: ScoreRules = {
  ...V1_RULES,
  community: V1_RULES.community.map((r) => (r.indicator === 'households_visited' ? { ...r, target: 45 } : r)),
};

function person(plan: CountyPlan, id: (key: string) => string, role: Role, index = 0): TenantScopedContext & { officerId: string } {
  const officer = plan.officers.filter((o) => o.input.role === role)[index];
  if (!officer) throw new Error(`seed plan ${plan.tenantId} has no ${role} #${index}`);
  const p = officer.placement;
  const unit = p.workstationKey ?? p.officeKey ?? p.stationKey ?? p.departmentKey;
  return {
    tenantId: plan.tenantId,
    username: officer.input.username,
    name: officer.input.name,
    roles: [role],
    officerId: id(officer.key),
    ...(unit ? { unitId: id(unit) } : {}),
    scope: role === 'program_office' ? 'tenant' : 'own',
  };
}

/** Months from the history's first (see seed-history.ts) to the last one finished at `now`. */
function monthsToScore(now: number, timeZone: string, reach: HistoryReach): string[] {
  const months: string[] = [];
  for (let first = historyStart(now, timeZone, reach); ; ) {
    const month = monthOfDate(first);
    if (!periodEnded(month, iso(now), timeZone)) break;
    months.push(month);
    first = addDays(periodDates(month).last, 1);
  }
  return months;
}

/** Call-back results as they tend to go: most confirmed, some not, a few unreachable. */
function resultOf(check: SpotCheck, index: number): 'pass' | 'fail' | 'unreachable' {
  const n = (check.officerId.charCodeAt(check.officerId.length - 1) + index) % 10;
  return n === 0 ? 'fail' : n === 1 ? 'unreachable' : 'pass';
}

export async function seedAssessment(plan: CountyPlan, id: (key: string) => string, options: { log: (line: string) => void; reach: HistoryReach; now?: number }): Promise<SeededAssessment> {
  const started = Date.now();
  const { tenantId, timeZone } = plan;
  const nowMs = options.now ?? Date.now();
  const office = person(plan, id, 'program_office');
  const at = (date: string, hhmm: string) => ({ clock: fixedClock(iso(Math.min(zonedWallTime(date, hhmm, timeZone), nowMs))) });
  const months = monthsToScore(nowMs, timeZone, options.reach);
  const periods: string[] = [];
  const spotChecks: string[] = [];

  // One officer's items in turn (each call-back bumps the check's version); officers side by side.
  // The latest month is in progress: the first `share` of the checks called back, the rest not yet.
  const callBack = async (checks: SpotCheck[], date: string, share: number) => {
    const now = [...checks].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, Math.ceil(checks.length * share));
    await mapLimited(now, 6, async (check) => {
      let version = check.version;
      for (const [index, item] of check.items.filter((i) => !i.result).entries()) {
        const result = resultOf(check, index);
        const saved = await recordSpotCheckResult(office, check.id, { version, itemId: item.itemId, result, ...(result === 'fail' ? { note: '群众表示当月未见民警入户' } : {}) }, at(date, '10:00'));
        version = saved.version;
      }
    });
  };

  for (const [index, month] of months.entries()) {
    const boundary = addDays(periodDates(month).last, 1);
    const last = index === months.length - 1;
    // A rules version in the middle of the first scored month's successor: later months use it.
    if (index === 1 && (await getScoreRules(office)).current.version === 0) {
      const draft = await updateScoreRuleDraft(office, { version: 0, rules: V1_RULES }, at(addDays(boundary, -12), '15:00'));
      await publishScoreRules(office, { version: draft.version, note: '提高包村民警抽查回访权重' }, at(addDays(boundary, -11), '09:00'));
    }
    const drawn = await drawSpotChecks(office, { month }, at(boundary, '01:00'));
    spotChecks.push(...drawn.checks.map((c) => c.id));
    const scored = await monthlyScoring(tenantId, iso(zonedWallTime(boundary, '02:00', timeZone)));
    periods.push(...scored.periods.map((p) => p.period));
    // The office calls the sample back in the first days of the month; the latest is half done.
    await callBack(drawn.checks, addDays(boundary, 2), last ? 0.5 : 1);
  }

  // Appeals: an earlier month's accepted and rejected ones; the latest month's still open.
  const appeals: string[] = [];
  const appeal = async (officer: ReturnType<typeof person>, period: string, indicator: IndicatorId, reason: string, filedOn: string) => {
    const mine = await listAppeals(officer, { limit: 50 });
    const found = mine.items.find((a) => a.period === period && a.indicator === indicator);
    if (found) return found;
    return fileAppeal(officer, { period, indicator, reason }, at(filedOn, '16:00'));
  };
  const monthsScored = periods.filter((p) => !p.includes('Q'));
  const latest = monthsScored.at(-1);
  const earlier = monthsScored.at(-2);
  if (earlier) {
    const afterEarlier = addDays(periodDates(earlier).last, 1);
    const accepted = await appeal(person(plan, id, 'community_officer', 1), earlier, 'duty_compliance', `${assessmentPeriodLabel(earlier)}第二周参加全县集中培训，已向活动办报备，系统仍计为未达标。`, addDays(afterEarlier, 4));
    if (accepted.status === 'open') await decideAppeal(office, accepted.id, { version: accepted.version, decision: 'accept', points: 5, reason: '经核实培训已报备，补计履职分 5 分。' }, at(addDays(afterEarlier, 7), '10:00'));
    const rejected = await appeal(person(plan, id, 'contact_officer', 1), earlier, 'households_visited', '部分走访户数未及时录入。', addDays(afterEarlier, 5));
    if (rejected.status === 'open') await decideAppeal(office, rejected.id, { version: rejected.version, decision: 'reject', reason: '走访户数以驻村记录为准，逾期未录入的不予补计。' }, at(addDays(afterEarlier, 8), '10:00'));
    appeals.push(accepted.id, rejected.id);
  }
  if (latest) {
    const demo = plan.officers.find((o) => o.input.username === plan.demoUsernames.community_officer);
    const index = demo ? plan.officers.filter((o) => o.input.role === 'community_officer').indexOf(demo) : 0;
    const open = await appeal(person(plan, id, 'community_officer', index), latest, 'closed_on_time', '超期事项系成员单位逾期反馈所致，申请不计入本人按期办结率。', addDays(addDays(periodDates(latest).last, 1), 3));
    appeals.unshift(open.id);
  }

  // The next rules version, in the making.
  try {
    await getScoreRuleDraft(office);
  } catch (error) {
    if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
    await updateScoreRuleDraft(office, { version: 0, rules: DRAFT_RULES }, { clock: fixedClock(iso(nowMs - 2 * 86_400_000)) });
  }

  const delivered = await deliverPendingNotifications(tenantId, iso(nowMs));
  options.log(
    `seed: ${tenantId} assessment: ${periods.join(', ') || 'no finished period'} scored, ${spotChecks.length} spot checks, ${appeals.length} appeals, ` +
      `${delivered.delivered ?? 0} notifications delivered in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { periods, appeals, spotChecks };
}
