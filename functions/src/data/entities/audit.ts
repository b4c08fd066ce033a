import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { item } from 'dynamodb-toolbox/schema/item';
import { table } from '../client';
import { tenantPartition } from './common';

/** `T#<t>#AUDIT` / `<seq, 12 digits>`: so a Query of the partition reads the chain in order. */
export const auditEntrySortKey = (seq: number): string => String(seq).padStart(12, '0');

/**
 * One entry of a county's audit chain (services/audit). Append-only: written once with
 * attribute_not_exists, never updated. `actor`, `record` and `summary` are built by the audit
 * service and stored as they are; `hash` covers every other field (see services/audit/chain.ts).
 */
export const AuditEntryEntity = new Entity({
  name: 'auditEntry',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    seq: number().key(),
    at: string(),
    /** { username, name, roles } */
    actor: any(),
    action: string(),
    /** { kind, id } */
    record: any(),
    /** Changed field names and non-personal values only. */
    summary: any(),
    prevHash: string(),
    hash: string(),
  }),
  computeKey: ({ tenantId, seq }) => ({ pk: tenantPartition(tenantId, 'AUDIT'), sk: auditEntrySortKey(seq) }),
});

/**
 * The head of a county's chain: `T#<t>#AUDIT_HEAD` / `HEAD` — the last seq and its hash. Every
 * append moves it conditionally on the seq it read, in the same transaction as the entries.
 */
export const AuditHeadEntity = new Entity({
  name: 'auditHead',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    seq: number(),
    hash: string(),
    updatedAt: string(),
  }),
  computeKey: ({ tenantId }) => ({ pk: tenantPartition(tenantId, 'AUDIT_HEAD'), sk: 'HEAD' }),
});
