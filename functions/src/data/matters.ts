import { activeDeadline, type DisputeRecord, type Matter, type MatterEvent, type MatterStatus, type Page } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import type { IndexName } from './client';
import { tenantPartition } from './entities/common';
import { DisputeEntity, MatterEntity, MatterEventEntity } from './entities/matters';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type QuerySpec, type TxOp } from './repository';

/** A matter as stored: the reporter's phone only encrypted, beside its masked form. */
export type StoredReporter = { name: string; phoneMasked: string; phoneCipher: string };
export type StoredMatter = Omit<Matter, 'reporter'> & { reporter?: StoredReporter };

export type StoredParty = { name: string; role: DisputeRecord['parties'][number]['role']; phoneMasked?: string; phoneCipher?: string };
export type StoredDispute = Omit<DisputeRecord, 'parties'> & { parties: StoredParty[] };

/**
 * The stages of the stage index: the statuses a desk works on together. Triage and reopened wait
 * for the office; assigned and accepted are in someone's hands; feedback given and verified wait
 * for the office's verification and close.
 */
export function stageOf(status: MatterStatus): 'triage' | 'in_hand' | 'review' | 'closed' {
  switch (status) {
    case 'triage':
    case 'reopened':
      return 'triage';
    case 'assigned':
    case 'accepted':
      return 'in_hand';
    case 'feedback_given':
    case 'verified':
      return 'review';
    default:
      return 'closed';
  }
}

const base = (tenantId: string) => tenantPartition(tenantId, 'MATTER');

/**
 * The inbox indexes of a matter (one GSI each, see table-definition.ts). Every entry but the
 * deadline one sorts by intake time, so a date range is a key condition.
 */
export const MATTER_INDEXES = {
  village: { index: 'gsi1', partition: (t: string, villageId: string) => `${base(t)}#VILLAGE#${villageId}` },
  stage: { index: 'gsi2', partition: (t: string, stage: ReturnType<typeof stageOf>) => `${base(t)}#STAGE#${stage}` },
  holder: { index: 'gsi3', partition: (t: string, holderId: string) => `${base(t)}#HOLDER#${holderId}` },
  /** Only matters with a running deadline (assigned, accepted), ordered by it: supervision reads this. */
  deadline: { index: 'gsi4', partition: (t: string) => `${base(t)}#DEADLINE` },
  station: { index: 'gsi5', partition: (t: string, stationId: string) => `${base(t)}#STATION#${stationId}` },
  office: { index: 'gsi6', partition: (t: string, officeId: string) => `${base(t)}#OFFICE#${officeId}` },
  workstation: { index: 'gsi7', partition: (t: string, workstationId: string) => `${base(t)}#WORKSTATION#${workstationId}` },
  reporter: { index: 'gsi8', partition: (t: string, username: string) => `${base(t)}#REPORTER#${username}` },
} as const satisfies Record<string, { index: IndexName; partition: (...args: never[]) => string }>;

export function matterIndexKeys(tenantId: string, m: StoredMatter): Record<string, string | undefined> {
  const byTime = `${m.createdAt}#${m.id}`;
  const deadline = activeDeadline(m);
  return {
    gsi1pk: MATTER_INDEXES.village.partition(tenantId, m.villageId),
    gsi1sk: byTime,
    gsi2pk: MATTER_INDEXES.stage.partition(tenantId, stageOf(m.status)),
    gsi2sk: byTime,
    gsi3pk: m.holder ? MATTER_INDEXES.holder.partition(tenantId, m.holder.id) : undefined,
    gsi3sk: m.holder ? byTime : undefined,
    gsi4pk: deadline ? MATTER_INDEXES.deadline.partition(tenantId) : undefined,
    gsi4sk: deadline ? `${deadline}#${m.id}` : undefined,
    gsi5pk: MATTER_INDEXES.station.partition(tenantId, m.stationId),
    gsi5sk: byTime,
    gsi6pk: MATTER_INDEXES.office.partition(tenantId, m.officeId),
    gsi6sk: byTime,
    gsi7pk: MATTER_INDEXES.workstation.partition(tenantId, m.workstationId),
    gsi7sk: byTime,
    gsi8pk: MATTER_INDEXES.reporter.partition(tenantId, m.createdBy),
    gsi8sk: byTime,
  };
}

