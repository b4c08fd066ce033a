import type { Entity } from 'dynamodb-toolbox/entity';
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut';
import { BatchWriteCommand, execute as executeBatchWrite } from 'dynamodb-toolbox/table/actions/batchWrite';
import type { AssessmentPeriodType, GroupRanking, Page, ScoreRun, SubjectScore } from '@beatlink/shared';
import { table } from './client';
import type { Condition } from './conditions';
import { tenantPartition } from './entities/common';
import { GroupRankingEntity, runSortKey, ScoreRunEntity, scorePartition, SubjectScoreEntity } from './entities/assessment';
import { getItem, putOp, queryAll, queryPage, updateOp, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/**
 * Scoring runs, subject scores and group rankings (entities/assessment.ts). A run first claims
 * its version (the run item, `computing`, written on condition it does not exist), so only one
 * run ever writes a version's scores and rankings (batches, unread while computing); then one
 * transaction publishes it and supersedes the version it replaces.
 */

const runBase = (tenantId: string) => tenantPartition(tenantId, 'SCORE_RUN');
export const runsByTypePartition = (tenantId: string, type: AssessmentPeriodType) => `${runBase(tenantId)}#BY#${type}`;
export const subjectScoresPartition = (tenantId: string, subjectId: string) => `${tenantPartition(tenantId, 'SCORE')}#SUBJECT#${subjectId}`;

type Stored = Record<string, unknown>;

// ---- Runs ----

function runItem(run: ScoreRun): Stored {
  return { ...run, gsi1pk: runsByTypePartition(run.tenantId, run.periodType), gsi1sk: runSortKey(run.period, run.version) };
}

export async function getRunRecord(tenantId: string, period: string, version: number): Promise<ScoreRun | undefined> {
  const item = await getItem<Stored>(ScoreRunEntity, { tenantId, period, version });
  return item ? withoutIndexKeys<ScoreRun>(item) : undefined;
}

/** The newest run version of a period (published or, after a failed publication, none). */
export async function latestRunRecord(tenantId: string, period: string): Promise<ScoreRun | undefined> {
  const page = await queryPage<ScoreRun>(ScoreRunEntity, { partition: runBase(tenantId), range: { beginsWith: `${period}#` }, reverse: true }, { limit: 1 });
  return page.items[0];
}

/** The run in force for a period: its latest published version (older versions are superseded). */
export async function currentRun(tenantId: string, period: string): Promise<ScoreRun | undefined> {
  // Newest first: a version being computed (at most one) may lead the one in force.
  const page = await queryPage<ScoreRun>(ScoreRunEntity, { partition: runBase(tenantId), range: { beginsWith: `${period}#` }, reverse: true }, { limit: 3 });
  return page.items.find((r) => r.status === 'published');
}

/** The newest published run of a period type (the default period of the score pages). */
export async function latestPublishedRun(tenantId: string, type: AssessmentPeriodType): Promise<ScoreRun | undefined> {
  const page = await queryPage<ScoreRun>(
    ScoreRunEntity,
    { partition: runBase(tenantId), index: { name: 'gsi1', partition: runsByTypePartition(tenantId, type) }, reverse: true, filter: { attr: 'status', eq: 'published' } },
    { limit: 1 },
  );
  return page.items[0];
}

/** One page of runs, newest period (and version) first; one period type or both. */
export function queryRuns(tenantId: string, type: AssessmentPeriodType | undefined, page: PageRequest): Promise<Page<ScoreRun>> {
  return queryPage<ScoreRun>(ScoreRunEntity, { partition: runBase(tenantId), ...(type ? { index: { name: 'gsi1' as const, partition: runsByTypePartition(tenantId, type) } } : {}), reverse: true }, page);
}

/** The claim of a version: fails when that version of the period exists (a concurrent run has it). */
export function claimRunOp(run: ScoreRun, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ScoreRunEntity, runItem(run), { attr: 'version', exists: false }, onConditionFailed);
}

/** Takes over a version whose claim expired (its run stopped): on condition nobody took it meanwhile. */
export function takeOverRunOp(run: ScoreRun, previousClaim: string | undefined, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ScoreRunEntity, runItem(run), { and: [{ attr: 'status', eq: 'computing' }, previousClaim ? { attr: 'claimedAt', eq: previousClaim } : { attr: 'claimedAt', exists: false }] }, onConditionFailed);
}

/** The publication of a claimed version: on condition the claim is still this run's. */
export function publishRunOp(run: ScoreRun, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ScoreRunEntity, runItem({ ...run, status: 'published' }), { and: [{ attr: 'status', eq: 'computing' }, { attr: 'claimedAt', eq: run.claimedAt! }] }, onConditionFailed);
}

/** The version a recomputation replaces, marked superseded on condition it is still published. */
export function supersedeRunOp(run: ScoreRun, at: string, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return updateOp(ScoreRunEntity, { tenantId: run.tenantId, period: run.period, version: run.version, status: 'superseded', supersededAt: at }, { attr: 'status', eq: 'published' }, onConditionFailed);
}

// ---- Scores ----

