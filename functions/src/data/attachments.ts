import type { AttachmentStatus } from '@beatlink/shared';
import { $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AttachmentEntity } from './entities/attachments';
import { getItem, putOp, updateOp, type TxOp } from './repository';

/** An attachment as stored (`T#<t>#ATTACHMENT` / `<id>`). */
export interface AttachmentRecord {
  tenantId: string;
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  status: AttachmentStatus;
  linkedKind?: 'matter';
  linkedId?: string;
  /** Epoch seconds; only while pending. */
  expiresAt?: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export interface AttachmentLink {
  kind: 'matter';
  id: string;
}

export function getAttachmentRecord(tenantId: string, id: string): Promise<AttachmentRecord | undefined> {
  return getItem<AttachmentRecord>(AttachmentEntity, { tenantId, id });
}

export function createAttachmentOp(record: AttachmentRecord, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(AttachmentEntity, { ...record }, { attr: 'id', exists: false }, onConditionFailed);
}

/** Still pending at `version` → ready, and no longer expiring. */
export function markReadyOp(record: AttachmentRecord, updatedAt: string, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return updateOp(
    AttachmentEntity,
    { tenantId: record.tenantId, id: record.id, status: 'ready', expiresAt: $remove(), updatedAt, version: record.version + 1 },
    { and: [{ attr: 'status', eq: 'pending' }, { attr: 'version', eq: record.version }] },
    onConditionFailed,
  );
}

/** Ready, unlinked and unchanged since read → linked to `link`: a concurrent second link fails. */
export function linkAttachmentOp(record: AttachmentRecord, link: AttachmentLink, updatedAt: string, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return updateOp(
    AttachmentEntity,
    { tenantId: record.tenantId, id: record.id, linkedKind: link.kind, linkedId: link.id, updatedAt, version: record.version + 1 },
    { and: [{ attr: 'status', eq: 'ready' }, { attr: 'linkedId', exists: false }, { attr: 'version', eq: record.version }] },
    onConditionFailed,
  );
}
