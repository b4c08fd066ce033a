import { conflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { RevealEntity } from './entities/personal-data';
import { putOp, queryAll, type TxOp } from './repository';

/** Records whose personal fields can be revealed. */
export type RevealRecordKind = 'matter' | 'household' | 'intel';

/** One reveal as stored (`T#<t>#REVEAL` / `<at>#<id>`). */
export interface RevealRecord {
  tenantId: string;
  id: string;
  recordKind: RevealRecordKind;
  recordId: string;
  /** Which field: `reporter.phone`, `parties.0.phone`, … */
  field: string;
  reason: string;
  by: string;
  byName: string;
  byRoles: string[];
  at: string;
}

/** gsi1: one record's reveals, oldest first. */
export const revealsOfPartition = (tenantId: string, recordKind: RevealRecordKind, recordId: string): string =>
  `${tenantPartition(tenantId, 'REVEAL')}#BY#${recordKind.toUpperCase()}#${recordId}`;

export function putRevealOp(record: RevealRecord): TxOp {
  const item = { ...record, gsi1pk: revealsOfPartition(record.tenantId, record.recordKind, record.recordId), gsi1sk: `${record.at}#${record.id}` };
  return putOp(RevealEntity, item, { attr: 'id', exists: false }, conflict('id', '记录冲突，请重试 / clash, retry'));
}

/** Every reveal of one record: bounded by how often that one record's fields are looked at. */
export function queryRevealsOf(tenantId: string, recordKind: RevealRecordKind, recordId: string): Promise<RevealRecord[]> {
  return queryAll<RevealRecord>(RevealEntity, {
    partition: tenantPartition(tenantId, 'REVEAL'),
    index: { name: 'gsi1', partition: revealsOfPartition(tenantId, recordKind, recordId) },
  });
}
