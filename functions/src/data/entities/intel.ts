import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { auditAttributes, tenantPartition } from './common';

/**
 * An information record (信息采集): `T#<t>#INTEL` / `<recordId>`.
 * - gsi1 `T#<t>#INTEL#VILLAGE#<villageId>` / `<type>#<updatedAt>#<id>`: a village's records, one
 *   type in one Query, most recently changed last (queried in reverse).
 * - gsi2 `T#<t>#INTEL#TYPE#<type>` / `<updatedAt>#<id>`: the county's records of one type.
 * The details block holds no ID number or phone: those live only in `secrets` (ciphertext and
 * mask per field) and as keyed hashes in `lookupHashes` and the lookup items.
 */
export const IntelRecordEntity = new Entity({
  name: 'intelRecord',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    type: string().enum('person', 'place', 'thing', 'event', 'organisation'),
    title: string(),
    villageId: string(),
    villageName: string(),
    stationId: string(),
    officeId: string(),
    workstationId: string(),
    details: any(),
    /** `{ idNumber?: { cipher, masked }, phone?: …, contactPhone?: … }` */
    secrets: any(),
    /** Keyed hashes (HMAC) of the normalised secrets: `<field>:<hex>`. */
    lookupHashes: list(string()),
    tags: list(string()),
    links: any(),
    reliability: string(),
    verification: any(),
    source: any(),
    note: string().optional(),
    ...auditAttributes,
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'INTEL'), sk: id }),
});

/**
 * The exact-lookup index: `T#<t>#INTEL_LOOKUP#<hmac>` / `<recordId>`. The partition is the keyed
 * hash of a normalised ID number or phone (HMAC-SHA256 under the county's lookup key), never the
 * value; it changes in the same transaction as the record.
 */
export const IntelLookupEntity = new Entity({
  name: 'intelLookup',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    hash: string().key(),
    recordId: string().key(),
    field: string(),
  }),
  computeKey: ({ tenantId, hash, recordId }) => ({ pk: `${tenantPartition(tenantId, 'INTEL_LOOKUP')}#${hash}`, sk: recordId }),
});

/** A link seen from its target (back-links): `T#<t>#INTEL_LINK#<targetId>` / `<sourceId>`. */
export const IntelBackLinkEntity = new Entity({
  name: 'intelBackLink',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    targetId: string().key(),
    sourceId: string().key(),
    relation: string(),
  }),
  computeKey: ({ tenantId, targetId, sourceId }) => ({ pk: `${tenantPartition(tenantId, 'INTEL_LINK')}#${targetId}`, sk: sourceId }),
});

/** One change of a record, immutable: `T#<t>#INTEL_EVENT#<recordId>` / `<at>#<eventId>`. */
export const IntelEventEntity = new Entity({
  name: 'intelEvent',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    recordId: string().key(),
    at: string().key(),
    id: string().key(),
    action: string().enum('create', 'update', 'verify'),
    changed: list(string()),
    version: number(),
    by: string(),
    byName: string(),
    state: string().optional(),
  }),
  computeKey: ({ tenantId, recordId, at, id }) => ({ pk: `${tenantPartition(tenantId, 'INTEL_EVENT')}#${recordId}`, sk: `${at}#${id}` }),
});
