import { addDays, addIsoWeeks, isoWeekMonday, isoWeekOf, isoWeekDate, zonedDate, zonedWallTime, type Role } from '@beatlink/shared';
import { queryInbox } from '@beatlink/functions/data/inbox';
import { listReports } from '@beatlink/functions/services/analysis/report-access';
import { runDailyDispatch, runWeeklyAnalysis } from '@beatlink/functions/services/analysis/produce-reports';
import { createSensitivePeriod, listSensitivePeriods } from '@beatlink/functions/services/analysis/sensitive-periods';
import { superviseTenant } from '@beatlink/functions/services/matters/supervision';
import { deliverPendingNotifications } from '@beatlink/functions/services/notifications/delivery';
import { updatePreferences } from '@beatlink/functions/services/notifications/preferences';
import { sendReminders } from '@beatlink/functions/services/notifications/reminders';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantScopedContext } from '@beatlink/functions/lib/tenant-context';
import { SEEDED_WEEKS } from './seed-compliance';
import type { CountyPlan } from './seed-plan';

/**
 * The scheduled side of a county as if the platform had been running (研判讲评, 日调度, reminders):
 * the weekly analysis of each seeded week at its Monday 08:00, one sensitive period around today
 * with a daily dispatch for each of its days so far (07:30 the next morning), the reminders of
 * each seeded week's Tuesday and Thursday and of today, the last hour of supervision runs, and
 * everything delivered — so every demo login opens the portal to reports and a few notifications. The jobs'
 * own services run with past clocks; each is idempotent, so a resumed seed writes nothing twice.
 */
export const DEMO_SENSITIVE_PERIOD = { name: '冬季治安防控', note: '岁末年初重点时段，每日上午调度' };
/** Days of the demo period before today, and after it. */
const PERIOD_DAYS_BEFORE = 6;
const PERIOD_DAYS_AFTER = 7;

export interface SeededAnalysis {
  reports: string[];
  sensitivePeriods: string[];
  /** Notification ids in the demo logins' inboxes, newest first. */
  notifications: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function asUser(plan: CountyPlan, role: Role): TenantScopedContext {
  const username = plan.demoUsernames[role];
  if (!username) throw new Error(`seed plan ${plan.tenantId} has no demo ${role}`);
  return { tenantId: plan.tenantId, username, name: username, roles: [role], scope: 'tenant' };
}

export async function seedAnalysis(plan: CountyPlan, options: { log: (line: string) => void; now?: number }): Promise<SeededAnalysis> {
  const started = Date.now();
  const { tenantId, timeZone } = plan;
  const nowMs = options.now ?? Date.now();
  const now = iso(nowMs);
  const notBeyondNow = (ms: number) => iso(Math.min(ms, nowMs));
  const thisWeek = isoWeekOf(nowMs, timeZone);

  // Each seeded week's analysis, produced on the Monday after it (oldest first: each compares with the one before).
  let weekly = 0;
  for (let back = SEEDED_WEEKS; back >= 1; back--) {
    const monday = isoWeekMonday(addIsoWeeks(thisWeek, -back + 1));
    weekly += (await runWeeklyAnalysis(tenantId, notBeyondNow(zonedWallTime(monday, '08:00', timeZone)))).written;
  }

  // One sensitive period around today, with the dispatch of each of its days so far.
  const office = asUser(plan, 'program_office');
  const today = zonedDate(nowMs, timeZone);
  const declared = (await listSensitivePeriods(office, { limit: 50, status: 'all' })).items.find((p) => p.name === DEMO_SENSITIVE_PERIOD.name);
  const period =
    declared ??
    (await createSensitivePeriod(
      office,
      { ...DEMO_SENSITIVE_PERIOD, startDate: addDays(today, -PERIOD_DAYS_BEFORE), endDate: addDays(today, PERIOD_DAYS_AFTER) },
      { clock: fixedClock(iso(zonedWallTime(addDays(today, -PERIOD_DAYS_BEFORE - 1), '16:00', timeZone))) },
    ));
  let daily = 0;
  for (let day = period.startDate; day < today; day = addDays(day, 1)) {
    daily += (await runDailyDispatch(tenantId, notBeyondNow(zonedWallTime(addDays(day, 1), '07:30', timeZone)))).written;
  }

  // The reminders of the seeded weeks and this one so far (Tuesday session, Thursday shortfall), and today's.
  const weeks = Array.from({ length: SEEDED_WEEKS + 1 }, (_, i) => addIsoWeeks(thisWeek, i - SEEDED_WEEKS));
  const reminderTimes = [...weeks.flatMap((w) => [isoWeekDate(w, 2), isoWeekDate(w, 4)]), today]
    .map((date) => zonedWallTime(date, '09:00', timeZone))
    .filter((ms) => ms <= nowMs);
  let reminded = 0;
  let reached = 0;
  let sent = 0;
  for (const ms of [...new Set(reminderTimes)]) {
    const run = await sendReminders(tenantId, iso(ms));
    reminded += run.written;
    reached += run.delivery.recipients;
    sent += run.delivery.sent;
  }
  // The last hour of the 15-minute supervision job: each run escalates one rung further.
  for (const minutesAgo of [45, 30, 15, 0]) await superviseTenant(tenantId, iso(nowMs - minutesAgo * 60_000));
  const delivery = await deliverPendingNotifications(tenantId, now);
  reached += delivery.recipients;
  sent += delivery.sent;

  // The program office has chosen its channels once (what a user would do on the preferences page).
  await updatePreferences(office, { version: 0, categories: { reports: { email: true, sms: false }, matters: { email: true, sms: true } } }, { clock: fixedClock(now) }).catch(
    (error: unknown) => {
      // Already saved by an earlier (interrupted) seed of this county.
      if ((error as { code?: string }).code !== 'VERSION_CONFLICT') throw error;
    },
  );

  const leader = asUser(plan, 'bureau_leader');
  const reports = (await listReports(leader, { limit: 20, status: 'all', type: 'weekly' })).items.map((r) => r.id);
  const inboxes = await Promise.all(
    Object.values(plan.demoUsernames)
      .filter((u): u is string => Boolean(u))
      .map(async (username) => ({ username, items: (await queryInbox(tenantId, username, false, { limit: 20 })).items })),
  );
  const empty = inboxes.filter((i) => i.items.length === 0).map((i) => i.username);
  options.log(
    `seed: ${tenantId} ${weekly} weekly reports, ${daily} daily dispatches in ${period.name} (${period.startDate}–${period.endDate}), ` +
      `${reminded} reminders, ${reached} inbox items, ${sent} messages to the outbox` +
      `${empty.length ? `; demo logins without notifications: ${empty.join(', ')}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    reports,
    sensitivePeriods: [period.id],
    notifications: [...new Set(inboxes.flatMap((i) => i.items.map((n) => n.id)))],
  };
}
