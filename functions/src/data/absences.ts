import type { Page } from '@beatlink/shared';
import type { Absence, AbsenceStatus } from '@beatlink/shared/duty/absences';
import { versionConflict } from '../lib/app-error';
import type { Condition } from './conditions';
import { tenantPartition } from './entities/common';
import { AbsenceEntity } from './entities/absences';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type SortKeyRange, type TxOp } from './repository';
import { claimUniqueOp, releaseUniqueOp, type UniqueValue } from './unique-values';

export type StoredAbsence = Absence & { tenantId: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'ABSENCE');
export const officerAbsencesPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#OFFICER#${officerId}`;
export const statusAbsencesPartition = (tenantId: string, status: AbsenceStatus) => `${base(tenantId)}#STATUS#${status}`;

function indexKeys(tenantId: string, a: StoredAbsence) {
  const byDate = `${a.date}#${a.id}`;
  return { gsi1pk: officerAbsencesPartition(tenantId, a.officerId), gsi1sk: byDate, gsi2pk: statusAbsencesPartition(tenantId, a.status), gsi2sk: byDate };
}

/** One pending or approved absence per officer and date: held while the report stands, released on rejection. */
export function absenceSlot(tenantId: string, officerId: string, date: string): UniqueValue {
  return {
    scope: `${base(tenantId)}_SLOT`,
    value: `${officerId}#${date}`,
    path: 'date',
    message: '该日已有待审批或已批准的报备 / an absence for this date is already pending or approved',
    releaseOnDeactivate: true,
  };
}

export const claimAbsenceSlotOp = (a: StoredAbsence, at: string): TxOp =>
  claimUniqueOp(absenceSlot(a.tenantId, a.officerId, a.date), { kind: 'absence', id: a.id, tenantId: a.tenantId }, at);
export const releaseAbsenceSlotOp = (a: StoredAbsence): TxOp => releaseUniqueOp(absenceSlot(a.tenantId, a.officerId, a.date), { kind: 'absence', id: a.id, tenantId: a.tenantId });

export async function getAbsenceRecord(tenantId: string, id: string): Promise<StoredAbsence | undefined> {
  const item = await getItem<Record<string, unknown>>(AbsenceEntity, { tenantId, id });
  return item ? withoutIndexKeys<StoredAbsence>(item) : undefined;
}

/** A new absence must not exist; a decision must find the version it was based on. */
export function putAbsenceOp(absence: StoredAbsence, previousVersion: number | undefined): TxOp {
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(AbsenceEntity, { ...absence, ...indexKeys(absence.tenantId, absence) }, condition, versionConflict());
}

/** Which absences: an officer's, the county's of one status (both by date), or the county's (by filing). */
export type AbsenceIndex = { by: 'officer'; officerId: string } | { by: 'status'; status: AbsenceStatus } | { by: 'tenant' };

/** One page of absences, newest first; `range` bounds the date for the officer and status indexes. */
export async function queryAbsences(tenantId: string, index: AbsenceIndex, range: SortKeyRange | undefined, filter: Condition | undefined, page: PageRequest): Promise<Page<StoredAbsence>> {
  const spec =
    index.by === 'tenant'
      ? { partition: base(tenantId), reverse: true, filter }
      : {
          partition: base(tenantId),
          index: index.by === 'officer' ? { name: 'gsi1' as const, partition: officerAbsencesPartition(tenantId, index.officerId) } : { name: 'gsi2' as const, partition: statusAbsencesPartition(tenantId, index.status) },
          range,
          reverse: true,
          filter,
        };
  const result = await queryPage<Record<string, unknown>>(AbsenceEntity, spec, page);
  return { ...result, items: result.items.map((i) => withoutIndexKeys<StoredAbsence>(i)) };
}

/** Every absence of an officer with a date in [from, to] (local dates): one week's, for the duty rules. */
export async function officerAbsencesBetween(tenantId: string, officerId: string, from: string, to: string): Promise<StoredAbsence[]> {
  const items = await queryAll<Record<string, unknown>>(AbsenceEntity, {
    partition: base(tenantId),
    index: { name: 'gsi1', partition: officerAbsencesPartition(tenantId, officerId) },
    range: { between: [from, `${to}~`] },
  });
  return items.map((i) => withoutIndexKeys<StoredAbsence>(i));
}
