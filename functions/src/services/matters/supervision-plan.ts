import { createHash } from 'node:crypto';
import {
  DEADLINE_OF_STATUS,
  DEFAULT_TENANT_CONFIG,
  ROLE_LABELS,
  activeDeadline,
  applyTransition,
  escalationLadderFor,
  isRole,
  nextEscalation,
  overdueHours,
  supervisionState,
  ulidTime,
  zoneOffsetMinutes,
  type EscalationLevel,
  type MatterConfig,
  type MatterEvent,
  type MatterEventType,
  type MatterSupervision,
  type Role,
  type TransitionName,
} from '@beatlink/shared';
import type { StoredMatter } from '../../data/matters';
import { notificationId, type NotificationAudience, type NotificationReason, type NotificationRecord } from '../../data/notifications';
import { SYSTEM_ACTOR, timelineEvent } from './matter-events';

/**
 * 督导, one matter at one instant: what the supervision job must record, as data. Pure — the
 * service reads the matters and writes each plan as one transaction.
 *
 * The markers on `matter.supervision` belong to one deadline (`supervision.deadline`): a reminder
 * and the overdue mark are recorded once per deadline, escalation one rung per run as the ladder
 * allows, so planning the planned result again gives nothing. Event and notification ids are
 * derived from the matter and its version, so two runs that read the same version write the same
 * ids (and the version condition lets only one of them through).
 */
export interface SupervisionChanges {
  /** The matter to write (version + 1), or undefined when there is nothing to record. */
  next?: StoredMatter;
  /** Timeline events, in order: reminded | overdue, urge | escalate. */
  events: MatterEvent[];
  /** Outbox items for the notification centre. */
  notifications: NotificationRecord[];
  reminded: boolean;
  overdue: boolean;
  /** The rung escalated to in this run. */
  escalatedTo?: number;
}

const NOTHING: SupervisionChanges = Object.freeze({ events: [], notifications: [], reminded: false, overdue: false }) as SupervisionChanges;

const DEADLINE_LABELS = { acceptBy: { label: '签收时限', verb: '签收' }, feedbackBy: { label: '反馈时限', verb: '反馈' } } as const;

/** Roles that are no one in a county: never notified. */
const PLATFORM_ROLES: readonly Role[] = ['platform_admin', 'province_viewer'];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function digest(...parts: Array<string | number | undefined>): Buffer {
  return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('|')).digest();
}

/**
 * A timeline event id of the run: the ULID time of `at`, then the event's place in the run (so a
 * run's events sort in the order they happened), then a digest of matter, version and place.
 */
export function supervisionEventId(matter: Pick<StoredMatter, 'id' | 'version'>, at: string, seq: number): string {
  const hash = digest('event', matter.id, matter.version, seq);
  let random = CROCKFORD[seq % 32]!;
  for (let i = 0; random.length < 16; i++) random += CROCKFORD[hash[i]! % 32];
  return `mev_${ulidTime(Date.parse(at))}${random}`;
}

/**
 * One outbox item per reason, matter, supervision cycle (assignment time and which deadline runs),
 * deadline, level and audience.
 */
export function supervisionNotificationId(parts: { reason: NotificationReason; matterId: string; cycle: string; deadline: string; level: number; audienceKey: string }): string {
  return notificationId(parts.reason, parts.matterId, parts.cycle, parts.deadline, parts.level, parts.audienceKey);
}

/** Whole hours for a Chinese note ("不足 1" below one hour). */
function hoursText(hours: number): string {
  return hours < 1 ? '不足 1' : String(Math.floor(hours));
}

/** `2030-01-01 17:00` in the county's time zone. */
function localTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Whoever holds the matter: the named officer, else the unit or agency. */
export function holderAudience(matter: StoredMatter): NotificationAudience | undefined {
  const holder = matter.holder;
  if (!holder) return undefined;
  if (holder.officerId) return { kind: 'officer', key: `OFFICER#${holder.officerId}` };
  if (holder.type === 'agency') return { kind: 'agency', key: `AGENCY#${holder.id}` };
  return { kind: 'unit', key: `UNIT#${holder.id}` };
}

/**
 * A role as an audience, scoped to the matter: a station's chief, an office's officers, a
 * workstation's contact officer, an agency's staff; the county offices county-wide.
 */
export function roleAudience(role: Role, matter: StoredMatter): NotificationAudience | undefined {
  const holder = matter.holder;
  const scoped = (scope: string | undefined) => (scope ? { kind: 'role' as const, key: `ROLE#${role}#${scope}`, roles: [role] } : undefined);
  switch (role) {
    case 'station_chief':
      return scoped(holder?.stationId ?? (holder?.type === 'station' ? holder.id : matter.stationId));
    case 'community_officer':
    case 'auxiliary':
      return scoped(holder?.type === 'office' ? holder.id : matter.officeId);
    case 'contact_officer':
      return scoped(holder?.type === 'workstation' ? holder.id : matter.workstationId);
    case 'agency_staff':
      return scoped(holder?.type === 'agency' ? holder.id : undefined);
    default:
      return PLATFORM_ROLES.includes(role) ? undefined : { kind: 'role', key: `ROLE#${role}`, roles: [role] };
  }
}

function rungAudiences(rung: EscalationLevel | undefined, matter: StoredMatter): NotificationAudience[] {
  if (!rung) return [];
  return rung.roles.filter(isRole).flatMap((role) => roleAudience(role, matter) ?? []);
}

const roleNames = (rung: EscalationLevel) => rung.roles.map((r) => ROLE_LABELS[r].zh).join('、');

