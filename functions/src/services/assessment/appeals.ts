import {
  APPEAL_STATUS_LABELS,
  assessmentPeriodLabel,
  indicatorLabel,
  newId,
  totalOf,
  type Appeal,
  type AppealCreateInput,
  type AppealDecideInput,
  type AppealListQuery,
  type Page,
  type ScoreAdjustment,
  type SubjectScore,
} from '@beatlink/shared';
import { deleteOpenAppealGuardOp, getAppealRecord, putAppealChangeOp, putNewAppealOp, putOpenAppealGuardOp, queryAppeals } from '../../data/appeals';
import { notificationId, putNotificationOp, type NotificationRecord } from '../../data/notifications';
import { runTransaction } from '../../data/repository';
import { currentRun, getRankingRecord, getScoreRecord, putRankingChangeOp, putScoreChangeOp } from '../../data/scores';
import { conflict, forbidden, invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { rankingRows } from './scoring-run';

/**
 * 申诉: an officer contests one item of his published score; the program office accepts it (the
 * points are recorded as an adjustment, the score's totals and the group's ranking recomputed) or
 * rejects it. Each step is one transaction with its notification; one open appeal per officer,
 * period and indicator (a guard item, deleted with the decision).
 */
const appealNotFound = () => notFound('id', '申诉不存在 / appeal not found');

function guardKey(appeal: Pick<Appeal, 'tenantId' | 'officerId' | 'period' | 'indicator'>) {
  return { tenantId: appeal.tenantId, officerId: appeal.officerId, period: appeal.period, indicator: appeal.indicator };
}

/** POST /assessment/appeals. */
export async function fileAppeal(ctxIn: TenantContext, input: AppealCreateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<Appeal> {
  const ctx = requireTenant(ctxIn);
  if (!ctx.officerId) throw forbidden('只有被考核的民警本人可以申诉 / only the assessed officer may appeal');
  const at = isoNow(deps.clock);
  const run = await currentRun(ctx.tenantId, input.period);
  const score = run ? await getScoreRecord(ctx.tenantId, input.period, run.version, ctx.officerId) : undefined;
  if (!run || !score) throw invalidField('period', `${assessmentPeriodLabel(input.period)}没有您已发布的考核得分 / you have no published score for the period`);
  const item = score.items.find((i) => i.indicator === input.indicator);
  if (!item) throw invalidField('indicator', `您的考核得分中没有“${indicatorLabel(input.indicator)}”一项 / your score has no such item`);

  const appeal: Appeal = {
    id: newId('appeal', Date.parse(at)),
    tenantId: ctx.tenantId,
    period: input.period,
    runVersion: run.version,
    officerId: ctx.officerId,
    officerName: score.subject.name,
    indicator: input.indicator,
    reason: input.reason,
    status: 'open',
    itemPoints: item.points,
    version: 1,
    createdAt: at,
    createdBy: ctx.username,
    updatedAt: at,
    updatedBy: ctx.username,
  };
  const notification: NotificationRecord = {
    tenantId: ctx.tenantId,
    id: notificationId('appeal_filed', appeal.id),
    reason: 'appeal_filed',
    subject: { type: 'appeal', id: appeal.id },
    title: `考核申诉：${appeal.officerName} ${assessmentPeriodLabel(appeal.period)}`,
    message: `${appeal.officerName}对${assessmentPeriodLabel(appeal.period)}考核“${indicatorLabel(appeal.indicator)}”一项（${item.points} 分）提出申诉：${appeal.reason}`,
    audience: { kind: 'role', key: 'ROLE#program_office', roles: ['program_office'] },
    createdAt: at,
  };
  const open = conflict('indicator', '该指标已有待处理的申诉 / an appeal on this item is still open');
  await runTransaction([putOpenAppealGuardOp(guardKey(appeal), appeal.id, open), putNewAppealOp(appeal, versionConflict()), putNotificationOp(notification, versionConflict())]);
  return appeal;
}

/** GET /assessment/appeals: an officer's own; the county's (one status, one period). */
export async function listAppeals(ctxIn: TenantContext, query: Partial<AppealListQuery> & { limit: number }): Promise<Page<Appeal>> {
  const ctx = requireTenant(ctxIn);
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  if (ctx.scope !== 'tenant') {
    // Officers read their own; a station's chief has no appeals of his own (he is not assessed).
    if (!ctx.officerId) return { items: [] };
    return queryAppeals(ctx.tenantId, { officerId: ctx.officerId }, page, { ...(query.period ? { period: query.period } : {}), ...(query.status ? { status: query.status } : {}) });
  }
  return queryAppeals(ctx.tenantId, query.status ? { status: query.status } : {}, page, query.period ? { period: query.period } : undefined);
}

/** GET /assessment/appeals/{id}: an officer's own only. */
export async function getAppeal(ctxIn: TenantContext, id: string): Promise<Appeal> {
  const ctx = requireTenant(ctxIn);
  const appeal = await getAppealRecord(ctx.tenantId, id);
  if (!appeal || (ctx.scope !== 'tenant' && appeal.officerId !== ctx.officerId)) throw appealNotFound();
  return appeal;
}

/** POST /assessment/appeals/{id}/decide. */
export async function decideAppeal(ctxIn: TenantContext, id: string, input: AppealDecideInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<Appeal> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const appeal = await getAppealRecord(ctx.tenantId, id);
  if (!appeal) throw appealNotFound();
  if (appeal.status !== 'open') throw conflict('id', `申诉已处理（${APPEAL_STATUS_LABELS[appeal.status]}） / the appeal is already decided`);
  if (appeal.version !== input.version) throw versionConflict();

  const accept = input.decision === 'accept';
  const decided: Appeal = {
    ...appeal,
    status: accept ? 'accepted' : 'rejected',
    decision: { ...(accept ? { points: input.points! } : {}), reason: input.reason, at, by: ctx.username, byName: ctx.name },
    version: appeal.version + 1,
    updatedAt: at,
    updatedBy: ctx.username,
  };
  const label = `${assessmentPeriodLabel(appeal.period)}考核“${indicatorLabel(appeal.indicator)}”`;
  const notification: NotificationRecord = {
    tenantId: ctx.tenantId,
    id: notificationId('appeal_decided', appeal.id),
    reason: 'appeal_decided',
    subject: { type: 'appeal', id: appeal.id },
    title: `申诉处理结果：${APPEAL_STATUS_LABELS[decided.status]}`,
    message: accept ? `您对${label}的申诉已采纳，调整 ${input.points! > 0 ? '+' : ''}${input.points} 分：${input.reason}` : `您对${label}的申诉未予采纳：${input.reason}`,
    audience: { kind: 'officer', key: `OFFICER#${appeal.officerId}` },
    createdAt: at,
  };
  const ops = [putAppealChangeOp(decided, appeal.version, versionConflict()), deleteOpenAppealGuardOp(guardKey(appeal), appeal.id, versionConflict()), putNotificationOp(notification, versionConflict())];

  if (accept) {
    // The adjustment lands on the version in force (a recomputation since filing carries earlier adjustments forward).
    const run = await currentRun(ctx.tenantId, appeal.period);
    const score = run ? await getScoreRecord(ctx.tenantId, appeal.period, run.version, appeal.officerId) : undefined;
    const ranking = run && score ? await getRankingRecord(ctx.tenantId, appeal.period, run.version, score.group.key) : undefined;
    if (!score || !ranking) throw appealNotFound();
    const adjustment: ScoreAdjustment = { appealId: appeal.id, indicator: appeal.indicator, points: input.points!, reason: input.reason, at, by: ctx.username, byName: ctx.name };
    const adjustments = [...score.adjustments, adjustment];
    const adjusted: SubjectScore = { ...score, ...totalOf(score.items, adjustments), adjustments, version: score.version + 1 };
    const rows = rankingRows(
      ranking.rows.map((r) => ({
        total: r.subjectId === score.subject.id ? adjusted.total : r.total,
        subject: { kind: 'officer' as const, id: r.subjectId, name: r.name, ...(r.policeNumber ? { policeNumber: r.policeNumber } : {}), ...(r.stationName ? { stationName: r.stationName } : {}), ...(r.unitName ? { unitName: r.unitName } : {}) },
      })),
    );
    ops.push(putScoreChangeOp(adjusted, score.version, versionConflict()), putRankingChangeOp(ctx.tenantId, { ...ranking, rows, version: ranking.version + 1, updatedAt: at }, ranking.version, versionConflict()));
  }
  await runTransaction(ops);
  return decided;
}