function fromItem(item: Record<string, unknown>): StoredMatter {
  return withoutIndexKeys<StoredMatter>(item);
}

export async function getMatterRecord(tenantId: string, id: string): Promise<StoredMatter | undefined> {
  const item = await getItem<Record<string, unknown>>(MatterEntity, { tenantId, id });
  return item ? fromItem(item) : undefined;
}

/**
 * Writes the whole matter with its index keys: a new one must not exist; a change must find the
 * version it was based on (a lost update is a 409).
 */
export function putMatterOp(matter: StoredMatter, previousVersion: number | undefined, onConditionFailed: TxOp['onConditionFailed'] = versionConflict()): TxOp {
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(MatterEntity, { ...matter, ...matterIndexKeys(matter.tenantId, matter) }, condition, onConditionFailed);
}

export type MatterQuery = Omit<QuerySpec, 'partition'>;

/** One page of matters from the base partition (`index` absent) or one of MATTER_INDEXES. */
export async function queryMatters(tenantId: string, query: MatterQuery, page: PageRequest): Promise<Page<StoredMatter>> {
  const result = await queryPage<Record<string, unknown>>(MatterEntity, { ...query, partition: base(tenantId) }, page);
  return { ...result, items: result.items.map(fromItem) };
}

/** Every matter of a bounded index range (a village's last days, the running deadlines up to now). */
export async function queryAllMatters(tenantId: string, query: MatterQuery): Promise<StoredMatter[]> {
  const items = await queryAll<Record<string, unknown>>(MatterEntity, { ...query, partition: base(tenantId) });
  return items.map(fromItem);
}

// ---- Timeline ----

export function eventSortKey(event: Pick<MatterEvent, 'at' | 'id'>): string {
  return `${event.at}#${event.id}`;
}

/** Events are immutable: a put that finds one already there fails. */
export function putEventOp(tenantId: string, event: MatterEvent, onConditionFailed: TxOp['onConditionFailed'] = versionConflict()): TxOp {
  return putOp(MatterEventEntity, { ...event, tenantId, sortKey: eventSortKey(event) }, { attr: 'id', exists: false }, onConditionFailed);
}

export async function listMatterEvents(tenantId: string, matterId: string): Promise<MatterEvent[]> {
  const items = await queryAll<Record<string, unknown>>(MatterEventEntity, { partition: `${tenantPartition(tenantId, 'MATTER_EVENT')}#${matterId}` });
  return items.map(({ tenantId: _t, sortKey: _s, ...event }) => event as unknown as MatterEvent);
}

// ---- Disputes ----

export async function getDisputeRecord(tenantId: string, matterId: string): Promise<StoredDispute | undefined> {
  const item = await getItem<Record<string, unknown>>(DisputeEntity, { tenantId, matterId });
  if (!item) return undefined;
  const { tenantId: _t, ...record } = item;
  return record as unknown as StoredDispute;
}

export function putDisputeOp(tenantId: string, record: StoredDispute, previousVersion: number | undefined, onConditionFailed: TxOp['onConditionFailed'] = versionConflict()): TxOp {
  const condition = previousVersion === undefined ? { attr: 'matterId', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(DisputeEntity, { ...record, tenantId }, condition, onConditionFailed);
}

/** The dispute records of matters taken in within an id range (ids sort by intake time). */
export async function listDisputeRecords(tenantId: string, idRange: [string, string]): Promise<StoredDispute[]> {
  const items = await queryAll<Record<string, unknown>>(DisputeEntity, { partition: tenantPartition(tenantId, 'DISPUTE'), range: { between: idRange } });
  return items.map(({ tenantId: _t, ...record }) => record as unknown as StoredDispute);
}