function scoreItem(score: SubjectScore): Stored {
  const { rank: _r, groupSize: _g, ...rest } = score;
  return {
    ...rest,
    subjectId: score.subject.id,
    ...(score.subject.stationId ? { stationId: score.subject.stationId } : {}),
    gsi1pk: subjectScoresPartition(score.tenantId, score.subject.id),
    gsi1sk: runSortKey(score.period, score.runVersion),
  };
}

const fromScoreItem = (item: Stored): SubjectScore => {
  const { subjectId: _s, stationId: _st, ...rest } = withoutIndexKeys<Stored>(item);
  return rest as unknown as SubjectScore;
};

export async function getScoreRecord(tenantId: string, period: string, runVersion: number, subjectId: string): Promise<SubjectScore | undefined> {
  const item = await getItem<Stored>(SubjectScoreEntity, { tenantId, period, runVersion, subjectId });
  return item ? fromScoreItem(item) : undefined;
}

/** One page of a run version's scores (officers `ofr_`, agencies `agy_`, or both), by subject id. */
export async function queryRunScores(tenantId: string, period: string, runVersion: number, page: PageRequest, options: { prefix?: 'ofr_' | 'agy_'; filter?: Condition } = {}): Promise<Page<SubjectScore>> {
  const result = await queryPage<Stored>(
    SubjectScoreEntity,
    { partition: scorePartition(tenantId, period, runVersion), ...(options.prefix ? { range: { beginsWith: options.prefix } } : {}), ...(options.filter ? { filter: options.filter } : {}) },
    page,
  );
  return { ...result, items: result.items.map(fromScoreItem) };
}

/** Every score of a run version (a county's officers and agencies: a few hundred items). */
export async function allRunScores(tenantId: string, period: string, runVersion: number, prefix?: 'ofr_' | 'agy_'): Promise<SubjectScore[]> {
  const items = await queryAll<Stored>(SubjectScoreEntity, { partition: scorePartition(tenantId, period, runVersion), ...(prefix ? { range: { beginsWith: prefix } } : {}) });
  return items.map(fromScoreItem);
}

/** One page of a subject's scores over the periods, newest first (every run version). */
export async function querySubjectScores(tenantId: string, subjectId: string, page: PageRequest, period?: string): Promise<Page<SubjectScore>> {
  const result = await queryPage<Stored>(
    SubjectScoreEntity,
    { partition: tenantPartition(tenantId, 'SCORE'), index: { name: 'gsi1', partition: subjectScoresPartition(tenantId, subjectId) }, ...(period ? { range: { beginsWith: `${period}#` } } : {}), reverse: true },
    page,
  );
  return { ...result, items: result.items.map(fromScoreItem) };
}

/** A change of a published score (an accepted appeal): must find the version it was based on. */
export function putScoreChangeOp(score: SubjectScore, previousVersion: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(SubjectScoreEntity, scoreItem(score), { attr: 'version', eq: previousVersion }, onConditionFailed);
}

// ---- Rankings ----

const rankingItem = (tenantId: string, r: GroupRanking): Stored => ({ ...r, tenantId, groupKey: r.group.key });
const fromRankingItem = (item: Stored): GroupRanking => {
  const { tenantId: _t, groupKey: _g, ...rest } = item;
  return rest as unknown as GroupRanking;
};

export async function getRankingRecord(tenantId: string, period: string, runVersion: number, groupKey: string): Promise<GroupRanking | undefined> {
  const item = await getItem<Stored>(GroupRankingEntity, { tenantId, period, runVersion, groupKey });
  return item ? fromRankingItem(item) : undefined;
}

/** Every group's ranking of a run version (a handful of groups). */
export async function runRankings(tenantId: string, period: string, runVersion: number): Promise<GroupRanking[]> {
  const items = await queryAll<Stored>(GroupRankingEntity, { partition: scorePartition(tenantId, period, runVersion), range: { beginsWith: 'rank#' } });
  return items.map(fromRankingItem);
}

export function putRankingChangeOp(tenantId: string, ranking: GroupRanking, previousVersion: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(GroupRankingEntity, rankingItem(tenantId, ranking), { attr: 'version', eq: previousVersion }, onConditionFailed);
}

// ---- Unpublished writes (before the run item) ----

/** DynamoDB's limit of requests per BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;

async function batchPut(entity: Entity, items: readonly Stored[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) {
    const requests = items.slice(i, i + BATCH_WRITE_LIMIT).map((item) => entity.build(BatchPutRequest).item(item as never));
    const result = await executeBatchWrite({ maxAttempts: 10 }, table.build(BatchWriteCommand).requests(...(requests as [never])));
    const left = Object.values(result.UnprocessedItems ?? {}).flat().length;
    if (left > 0) throw new Error(`BatchWrite left ${left} score items unprocessed`);
  }
}

/**
 * A run version's scores and rankings, overwritten if a failed attempt left some: they are not
 * published (nothing reads a version whose run item does not exist), so a plain put is safe.
 */
export async function putRunResults(tenantId: string, scores: readonly SubjectScore[], rankings: readonly GroupRanking[]): Promise<void> {
  await batchPut(SubjectScoreEntity, scores.map(scoreItem));
  await batchPut(GroupRankingEntity, rankings.map((r) => rankingItem(tenantId, r)));
}
