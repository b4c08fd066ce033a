import {
  DEFAULT_TENANT_CONFIG,
  MAKE_UP_UNIT_LABELS,
  addDays,
  isoWeekOf,
  isoWeekday,
  zonedDate,
  zonedWallTime,
  type DutyRules,
  type TenantConfig,
} from '@beatlink/shared';
import { queryAbsences } from '../../data/absences';
import { openMakeUpCompliance, type StoredCompliance } from '../../data/compliance';
import { notificationId, putNotificationOp, type NotificationRecord } from '../../data/notifications';
import { runTransaction } from '../../data/repository';
import { getConfigRecord } from '../../data/tenant-config';
import { AppError } from '../../lib/app-error';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { countyDutyOfficers } from '../duty/duty-officers';
import { evaluateOfficerWeekFromTable, type DutyOfficer, type DutySetting } from '../duty/officer-week';
import { mapLimited } from '../../lib/bounded-pool';
import { deliverPendingNotifications, type DeliveryCounts } from './delivery';

/**
 * send-reminders, every morning at 09:00 county time (DOMAIN.md "Reminders"):
 * (a) on the county's contact weekday, each contact officer posted to a workstation with villages
 *     and no approved absence for today: his session this afternoon (before the window ends);
 * (b) on `reminders.communityShortWeekday`, each community officer whose days in his villages so
 *     far this week (evaluated live, as "my week" does) and excused days are below the rule;
 * (c) every day, each open make-up due within `reminders.makeUpDueWithinDays` days.
 * Each is an outbox item whose id derives from reason, officer and the day / week / obligation it
 * is about: a second run (or a concurrent one) writes nothing new, so nothing is sent twice. Then
 * the outbox is delivered.
 */
export interface ReminderCounts {
  contactSession: number;
  dutyShort: number;
  makeUpDue: number;
  /** Outbox items new in this run (the rest existed already). */
  written: number;
}

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const SYSTEM: TenantScopedContext = { tenantId: '', username: 'system:reminders', name: '提醒任务', roles: [], scope: 'tenant' };
/** Live evaluations of community officers run this many at a time. */
const CONCURRENCY = 8;

interface Today {
  tenantId: string;
  at: string;
  config: TenantConfig;
  date: string;
  weekday: number;
  week: string;
}

const toOfficer = (tenantId: string, officerId: string, reason: NotificationRecord['reason'], cause: string, fields: Pick<NotificationRecord, 'title' | 'message' | 'subject' | 'createdAt'>): NotificationRecord => ({
  tenantId,
  id: notificationId(reason, officerId, cause),
  reason,
  audience: { kind: 'officer', key: `OFFICER#${officerId}` },
  ...fields,
});

/** (a) Contact officers with a session this afternoon. */
async function contactSessions(today: Today, officers: DutyOfficer[]): Promise<NotificationRecord[]> {
  const rules: DutyRules = today.config.duty;
  if (today.weekday !== rules.contactOfficerWeekday) return [];
  // Run after the session (a late re-run): telling him to go now would be wrong.
  if (Date.parse(today.at) >= zonedWallTime(today.date, rules.contactOfficerWindowEnd, today.config.timeZone)) return [];
  const excused = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await queryAbsences(today.tenantId, { by: 'status', status: 'approved' }, { between: [today.date, `${today.date}~`] }, undefined, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const a of page.items) if (a.date === today.date) excused.add(a.officerId);
    cursor = page.nextCursor;
  } while (cursor);
  return officers
    .filter((o) => o.role === 'contact_officer' && o.villages.length > 0 && !excused.has(o.id))
    .map((o) =>
      toOfficer(today.tenantId, o.id, 'contact_session', today.date, {
        title: `${today.date} ${WEEKDAY_ZH[today.weekday]}包村工作`,
        message: `【包村工作提醒】今天下午 ${rules.contactOfficerWindowStart}–${rules.contactOfficerWindowEnd} 请到${o.villages.map((v) => v.name).join('、')}开展包村工作（不少于 ${rules.contactOfficerMinHours} 小时）。如不能前往，请提前向活动办报备。`,
        subject: { type: 'week', id: today.week },
        createdAt: today.at,
      }),
    );
}

