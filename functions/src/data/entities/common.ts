import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';

/**
 * Attributes every directory record stores: the tenant and id it is keyed by, the record meta
 * (status, version, who/when) and the index keys the repositories compute.
 */
/** Status, version and who/when: the meta of every mutable record (RecordMeta in shared). */
/** Version and who/when, for records whose status is their own (visits, absences, …). */
export const versionedAttributes = {
  version: number(),
  createdAt: string(),
  updatedAt: string(),
  createdBy: string(),
  updatedBy: string(),
};

export const auditAttributes = {
  status: string().enum('active', 'inactive'),
  ...versionedAttributes,
};

/** Both list indexes always set (records listed under two parents, e.g. an officer and a village). */
export const twoIndexKeys = {
  gsi1pk: string(),
  gsi1sk: string(),
  gsi2pk: string(),
  gsi2sk: string(),
};

export const recordAttributes = {
  tenantId: string().key(),
  id: string().key(),
  ...auditAttributes,
  deactivationReason: string().optional(),
  gsi1pk: string().optional(),
  gsi1sk: string().optional(),
  gsi2pk: string().optional(),
  gsi2sk: string().optional(),
};

export const placeAttributes = {
  address: string().optional(),
  location: map({ lat: number(), lng: number() }).optional(),
  phone: string().optional(),
};

/** A counter kept in the same transaction as the records it counts. */
export const counter = () => number().default(0);

/** `T#<tenantId>#<TYPE>`: one partition per record type and county. */
export const tenantPartition = (tenantId: string, type: string): string => `T#${tenantId}#${type}`;
