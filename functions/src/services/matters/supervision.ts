import { addHours } from '@beatlink/shared';
import { MATTER_INDEXES, putEventOp, putMatterOp, queryAllMatters, type StoredMatter } from '../../data/matters';
import { putNotificationOp } from '../../data/notifications';
import { runTransaction, type TxOp } from '../../data/repository';
import { AppError } from '../../lib/app-error';
import { mapLimited } from '../../lib/bounded-pool';
import { loadMatterRules, type MatterRules } from './matter-rules';
import { planSupervision, type SupervisionChanges } from './supervision-plan';

export { planSupervision, type SupervisionChanges } from './supervision-plan';

/**
 * The supervision job (督导) for one county at one instant: reminds before a deadline, marks a
 * matter overdue after it and urges (催办), and escalates one rung of the ladder per run.
 *
 * It reads only open matters with a running deadline, through the deadline index (gsi4, sorted by
 * deadline): one Query for the deadlines up to `at + remindBeforeHours`, paged to the end — never
 * a Scan, never a closed matter or history. Each matter's changes (the matter at version + 1, its
 * timeline events, its notification outbox items) are one transaction conditional on the version
 * read: a matter someone changed meanwhile is skipped and seen again on the next run, and a run
 * repeated (or concurrent) records nothing twice.
 */
export interface SupervisionCounts {
  /** Matters read from the deadline index. */
  scanned: number;
  reminded: number;
  overdue: number;
  escalated: number;
  /** Changed by someone else between the read and the write: left for the next run. */
  skipped: number;
}

export interface SuperviseOptions {
  /** The county's rules, when the caller has them already (otherwise read from its configuration). */
  rules?: MatterRules;
  /** Matters written at once (default 8). */
  concurrency?: number;
}

/** The deadline index up to `until` (inclusive of matters due exactly then). */
export function readRunningDeadlines(tenantId: string, until: string): Promise<StoredMatter[]> {
  return queryAllMatters(tenantId, {
    index: { name: MATTER_INDEXES.deadline.index, partition: MATTER_INDEXES.deadline.partition(tenantId) },
    // Sort keys are `<deadline>#<matterId>`: `~` sorts after every id character.
    range: { lte: `${until}#~` },
  });
}

type Outcome = 'written' | 'skipped';

/**
 * Writes one matter's plan as one transaction, conditional on the version the plan was made from:
 * a matter changed since (by a user, or by a concurrent run) is skipped.
 */
export async function recordSupervision(tenantId: string, matter: StoredMatter, plan: SupervisionChanges & { next: StoredMatter }): Promise<Outcome> {
  const changed = new AppError('VERSION_CONFLICT', 'matter changed since it was read');
  const recorded = new AppError('CONFLICT', 'supervision event already recorded');
  const notified = new AppError('CONFLICT', 'notification already in the outbox');
  const base: TxOp[] = [putMatterOp(plan.next, matter.version, changed), ...plan.events.map((e) => putEventOp(tenantId, e, recorded))];
  const notifications = plan.notifications.map((n) => putNotificationOp(n, notified));
  try {
    await runTransaction([...base, ...notifications]);
    return 'written';
  } catch (error) {
    if (error === changed || error === recorded) return 'skipped';
    // An identical outbox item is there already (its step was recorded before): record the rest.
    if (error === notified) return recordSupervision(tenantId, matter, { ...plan, notifications: [] });
    // Another transaction on the same items at the same moment (a concurrent run, a user).
    if (error instanceof AppError && error.code === 'CONFLICT') return 'skipped';
    throw error;
  }
}

export async function superviseTenant(tenantId: string, at: string, options: SuperviseOptions = {}): Promise<SupervisionCounts> {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new RangeError(`at is not an ISO time: ${at}`);
  const now = time.toISOString();
  const rules = options.rules ?? (await loadMatterRules(tenantId));
  const matters = await readRunningDeadlines(tenantId, addHours(now, rules.config.remindBeforeHours));
  const counts: SupervisionCounts = { scanned: matters.length, reminded: 0, overdue: 0, escalated: 0, skipped: 0 };
  await mapLimited(matters, options.concurrency ?? 8, async (matter) => {
    const plan = planSupervision(matter, now, rules.config, { timeZone: rules.timeZone });
    if (!plan.next) return;
    if ((await recordSupervision(tenantId, matter, { ...plan, next: plan.next })) === 'skipped') {
      counts.skipped++;
      return;
    }
    if (plan.reminded) counts.reminded++;
    if (plan.overdue) counts.overdue++;
    if (plan.escalatedTo !== undefined) counts.escalated++;
  });
  return counts;
}