/** (b) Community officers still short of their days this week (live, as GET /duty/week evaluates). */
async function dutyShortfalls(today: Today, officers: DutyOfficer[]): Promise<NotificationRecord[]> {
  if (today.weekday !== today.config.reminders.communityShortWeekday) return [];
  const rules = today.config.duty;
  const setting: DutySetting = { tenantId: today.tenantId, rules, timeZone: today.config.timeZone, now: today.at, reads: { items: 0 } };
  const community = officers.filter((o) => o.role === 'community_officer' && o.villages.length > 0);
  const records = await mapLimited(community, CONCURRENCY, async (o) => (await evaluateOfficerWeekFromTable(setting, o, today.week)).record);
  const daysLeft = 8 - today.weekday; // today included, up to Sunday
  return community.flatMap((o, i) => {
    const record = records[i]!;
    const days = record.daysInVillages ?? 0;
    const excused = record.excusedDates?.length ?? 0;
    if (record.status === 'met' || record.status === 'excused' || days + excused >= rules.communityOfficerMinDaysPerWeek) return [];
    const missing = rules.communityOfficerMinDaysPerWeek - days - excused;
    return [
      toOfficer(today.tenantId, o.id, 'duty_short', today.week, {
        title: `${today.week} 驻村天数`,
        message: `【驻村天数提醒】本周您已驻村 ${days} 天，每周至少 ${rules.communityOfficerMinDaysPerWeek} 天，还差 ${missing} 天；本周还剩 ${daysLeft} 天（含今天），请合理安排。`,
        subject: { type: 'week', id: today.week },
        createdAt: today.at,
      }),
    ];
  });
}

/** (c) Open make-ups due from today to `makeUpDueWithinDays` days ahead (one reminder per obligation). */
async function makeUpsDue(today: Today): Promise<NotificationRecord[]> {
  const dueTo = addDays(today.date, today.config.reminders.makeUpDueWithinDays);
  const open = await openMakeUpCompliance(today.tenantId, dueTo);
  return open.flatMap((c: StoredCompliance) => {
    const m = c.makeUp;
    if (!m || m.status !== 'open' || m.dueDate < today.date) return [];
    const unit = MAKE_UP_UNIT_LABELS[m.unit].zh;
    const remaining = m.remaining ?? m.amount;
    return [
      toOfficer(today.tenantId, c.officerId, 'make_up_due', `${c.week}#${m.absenceId}`, {
        title: `${c.week} 补课`,
        message: `【补课到期提醒】您 ${c.week} 报备后须补课 ${m.amount} ${unit}，尚差 ${remaining} ${unit}，须在 ${m.dueDate} 前完成（补课记录请在走访时标记为补课）。`,
        subject: { type: 'absence', id: m.absenceId },
        createdAt: today.at,
      }),
    ];
  });
}

/** The reminders due at `at` for the county, as outbox items (nothing written). */
export async function planReminders(tenantId: string, at: string): Promise<NotificationRecord[]> {
  const stored = await getConfigRecord(tenantId);
  const config: TenantConfig = stored ?? DEFAULT_TENANT_CONFIG;
  const date = zonedDate(at, config.timeZone);
  const today: Today = { tenantId, at, config, date, weekday: isoWeekday(date), week: isoWeekOf(at, config.timeZone) };
  const needsOfficers = today.weekday === config.duty.contactOfficerWeekday || today.weekday === config.reminders.communityShortWeekday;
  const officers = needsOfficers ? await countyDutyOfficers({ ...SYSTEM, tenantId }) : [];
  const [sessions, short, makeUps] = await Promise.all([contactSessions(today, officers), dutyShortfalls(today, officers), makeUpsDue(today)]);
  return [...sessions, ...short, ...makeUps];
}

const ALREADY_THERE = new AppError('CONFLICT', 'notification exists');

/** Writes the item unless its id is there already; true when it was new. */
async function write(record: NotificationRecord): Promise<boolean> {
  try {
    await runTransaction([putNotificationOp(record, ALREADY_THERE)]);
    return true;
  } catch (error) {
    if (error === ALREADY_THERE) return false;
    throw error;
  }
}

export async function sendReminders(tenantId: string, at: string): Promise<ReminderCounts & { delivery: DeliveryCounts }> {
  const planned = await planReminders(tenantId, at);
  const written = (await mapLimited(planned, CONCURRENCY, write)).filter(Boolean).length;
  const count = (reason: NotificationRecord['reason']) => planned.filter((n) => n.reason === reason).length;
  const delivery = await deliverPendingNotifications(tenantId, at);
  return { contactSession: count('contact_session'), dutyShort: count('duty_short'), makeUpDue: count('make_up_due'), written, delivery };
}
