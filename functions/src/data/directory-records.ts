import type { Page } from '@beatlink/shared';
import type { Entity } from 'dynamodb-toolbox/entity';
import { $add, $remove, $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { canonicalJson } from '../lib/canonical-json';
import type { TenantScopedContext } from '../lib/tenant-context';
import type { IndexName } from './client';
import type { Condition } from './conditions';
import { tenantPartition } from './entities/common';
import { AgencyEntity, AgencyStaffEntity, OfficerEntity } from './entities/people';
import { DepartmentEntity, OfficeEntity, StationEntity, VillageEntity, WorkstationEntity } from './entities/units';
import {
  deleteOp,
  getItem,
  putOp,
  queryAll,
  queryPage,
  updateOp,
  withoutIndexKeys,
  type PageRequest,
  type QuerySpec,
  type TxOp,
} from './repository';

/** The directory's record types and where each lives. */
export const DIRECTORY_KINDS = ['station', 'office', 'workstation', 'village', 'department', 'officer', 'agency', 'agencyStaff'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const ENTITIES: Record<DirectoryKind, Entity> = {
  station: StationEntity,
  office: OfficeEntity,
  workstation: WorkstationEntity,
  village: VillageEntity,
  department: DepartmentEntity,
  officer: OfficerEntity,
  agency: AgencyEntity,
  agencyStaff: AgencyStaffEntity,
};

const TYPES: Record<DirectoryKind, string> = {
  station: 'STATION',
  office: 'OFFICE',
  workstation: 'WORKSTATION',
  village: 'VILLAGE',
  department: 'DEPARTMENT',
  officer: 'OFFICER',
  agency: 'AGENCY',
  agencyStaff: 'AGENCY_STAFF',
};

/** Parents a list can be asked for: gsi1/gsi2 partitions `T#<t>#<TYPE>#BY#<PARENT>#<parentId>`. */
export type ParentKind = 'station' | 'office' | 'workstation' | 'department' | 'agency';

export const partitionOf = (tenantId: string, kind: DirectoryKind): string => tenantPartition(tenantId, TYPES[kind]);

export const childPartition = (tenantId: string, kind: DirectoryKind, parent: ParentKind, parentId: string): string =>
  `${partitionOf(tenantId, kind)}#BY#${TYPES[parent as DirectoryKind]}#${parentId}`;

type Fields = Record<string, unknown>;
type IndexKeys = { gsi1pk?: string; gsi1sk?: string; gsi2pk?: string; gsi2sk?: string };

const sortKey = (record: Fields): string => `${String(record.name)}#${String(record.id)}`;

/** The index entries of a record: children lists under their parents, sorted by name. */
export function indexKeysOf(tenantId: string, kind: DirectoryKind, record: Fields): IndexKeys {
  const under = (parent: ParentKind, id: unknown) => (typeof id === 'string' ? childPartition(tenantId, kind, parent, id) : undefined);
  let gsi1pk: string | undefined;
  let gsi2pk: string | undefined;
  switch (kind) {
    case 'office':
      gsi1pk = under('station', record.stationId);
      break;
    case 'workstation':
      gsi1pk = under('office', record.officeId);
      break;
    case 'village':
      gsi1pk = under('office', record.officeId);
      gsi2pk = under('workstation', record.workstationId);
      break;
    case 'officer':
      gsi1pk = under('station', record.stationId) ?? under('department', record.departmentId);
      break;
    case 'agencyStaff':
      gsi1pk = under('agency', record.agencyId);
      break;
    default:
      break;
  }
  return {
    gsi1pk,
    gsi1sk: gsi1pk ? sortKey(record) : undefined,
    gsi2pk,
    gsi2sk: gsi2pk ? sortKey(record) : undefined,
  };
}

/** The stored item → the API record: no tenant id, no index keys. */
function toRecord<T>(item: Fields): T {
  const { tenantId: _tenantId, ...rest } = withoutIndexKeys<Fields>(item);
  return rest as T;
}

export const recordKey = (tenantId: string, id: string) => ({ tenantId, id });

export async function getRecord<T>(tenant: TenantScopedContext, kind: DirectoryKind, id: string): Promise<T | undefined> {
  const item = await getItem<Fields>(ENTITIES[kind], recordKey(tenant.tenantId, id));
  return item ? toRecord<T>(item) : undefined;
}

export interface RecordQuery {
  /** List the children of one parent instead of the whole partition. */
  under?: { index: IndexName; parent: ParentKind; parentId: string };
  filter?: Condition;
}

function querySpec(tenantId: string, kind: DirectoryKind, query: RecordQuery): QuerySpec {
  const partition = partitionOf(tenantId, kind);
  if (!query.under) return { partition, filter: query.filter };
  return {
    partition,
    index: { name: query.under.index, partition: childPartition(tenantId, kind, query.under.parent, query.under.parentId) },
    filter: query.filter,
  };
}

export async function listRecords<T>(tenant: TenantScopedContext, kind: DirectoryKind, query: RecordQuery, page: PageRequest): Promise<Page<T>> {
  const result = await queryPage<Fields>(ENTITIES[kind], querySpec(tenant.tenantId, kind, query), page);
  return { ...result, items: result.items.map((i) => toRecord<T>(i)) };
}

export async function listAllRecords<T>(tenant: TenantScopedContext, kind: DirectoryKind, query: RecordQuery = {}): Promise<T[]> {
  const items = await queryAll<Fields>(ENTITIES[kind], querySpec(tenant.tenantId, kind, query));
  return items.map((i) => toRecord<T>(i));
}

/*
 * Writes. Each returns a transaction op; services put them together with the claims on other
 * records so that a change and everything it implies commit or fail as one.
 */

const isPlainObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** What to SET and REMOVE to turn `before` into `after` (index keys included). */
export function changesBetween(tenant: TenantScopedContext, kind: DirectoryKind, before: Fields, after: Fields): { set: Fields; remove: string[] } {
  const { tenantId } = tenant;
  const set: Fields = {};
  const remove: string[] = [];
  const b: Fields = { ...before, ...indexKeysOf(tenantId, kind, before) };
  const a: Fields = { ...after, ...indexKeysOf(tenantId, kind, after) };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'id') continue;
    if (a[key] === undefined || a[key] === null) {
      if (b[key] !== undefined && b[key] !== null) remove.push(key);
    } else if (!same(a[key], b[key])) {
      set[key] = a[key];
    }
  }
  return { set, remove };
}