export interface PlanOptions {
  /** The county's time zone, for the times in messages (default Asia/Shanghai). */
  timeZone?: string;
}

export function planSupervision(matter: StoredMatter, at: string, config: MatterConfig, options: PlanOptions = {}): SupervisionChanges {
  const deadline = activeDeadline(matter);
  const field = DEADLINE_OF_STATUS[matter.status];
  if (!deadline || !field) return NOTHING;
  const state = supervisionState(matter, at, config.remindBeforeHours);
  if (state === 'ok') return NOTHING;

  const timeZone = options.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone;
  const { label, verb } = DEADLINE_LABELS[field];
  const current: MatterSupervision = matter.supervision ?? { escalationLevel: 0, urgeCount: 0 };
  // Markers of another deadline do not count: a new deadline starts afresh.
  const sameDeadline = current.deadline === deadline;
  const supervision: MatterSupervision = sameDeadline
    ? { ...current }
    : { deadline, escalationLevel: current.escalationLevel, urgeCount: current.urgeCount };
  const ladder = escalationLadderFor(config, matter.holder?.type === 'agency' ? 'agency' : 'police');
  const cycle = `${matter.assignedAt ?? ''}#${field}`;
  const holderName = matter.holder?.name ?? '承办单位';
  const late = overdueHours(matter, at);

  const events: MatterEvent[] = [];
  const notifications: NotificationRecord[] = [];
  const event = (type: MatterEventType | TransitionName, change: Parameters<typeof timelineEvent>[4]) =>
    events.push({ ...timelineEvent(matter.id, type, SYSTEM_ACTOR, at, change), id: supervisionEventId(matter, at, events.length) });
  const notify = (reason: NotificationReason, level: number, audiences: NotificationAudience[], message: string) => {
    for (const audience of audiences) {
      if (notifications.some((n) => n.reason === reason && n.audience.key === audience.key)) continue;
      notifications.push({
        tenantId: matter.tenantId,
        id: supervisionNotificationId({ reason, matterId: matter.id, cycle, deadline, level, audienceKey: audience.key }),
        reason,
        subject: { type: 'matter', id: matter.id },
        matterId: matter.id,
        title: matter.title,
        deadline,
        level,
        audience,
        createdAt: at,
        message,
      });
    }
  };
  const holder = holderAudience(matter);
  let reminded = false;
  let overdue = false;
  let escalatedTo: number | undefined;

  if (state === 'due_soon' && !supervision.remindedAt && !supervision.overdueAt) {
    const hoursLeft = Math.round(((Date.parse(deadline) - Date.parse(at)) / 3_600_000) * 100) / 100;
    supervision.remindedAt = at;
    reminded = true;
    event('reminded', { note: `距${label}还有 ${hoursText(hoursLeft)} 小时，请按时${verb}`, data: { deadline, hoursLeft } });
    notify('deadline_near', supervision.escalationLevel, holder ? [holder] : [], `【临期提醒】事项“${matter.title}”的${label}为 ${localTime(deadline, timeZone)}，还有 ${hoursText(hoursLeft)} 小时，请按时${verb}。`);
  }

  if (state === 'overdue') {
    const escalation = nextEscalation(ladder, supervision.escalationLevel, matter, at);
    const escalationAudiences = escalation ? rungAudiences(escalation.rung, matter) : [];
    if (!supervision.overdueAt) {
      // The table decides whether the job may urge in this status (it throws otherwise).
      const { to } = applyTransition('urge', matter.status, 'system');
      const hours = Math.round(late * 100) / 100;
      supervision.overdueAt = at;
      supervision.urgeCount += 1;
      overdue = true;
      const urgeNote = late >= 1 ? `已超过${label} ${hoursText(late)} 小时，请尽快办理` : `已超过${label}，请尽快办理`;
      event('overdue', { note: `已超过${label}（${localTime(deadline, timeZone)}）`, data: { deadline, overdueHours: hours } });
      event('urge', { from: matter.status, to, note: urgeNote, data: { deadline, urgeCount: supervision.urgeCount } });
      notify('overdue', supervision.escalationLevel, holder ? [holder] : [], `【超期催办】事项“${matter.title}”${urgeNote}。`);
      // The next level up hears of it, unless this run escalates to it (the escalation says more).
      const upward = rungAudiences(ladder[supervision.escalationLevel + 1], matter).filter((a) => !escalationAudiences.some((e) => e.key === a.key));
      notify('overdue', supervision.escalationLevel, upward, `【超期】${holderName}承办的事项“${matter.title}”已超过${label}${late >= 1 ? ` ${hoursText(late)} 小时` : ''}仍未${verb}。`);
    }
    if (escalation) {
      const { to } = applyTransition('escalate', matter.status, 'system');
      supervision.escalationLevel = escalation.level;
      escalatedTo = escalation.level;
      const note = `超过${label}${late >= 1 ? ` ${hoursText(late)} 小时` : ''}仍未${verb}，升级至${roleNames(escalation.rung)}督办`;
      event('escalate', { from: matter.status, to, note, data: { level: escalation.level, roles: [...escalation.rung.roles] } });
      notify('escalated', escalation.level, escalationAudiences, `【升级督办】${holderName}承办的事项“${matter.title}”${note}。`);
    }
  }

  if (events.length === 0) return NOTHING;
  const next: StoredMatter = { ...matter, supervision, version: matter.version + 1, updatedAt: at, updatedBy: SYSTEM_ACTOR.username };
  return { next, events, notifications, reminded, overdue, ...(escalatedTo !== undefined ? { escalatedTo } : {}) };
}
