import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { auditAttributes, tenantPartition } from './common';

/**
 * A household (户): `T#<t>#HOUSEHOLD` / `<householdId>`; gsi1 lists a village's households by
 * address. The head's phone is stored only as ciphertext and mask.
 */
export const HouseholdEntity = new Entity({
  name: 'household',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    villageId: string(),
    villageName: string(),
    officeId: string(),
    workstationId: string(),
    stationId: string(),
    address: string(),
    headName: string(),
    headPhoneMasked: string().optional(),
    headPhoneCipher: string().optional(),
    members: number(),
    tags: list(string()),
    note: string().optional(),
    ...auditAttributes,
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'HOUSEHOLD'), sk: id }),
});

/**
 * A call-back survey (回访) of a household: `T#<t>#HOUSEHOLD_CALLBACK#<householdId>` /
 * `<date>#<callbackId>`; gsi1 lists a village's call-backs by date (one Query per range).
 */
export const CallbackEntity = new Entity({
  name: 'householdCallback',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    householdId: string().key(),
    date: string().key(),
    id: string().key(),
    villageId: string(),
    knowsOfficer: boolean(),
    officerKnowsHousehold: boolean(),
    officerId: string(),
    satisfied: boolean().optional(),
    note: string().optional(),
    createdAt: string(),
    createdBy: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, householdId, date, id }) => ({ pk: `${tenantPartition(tenantId, 'HOUSEHOLD_CALLBACK')}#${householdId}`, sk: `${date}#${id}` }),
});

/** 群防群治 / 物防 of a village, one versioned record: `T#<t>#RESOURCES` / `<villageId>`. */
export const ResourcesEntity = new Entity({
  name: 'villageResources',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    villageId: string().key(),
    patrolTeams: any(),
    activists: number(),
    cameras: any(),
    windowGuards: any(),
    alarms: any(),
    note: string().optional(),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    createdBy: string(),
    updatedBy: string(),
  }),
  computeKey: ({ tenantId, villageId }) => ({ pk: tenantPartition(tenantId, 'RESOURCES'), sk: villageId }),
});
