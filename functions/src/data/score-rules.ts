import type { ScoreRuleDraft, ScoreRuleVersion } from '@beatlink/shared';
import { tenantPartition } from './entities/common';
import { ScoreRuleDraftEntity, ScoreRuleVersionEntity } from './entities/assessment';
import { deleteOp, getItem, putOp, queryAll, queryPage, type TxOp } from './repository';

/** A county's score rules (考核细则): published versions `v#000001`… and one draft (entities/assessment.ts). */

const partition = (tenantId: string) => tenantPartition(tenantId, 'SCORE_RULES');

type StoredVersion = ScoreRuleVersion & { tenantId: string };
type StoredDraft = ScoreRuleDraft & { tenantId: string };

const strip = <T extends { tenantId: string }>({ tenantId: _t, ...rest }: T): Omit<T, 'tenantId'> => rest;

export async function getRuleVersionRecord(tenantId: string, version: number): Promise<ScoreRuleVersion | undefined> {
  const item = await getItem<StoredVersion>(ScoreRuleVersionEntity, { tenantId, version });
  return item ? strip(item) : undefined;
}

/** The newest published version, if any was published. */
export async function latestRuleVersionRecord(tenantId: string): Promise<ScoreRuleVersion | undefined> {
  const page = await queryPage<StoredVersion>(ScoreRuleVersionEntity, { partition: partition(tenantId), range: { beginsWith: 'v#' }, reverse: true }, { limit: 1 });
  return page.items[0] ? strip(page.items[0]) : undefined;
}

/** Every published version, newest first (a county publishes a few a year: bounded). */
export async function listRuleVersionRecords(tenantId: string): Promise<ScoreRuleVersion[]> {
  const items = await queryAll<StoredVersion>(ScoreRuleVersionEntity, { partition: partition(tenantId), range: { beginsWith: 'v#' }, reverse: true });
  return items.map(strip);
}

/** A new version: fails when that number is taken (a concurrent publication). */
export function putRuleVersionOp(tenantId: string, version: ScoreRuleVersion, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ScoreRuleVersionEntity, { ...version, tenantId }, { attr: 'version', exists: false }, onConditionFailed);
}

export async function getRuleDraftRecord(tenantId: string): Promise<ScoreRuleDraft | undefined> {
  const item = await getItem<StoredDraft>(ScoreRuleDraftEntity, { tenantId });
  return item ? strip(item) : undefined;
}

/** Saves the draft: a first draft must find none, a change the version it was based on. */
export function putRuleDraftOp(tenantId: string, draft: ScoreRuleDraft, previousVersion: number | undefined, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const condition = previousVersion === undefined ? { attr: 'version', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(ScoreRuleDraftEntity, { ...draft, tenantId }, condition, onConditionFailed);
}

/** Deletes the draft that was published, only in the version that was published. */
export function deleteRuleDraftOp(tenantId: string, version: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return deleteOp(ScoreRuleDraftEntity, { tenantId }, { attr: 'version', eq: version }, onConditionFailed);
}
