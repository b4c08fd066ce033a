import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition, twoIndexKeys, versionedAttributes } from './common';

/**
 * A visit (入村走访): `T#<t>#VISIT` / `<visitId>`, the id made from the check-in time so the
 * partition sorts by it; gsi1 lists an officer's visits by check-in time (a week's duty reads one
 * range), gsi2 a village's, and the sparse gsi3 only an officer's make-up visits (补课), so make-up
 * accounting reads those alone however many regular visits he has.
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
    // Absent on visits recorded before make-up visits existed: read as false.
    makeUp: boolean().optional(),
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
    gsi3pk: string().optional(),
    gsi3sk: string().optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'VISIT'), sk: id }),
});