export function createRecordOp(tenant: TenantScopedContext, kind: DirectoryKind, record: Fields, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const { tenantId } = tenant;
  const item = { ...record, ...indexKeysOf(tenantId, kind, record), tenantId };
  return putOp(ENTITIES[kind], item, { attr: 'id', exists: false }, onConditionFailed);
}

export interface RecordChange {
  set?: Fields;
  remove?: string[];
  /** Counter increments (negative to decrement). */
  add?: Record<string, number>;
}

export function updateRecordOp(
  tenant: TenantScopedContext,
  kind: DirectoryKind,
  id: string,
  change: RecordChange,
  condition: Condition,
  onConditionFailed: TxOp['onConditionFailed'],
): TxOp {
  const item: Fields = { ...recordKey(tenant.tenantId, id) };
  // A map value replaces the stored one whole (the toolbox would otherwise merge it key by key).
  for (const [key, value] of Object.entries(change.set ?? {})) item[key] = isPlainObject(value) ? $set(value) : value;
  for (const key of change.remove ?? []) item[key] = $remove();
  for (const [key, delta] of Object.entries(change.add ?? {})) if (delta !== 0) item[key] = $add(delta);
  return updateOp(ENTITIES[kind], item, { and: [{ attr: 'id', exists: true }, condition] }, onConditionFailed);
}

/** Only used to undo a creation whose follow-up failed (nothing is ever hard-deleted otherwise). */
export function deleteRecordOp(tenant: TenantScopedContext, kind: DirectoryKind, id: string, condition: Condition, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return deleteOp(ENTITIES[kind], recordKey(tenant.tenantId, id), condition, onConditionFailed);
}
