import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition, twoIndexKeys, versionedAttributes } from './common';

/**
 * A visit (入村走访): `T#<t>#VISIT` / `<visitId>`, the id made from the check-in time so the
 * partition sorts by it; gsi1 lists an officer's visits by check-in time (a week's duty reads one
 * range), gsi2 a village's.
 */
export const VisitEntity = new Entity({
  name: 'visit',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    officerId: string(),
    officerName: string(),
    role: string(),
    villageId: string(),
    villageName: string(),
    officeId: string(),
    workstationId: string(),
    stationId: string(),
    checkedInAt: string(),
    checkInPosition: any().optional(),
    checkInFlag: any(),
    checkedOutAt: string().optional(),
    checkOutPosition: any().optional(),
    householdsVisited: number(),
    peopleTalkedTo: number(),
    notes: string().optional(),
    matterIds: list(string()),
    minutes: number(),
    status: string().enum('open', 'closed'),
    ...versionedAttributes,
    ...twoIndexKeys,
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'VISIT'), sk: id }),
});
