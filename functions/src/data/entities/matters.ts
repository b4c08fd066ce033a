import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { MATTER_KINDS, MATTER_SOURCES, MATTER_STATUSES, SEVERITIES } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition } from './common';

/*
 * Matters (事项). Nested values (reporter, holder, feedback, verification, supervision) are
 * validated by the zod schemas at the API boundary and built by the services; the entity stores
 * them as they are.
 */

const indexKeys = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [
    [`gsi${n}pk`, string().optional()],
    [`gsi${n}sk`, string().optional()],
  ]),
) as Record<`gsi${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}${'pk' | 'sk'}`, ReturnType<ReturnType<typeof string>['optional']>>;

/** `T#<t>#MATTER` / `<matterId>`; the ULID id makes the partition sort by intake time. */
export const MatterEntity = new Entity({
  name: 'matter',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    kind: string().enum(...MATTER_KINDS),
    source: string().enum(...MATTER_SOURCES),
    status: string().enum(...MATTER_STATUSES),
    title: string(),
    description: string(),
    categoryId: string(),
    categoryName: string(),
    severity: string().enum(...SEVERITIES),
    policeBusiness: boolean().optional(),
    linkage: boolean(),
    villageId: string(),
    villageName: string(),
    officeId: string(),
    workstationId: string(),
    stationId: string(),
    /** { name, phoneMasked, phoneCipher }: the phone only encrypted (envelope, per tenant). */
    reporter: any().optional(),
    location: any().optional(),
    address: string().optional(),
    occurredAt: string(),
    attachmentIds: list(string()),
    holder: any().optional(),
    assignedAt: string().optional(),
    acceptBy: string().optional(),
    feedbackBy: string().optional(),
    acceptedAt: string().optional(),
    feedback: any().optional(),
    verification: any().optional(),
    outcome: string().optional(),
    closedAt: string().optional(),
    mergedInto: string().optional(),
    mergedCount: number(),
    supervision: any(),
    returnCount: number(),
    reopenCount: number(),
    createdByName: string(),
    /** The integrator's own reference (public API intake). */
    externalId: string().optional(),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    createdBy: string(),
    updatedBy: string(),
    ...indexKeys,
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'MATTER'), sk: id }),
});

/** One immutable timeline entry: `T#<t>#MATTER_EVENT#<matterId>` / `<at>#<eventId>`. */
export const MatterEventEntity = new Entity({
  name: 'matterEvent',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    matterId: string().key(),
    sortKey: string().key(),
    id: string(),
    type: string(),
    at: string(),
    by: string(),
    byName: string(),
    byRole: string(),
    from: string().optional(),
    to: string().optional(),
    note: string().optional(),
    data: any().optional(),
  }),
  computeKey: ({ tenantId, matterId, sortKey }) => ({ pk: `${tenantPartition(tenantId, 'MATTER_EVENT')}#${matterId}`, sk: sortKey }),
});

/** The dispute record of a matter of kind `dispute`: `T#<t>#DISPUTE` / `<matterId>` (sorts by intake time). */
export const DisputeEntity = new Entity({
  name: 'dispute',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    matterId: string().key(),
    /** [{ name, role, phoneMasked?, phoneCipher? }] */
    parties: any(),
    disputeType: string(),
    riskLevel: string(),
    stageFound: string(),
    mediations: any(),
    agreement: any().optional(),
    followUps: any(),
    resolvedAtVillage: boolean(),
    escalated: boolean(),
    turnedIntoCase: boolean(),
    version: number(),
    updatedAt: string(),
    updatedBy: string(),
  }),
  computeKey: ({ tenantId, matterId }) => ({ pk: tenantPartition(tenantId, 'DISPUTE'), sk: matterId }),
});
