import type { AgencyScoreQuery, AgencyScoreRow, GroupRanking, Page, RankingsQuery, RankingsView, RunListQuery, ScoreListQuery, ScoreRun, SubjectScore } from '@beatlink/shared';
import { allRunScores, currentRun, getRankingRecord, getScoreRecord, latestPublishedRun, queryRunScores, queryRuns, querySubjectScores, runRankings } from '../../data/scores';
import { forbidden, notFound } from '../../lib/app-error';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { callerStation } from '../identity/caller-station';

/**
 * Who reads which scores (网上排名). Rankings are public within the county for the offices,
 * leaders and station chiefs; an officer (scope `own`) sees his own scores and his own group's
 * ranking; a station chief the scores of his station's officers; agency staff (scope `unit`) their
 * agency's assessment. What the caller may not see is not found (404).
 */
export const runNotFound = () => notFound('period', '该考核期尚无已发布的考核结果 / no published scores for the period');
export const scoreNotFound = () => notFound('subjectId', '考核得分不存在 / score not found');

async function requireStation(ctx: TenantScopedContext): Promise<string> {
  const station = await callerStation(ctx);
  if (!station) throw forbidden('您的账号未归属派出所，无法查看考核结果 / your account belongs to no station');
  return station;
}

/** The published run of a period, or (no period) the latest published month. */
export async function runOf(tenantId: string, period: string | undefined): Promise<ScoreRun> {
  const run = period ? await currentRun(tenantId, period) : await latestPublishedRun(tenantId, 'month');
  if (!run) throw runNotFound();
  return run;
}

/** GET /assessment/runs: newest first (a county has one or two runs a month: the newest 100). */
export async function listScoreRuns(ctxIn: TenantContext, query: RunListQuery): Promise<Page<ScoreRun>> {
  const ctx = requireTenant(ctxIn);
  const page = await queryRuns(ctx.tenantId, query.periodType, { limit: 100 });
  return { items: page.items };
}

/** GET /assessment/runs/{period}/rankings: every group's (one with `group`); an officer his own group's. */
export async function getRankings(ctxIn: TenantContext, period: string, query: RankingsQuery): Promise<RankingsView> {
  const ctx = requireTenant(ctxIn);
  const run = await runOf(ctx.tenantId, period);
  let groups: GroupRanking[] = await runRankings(ctx.tenantId, period, run.version);
  if (query.group) groups = groups.filter((g) => g.group.key === query.group);
  if (ctx.scope === 'own') {
    const mine = ctx.officerId ? await getScoreRecord(ctx.tenantId, period, run.version, ctx.officerId) : undefined;
    groups = mine ? groups.filter((g) => g.group.key === mine.group.key) : [];
  }
  return { run, groups };
}

/** Only the scores that are the latest version of their period (an officer's history lists every version). */
function latestVersions(scores: SubjectScore[]): SubjectScore[] {
  const seen = new Set<string>();
  return scores.filter((s) => (seen.has(s.period) ? false : (seen.add(s.period), true)));
}

/**
 * GET /assessment/scores: an officer his own over the periods (newest first); a chief his
 * station's of a period; the offices a period's (optionally one station's), or one officer's
 * over the periods. The period defaults to the latest published month.
 */
export async function listScores(ctxIn: TenantContext, query: ScoreListQuery): Promise<Page<SubjectScore>> {
  const ctx = requireTenant(ctxIn);
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  if (ctx.scope === 'own') {
    if (!ctx.officerId || (query.officerId && query.officerId !== ctx.officerId)) throw forbidden('只能查看本人的考核得分 / only your own scores');
    const result = await querySubjectScores(ctx.tenantId, ctx.officerId, page, query.period);
    // An officer's own list is short (a page of periods): each with his rank, as the phone shows it.
    return { ...result, items: await Promise.all(latestVersions(result.items).map((s) => withRank(ctx.tenantId, s))) };
  }
  let stationId = query.stationId;
  if (ctx.scope !== 'tenant') {
    const station = await requireStation(ctx);
    if (stationId && stationId !== station) throw forbidden('只能查看本所民警的考核得分 / only your station’s scores');
    stationId = station;
  }
  if (query.officerId && !query.period) {
    const result = await querySubjectScores(ctx.tenantId, query.officerId, page);
    const items = latestVersions(result.items).filter((s) => !stationId || s.subject.stationId === stationId);
    return { ...result, items };
  }
  const run = await runOf(ctx.tenantId, query.period);
  if (query.officerId) {
    const score = await getScoreRecord(ctx.tenantId, run.period, run.version, query.officerId);
    return { items: score && (!stationId || score.subject.stationId === stationId) ? [score] : [] };
  }
  return queryRunScores(ctx.tenantId, run.period, run.version, page, stationId ? { prefix: 'ofr_', filter: { attr: 'stationId', eq: stationId } } : {});
}

/** GET /assessment/scores/{period}/{subjectId}: with its rank and group size. */
export async function getScore(ctxIn: TenantContext, period: string, subjectId: string): Promise<SubjectScore> {
  const ctx = requireTenant(ctxIn);
  if (ctx.scope === 'own' && subjectId !== ctx.officerId) throw scoreNotFound();
  if (ctx.scope !== 'tenant' && !subjectId.startsWith('ofr_')) throw scoreNotFound();
  const run = await currentRun(ctx.tenantId, period);
  if (!run) throw scoreNotFound();
  const score = await getScoreRecord(ctx.tenantId, period, run.version, subjectId);
  if (!score) throw scoreNotFound();
  if (ctx.scope === 'station' && score.subject.stationId !== (await requireStation(ctx))) throw scoreNotFound();
  return withRank(ctx.tenantId, score);
}

export async function withRank(tenantId: string, score: SubjectScore): Promise<SubjectScore> {
  const ranking = await getRankingRecord(tenantId, score.period, score.runVersion, score.group.key);
  const row = ranking?.rows.find((r) => r.subjectId === score.subject.id);
  return { ...score, ...(row ? { rank: row.rank } : {}), ...(ranking ? { groupSize: ranking.rows.length } : {}) };
}

/** GET /assessment/agency-scores: the agencies' ranking of a month (agency staff: their agency only). */
export async function listAgencyScores(ctxIn: TenantContext, query: AgencyScoreQuery): Promise<{ run: ScoreRun; items: AgencyScoreRow[] }> {
  const ctx = requireTenant(ctxIn);
  if (ctx.scope !== 'tenant' && !ctx.agencyId) throw forbidden('您的账号未归属成员单位 / your account belongs to no agency');
  const run = await runOf(ctx.tenantId, query.period);
  const [scores, ranking] = await Promise.all([allRunScores(ctx.tenantId, run.period, run.version, 'agy_'), getRankingRecord(ctx.tenantId, run.period, run.version, 'agency')]);
  const rankOf = new Map((ranking?.rows ?? []).map((r) => [r.subjectId, r.rank]));
  const items = scores
    .filter((s) => ctx.scope === 'tenant' || s.subject.id === ctx.agencyId)
    .map((score) => ({ agencyId: score.subject.id, name: score.subject.name, total: score.total, rank: rankOf.get(score.subject.id) ?? 0, score: { ...score, ...(rankOf.has(score.subject.id) ? { rank: rankOf.get(score.subject.id)! } : {}), groupSize: ranking?.rows.length ?? scores.length } }))
    .sort((a, b) => a.rank - b.rank || a.agencyId.localeCompare(b.agencyId));
  return { run, items };
}
