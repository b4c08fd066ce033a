import {
  assessmentPeriodLabel,
  assessmentPeriodType,
  peerGroupOf,
  periodEnded,
  previousMonth,
  quarterClosedBy,
  rankGroup,
  scoreSubject,
  type GroupRanking,
  type PeerGroup,
  type RankingRow,
  type RunCreateInput,
  type ScoreAdjustment,
  type ScoreRuleVersion,
  type ScoreRun,
  type ScoreSubject,
  type SubjectScore,
} from '@beatlink/shared';
import { notificationId, putNotificationOp, type NotificationRecord } from '../../data/notifications';
import { runTransaction } from '../../data/repository';
import { allRunScores, claimRunOp, currentRun, latestRunRecord, publishRunOp, putRunResults, supersedeRunOp, takeOverRunOp } from '../../data/scores';
import { AppError, conflict, invalidField } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { countySetting } from '../analysis/period-data';
import { defaultDeps, type ServiceDeps } from '../deps';
import { readPeriodFacts, type PeriodFacts } from './period-facts';
import { currentRules } from './score-rules';

/**
 * 网上考核: a finished period scored for every active community and contact officer and every
 * active agency, ranked within peer groups. The scores and rankings of the new run version are
 * written first (batches; unpublished, since nothing reads a version whose run item is missing),
 * then the run item publishes them — a conditional put, together with the superseding of the
 * version it replaces. A period already published is returned unchanged unless a reason asks for
 * a recomputation (the job's idempotency).
 */
export const SCORING_ACTOR = { username: 'system:scoring', name: '考核计分任务' };

export interface ScoringOptions {
  at: string;
  reason?: string;
  by: { username: string; name: string };
  rules?: ScoreRuleVersion;
}

