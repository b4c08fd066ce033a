import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { auditAttributes } from './common';

export const TENANT_PARTITION = 'PLATFORM#TENANT';
/** Province rollups list a province's counties through gsi1. */
export const provinceTenantsPartition = (provinceId: string): string => `P#${provinceId}#TENANT`;

/** The tenant registry: one item per county bureau under `PLATFORM#TENANT`. */
export const TenantEntity = new Entity({
  name: 'tenant',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    provinceId: string(),
    name: string(),
    adminUsername: string(),
    ...auditAttributes,
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId }) => ({ pk: TENANT_PARTITION, sk: tenantId }),
});

/** A county's configuration (`T#<t>#CONFIG`), versioned like every mutable record. */
export const TenantConfigEntity = new Entity({
  name: 'tenantConfig',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    timeZone: string(),
    duty: map({
      communityOfficerMinDaysPerWeek: number(),
      contactOfficerWeekday: number(),
      contactOfficerWindowStart: string(),
      contactOfficerWindowEnd: string(),
      contactOfficerMinHours: number(),
      makeUpDueDays: number(),
      checkInMaxDistanceMetres: number().optional(),
    }),
    directory: map({
      minWorkstationsPerOffice: number(),
      maxWorkstationsPerOffice: number(),
      auxiliariesPerOffice: number(),
    }),
    /** Validated by matterConfigSchema before every write; nested tables the toolbox need not model. */
    matters: any().optional(),
    analysis: any().optional(),
    reminders: any().optional(),
    version: number(),
    updatedAt: string(),
    updatedBy: string(),
  }),
  computeKey: ({ tenantId }) => ({ pk: `T#${tenantId}#CONFIG`, sk: 'CONFIG' }),
});

/**
 * A value that must be unique in a scope, claimed in the same transaction as the record that
 * holds it: `T#<t>#POLICE_NUMBER` / `<number>`, `PLATFORM#USERNAME` / `<username>`.
 */
export const UniqueValueEntity = new Entity({
  name: 'uniqueValue',
  table,
  timestamps: false,
  schema: item({
    scope: string().key(),
    value: string().key(),
    ownerKind: string(),
    ownerId: string(),
    tenantId: string().optional(),
    createdAt: string(),
  }),
  computeKey: ({ scope, value }) => ({ pk: scope, sk: value }),
});

/** A POST's idempotency record (`T#<t>#IDEMPOTENCY` or `PLATFORM#IDEMPOTENCY`), expired by TTL. */
export const IdempotencyEntity = new Entity({
  name: 'idempotency',
  table,
  timestamps: false,
  schema: item({
    scope: string().key(),
    key: string().key(),
    hash: string(),
    state: string().enum('in_progress', 'completed'),
    lockedUntil: number(),
    expiresAt: number(),
    statusCode: number().optional(),
    headers: record(string(), string()).optional(),
    body: string().optional(),
  }),
  computeKey: ({ scope, key }) => ({ pk: `${scope}#IDEMPOTENCY`, sk: key }),
});
