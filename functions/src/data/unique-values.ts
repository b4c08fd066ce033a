import { conflict } from '../lib/app-error';
import { UniqueValueEntity } from './entities/platform';
import { deleteOp, putOp, type TxOp } from './repository';

/**
 * A value that must be unique within a scope (a police number in a county, a username on the
 * platform), held by one record. Claimed and released in the record's own transaction.
 */
export interface UniqueValue {
  /** Partition: `T#<t>#POLICE_NUMBER`, `PLATFORM#USERNAME`. */
  scope: string;
  value: string;
  /** Field named in the 409 when the value is taken. */
  path: string;
  message: string;
  /** Released when the holder is deactivated (a police number), or kept forever (a username). */
  releaseOnDeactivate: boolean;
}

export const policeNumberScope = (tenantId: string): string => `T#${tenantId}#POLICE_NUMBER`;
export const USERNAME_SCOPE = 'PLATFORM#USERNAME';

export interface UniqueOwner {
  kind: string;
  id: string;
  tenantId?: string;
}

export function claimUniqueOp(unique: UniqueValue, owner: UniqueOwner, at: string): TxOp {
  return putOp(
    UniqueValueEntity,
    { scope: unique.scope, value: unique.value, ownerKind: owner.kind, ownerId: owner.id, tenantId: owner.tenantId, createdAt: at },
    { attr: 'ownerId', exists: false },
    conflict(unique.path, unique.message),
  );
}

export function releaseUniqueOp(unique: UniqueValue, owner: UniqueOwner): TxOp {
  return deleteOp(
    UniqueValueEntity,
    { scope: unique.scope, value: unique.value },
    { attr: 'ownerId', eq: owner.id },
    conflict(unique.path, '唯一值的持有者已变化 / the unique value changed hands'),
  );
}

export const uniqueKey = (u: Pick<UniqueValue, 'scope' | 'value'>): string => `${u.scope}|${u.value}`;
