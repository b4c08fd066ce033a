import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * An officer-week's compliance (履职) as the evaluation stored it: `T#<t>#COMPLIANCE` /
 * `<week>#<officerId>`, so a week's board is one Query. gsi1 lists an officer's weeks; the sparse
 * gsi2 holds only records whose make-up is still open, by due date (the daily job re-checks just
 * those); the sparse gsi3 an officer's weeks that have a make-up at all (make-up accounting reads
 * those alone, however long his history).
 */
export const ComplianceEntity = new Entity({
  name: 'compliance',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    week: string().key(),
    officerId: string().key(),
    officerName: string(),
    role: string().enum('community_officer', 'contact_officer'),
    status: string().enum('met', 'short', 'excused', 'violation'),
    stationId: string().optional(),
    unitId: string().optional(),
    /** The ComplianceRecord fields not stored at the top level (numbers, dates, reasons, make-up). */
    record: any(),
    evaluatedAt: string(),
    version: number(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
    gsi3pk: string().optional(),
    gsi3sk: string().optional(),
  }),
  computeKey: ({ tenantId, week, officerId }) => ({ pk: tenantPartition(tenantId, 'COMPLIANCE'), sk: `${week}#${officerId}` }),
});
