import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition, twoIndexKeys, versionedAttributes } from './common';

/**
 * An absence report (报备): `T#<t>#ABSENCE` / `<absenceId>` (ids sort by filing time); gsi1 lists
 * an officer's absences by date, gsi2 the county's absences of one status by date (the office's
 * queue of pending reports). An approval keeps its make-up obligation on the same item.
 */
export const AbsenceEntity = new Entity({
  name: 'absence',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    officerId: string(),
    officerName: string(),
    role: string().enum('community_officer', 'contact_officer'),
    stationId: string().optional(),
    week: string(),
    date: string(),
    reason: string(),
    status: string().enum('pending', 'approved', 'rejected'),
    decidedBy: string().optional(),
    decidedByName: string().optional(),
    decidedAt: string().optional(),
    note: string().optional(),
    makeUp: any().optional(),
    ...versionedAttributes,
    ...twoIndexKeys,
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'ABSENCE'), sk: id }),
});