export interface ComputedScores {
  scores: SubjectScore[];
  rankings: GroupRanking[];
  groups: ScoreRun['groups'];
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Every subject's score and every group's ranking of the period, in memory (also the rule
 * preview's). `carried`: the accepted appeals' adjustments of the version in force, by subject —
 * a recomputation keeps what was decided rather than silently undoing it.
 */
export function computeScores(facts: PeriodFacts, rules: ScoreRuleVersion, runVersion: number, at: string, carried: ReadonlyMap<string, ScoreAdjustment[]> = new Map()): ComputedScores {
  const scores: SubjectScore[] = [];
  const add = (subject: ScoreSubject, set: PeerGroup['set'], group: PeerGroup, subjectFacts = {}) => {
    const adjustments = carried.get(subject.id) ?? [];
    const breakdown = scoreSubject(rules.rules[set], subjectFacts, facts.months, adjustments);
    scores.push({
      ...breakdown,
      tenantId: facts.tenantId,
      period: facts.period,
      periodType: facts.periodType,
      runVersion,
      rulesVersion: rules.version,
      subject,
      set,
      group: { key: group.key, label: group.label },
      adjustments,
      computedAt: at,
      version: 1,
    });
  };
  for (const o of facts.officers) {
    const group = peerGroupOf(o.set, rules.rules.peerGroups, o.officer.grade, o.category);
    add(o.subject, o.set, group, facts.officerFacts.get(o.officer.id));
  }
  for (const a of facts.agencies) add(a.subject, 'agency', peerGroupOf('agency', rules.rules.peerGroups), facts.agencyFacts.get(a.agency.id));

  const members = new Map<string, SubjectScore[]>();
  for (const s of scores) members.set(s.group.key, [...(members.get(s.group.key) ?? []), s]);
  const rankings: GroupRanking[] = [...members.values()]
    .map((group) => ({
      period: facts.period,
      runVersion,
      group: group[0]!.group,
      set: group[0]!.set,
      rows: rankingRows(group),
      version: 1,
      updatedAt: at,
    }))
    .sort((a, b) => byKey(a.group, b.group));
  return { scores, rankings, groups: rankings.map((r) => ({ key: r.group.key, label: r.group.label, set: r.set, size: r.rows.length })) };
}

/** A group's rows, ranked (again after an appeal changes a total). */
export function rankingRows(scores: readonly Pick<SubjectScore, 'subject' | 'total'>[]): RankingRow[] {
  return rankGroup(scores.map((s) => ({ subjectId: s.subject.id, name: s.subject.name, total: s.total, subject: s.subject }))).map(({ subject, ...r }) => ({
    subjectId: r.subjectId,
    name: r.name,
    ...(subject.policeNumber ? { policeNumber: subject.policeNumber } : {}),
    ...(subject.stationName ? { stationName: subject.stationName } : {}),
    ...(subject.unitName ? { unitName: subject.unitName } : {}),
    total: r.total,
    rank: r.rank,
  }));
}

/** "Scores published", one per officer scored, under ids fixed by period, run version and officer. */
export function scoreNotifications(run: ScoreRun, officers: ReadonlyArray<Pick<SubjectScore, 'subject' | 'total'>>): NotificationRecord[] {
  const label = assessmentPeriodLabel(run.period);
  return officers
    .filter((s) => s.subject.kind === 'officer')
    .map((s) => ({
      tenantId: run.tenantId,
      id: notificationId('score_published', run.period, run.version, s.subject.id),
      reason: 'score_published' as const,
      subject: { type: 'score' as const, id: run.period },
      title: `${label}考核结果`,
      message: `${label}考核结果已发布${run.version > 1 ? `（第 ${run.version} 版：${run.reason}）` : ''}：您的得分 ${s.total} 分。如有异议，可对具体指标提出申诉。`,
      audience: { kind: 'officer' as const, key: `OFFICER#${s.subject.id}` },
      createdAt: run.computedAt,
    }));
}

/**
 * Writes the notifications after the run item, in transactions of 25. Safe to do apart from the
 * publication: their ids are deterministic (period, version, officer) and each put is conditional,
 * so a retry (or the job run again after a crash here) completes the set and never doubles one.
 */
export async function writeScoreNotifications(records: readonly NotificationRecord[]): Promise<number> {
  const exists = new AppError('CONFLICT', 'notification already in the outbox');
  let written = 0;
  for (let i = 0; i < records.length; i += 25) {
    const chunk = records.slice(i, i + 25);
    try {
      await runTransaction(chunk.map((r) => putNotificationOp(r, exists)));
      written += chunk.length;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      for (const record of chunk) {
        try {
          await runTransaction([putNotificationOp(record, exists)]);
          written++;
        } catch (single) {
          if (!(single instanceof AppError && single.code === 'CONFLICT')) throw single;
        }
      }
    }
  }
  return written;
}

export interface ScoredPeriod {
  run: ScoreRun;
  created: boolean;
  notifications: number;
  reads: number;
}

async function assertFinished(tenantId: string, period: string, at: string): Promise<void> {
  const { timeZone } = await countySetting(tenantId);
  if (!periodEnded(period, at, timeZone)) throw invalidField('period', `${assessmentPeriodLabel(period)}尚未结束，只能对已结束的考核期计分 / only a finished period can be scored`);
}

/** The adjustments of accepted appeals in a run's scores, by subject (carried into a recomputation). */
export async function acceptedAdjustments(tenantId: string, run: Pick<ScoreRun, 'period' | 'version'>): Promise<Map<string, ScoreAdjustment[]>> {
  const scores = await allRunScores(tenantId, run.period, run.version, 'ofr_');
  return new Map(scores.filter((s) => s.adjustments.length > 0).map((s) => [s.subject.id, s.adjustments]));
}

/** A claim older than this was left by a run that stopped (a Lambda times out in 15 minutes). */
const CLAIM_TTL_MS = 20 * 60_000;

const beingComputed = () => conflict('period', '该考核期正在计算中，请稍后再试 / the period is being computed, try again shortly');

/**
 * Claims the next version of the period, or takes over a claim left by a run that stopped; a
 * claim of another live run → 409. The claim is what makes a version one run's alone.
 */
async function claimVersion(run: Omit<ScoreRun, 'version'>, latest: ScoreRun | undefined): Promise<ScoreRun> {
  const lost = beingComputed();
  if (latest?.status === 'computing') {
    if (Date.now() - Date.parse(latest.claimedAt ?? latest.computedAt) < CLAIM_TTL_MS) throw lost;
    const claimed = { ...run, version: latest.version };
    await runTransaction([takeOverRunOp(claimed, latest.claimedAt, lost)]);
    return claimed;
  }
  const claimed = { ...run, version: (latest?.version ?? 0) + 1 };
  await runTransaction([claimRunOp(claimed, lost)]);
  return claimed;
}

/**
 * Scores a finished period: claims a version, computes every score in memory from one read of
 * the period, writes the scores and rankings, then publishes the version and supersedes the one
 * it replaces in one transaction. A published period without a reason is returned as stored
 * (`created` false): the job's idempotency.
 */
export async function scorePeriod(tenantId: string, period: string, opts: ScoringOptions): Promise<ScoredPeriod> {
  await assertFinished(tenantId, period, opts.at);
  const existing = await currentRun(tenantId, period);
  if (existing && !opts.reason) return { run: existing, created: false, notifications: 0, reads: 1 };
  const rules = opts.rules ?? (await currentRules(tenantId));
  const periodType = assessmentPeriodType(period);
  const claimed = await claimVersion(
    {
      tenantId,
      period,
      periodType,
      rulesVersion: rules.version,
      reason: opts.reason ?? (opts.by.username === SCORING_ACTOR.username ? (periodType === 'month' ? '月度自动考核' : '季度自动考核') : '手动计分'),
      status: 'computing',
      officers: 0,
      agencies: 0,
      groups: [],
      computedAt: opts.at,
      computedBy: opts.by.username,
      computedByName: opts.by.name,
      claimedAt: new Date().toISOString(),
    },
    await latestRunRecord(tenantId, period),
  );
  const [facts, carried] = await Promise.all([readPeriodFacts(tenantId, period), existing ? acceptedAdjustments(tenantId, existing) : new Map<string, ScoreAdjustment[]>()]);
  const computed = computeScores(facts, rules, claimed.version, opts.at, carried);
  const run: ScoreRun = { ...claimed, officers: facts.officers.length, agencies: facts.agencies.length, groups: computed.groups };

  await putRunResults(tenantId, computed.scores, computed.rankings);
  const lost = beingComputed();
  await runTransaction([publishRunOp(run, lost), ...(existing ? [supersedeRunOp(existing, opts.at, lost)] : [])]);
  const published: ScoreRun = { ...run, status: 'published' };
  const notifications = await writeScoreNotifications(scoreNotifications(published, computed.scores));
  return { run: published, created: true, notifications, reads: facts.reads };
}

/** POST /assessment/runs: a published period is recomputed only with the reason of the new version. */
export async function createScoreRun(ctxIn: TenantContext, input: RunCreateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<ScoreRun> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  await assertFinished(ctx.tenantId, input.period, at);
  const reason = input.reason?.trim();
  if (!reason && (await currentRun(ctx.tenantId, input.period))) throw invalidField('reason', '已发布，重新计算须说明原因 / the period is published: a recomputation needs its reason');
  const { run } = await scorePeriod(ctx.tenantId, input.period, { at, by: { username: ctx.username, name: ctx.name }, ...(reason ? { reason } : {}) });
  return run;
}

export interface MonthlyScoringCounts {
  periods: Array<{ period: string; runVersion: number; created: boolean; officers: number; agencies: number; notifications: number }>;
  itemsRead: number;
}

/**
 * Job monthly-scoring: the month before `at` (county zone), and the quarter it closes. A period
 * found published is left as it is; its notifications are re-put (conditional, deterministic ids)
 * in case the run that published it stopped before writing them all.
 */
export async function monthlyScoring(tenantId: string, at: string): Promise<MonthlyScoringCounts> {
  const { timeZone } = await countySetting(tenantId);
  const month = previousMonth(at, timeZone);
  const quarter = quarterClosedBy(month);
  const counts: MonthlyScoringCounts = { periods: [], itemsRead: 0 };
  for (const period of quarter ? [month, quarter] : [month]) {
    const scored = await scorePeriod(tenantId, period, { at, by: SCORING_ACTOR });
    let notifications = scored.notifications;
    if (!scored.created) {
      const officers = await allRunScores(tenantId, period, scored.run.version, 'ofr_');
      counts.itemsRead += officers.length;
      notifications = await writeScoreNotifications(scoreNotifications(scored.run, officers));
    }
    counts.itemsRead += scored.reads;
    counts.periods.push({ period, runVersion: scored.run.version, created: scored.created, officers: scored.run.officers, agencies: scored.run.agencies, notifications });
  }
  return counts;
}
