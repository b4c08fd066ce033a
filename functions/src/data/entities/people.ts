import { AGENCY_KINDS, OFFICER_ROLES } from '@beatlink/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { counter, recordAttributes, tenantPartition } from './common';

/** 民警/辅警, listed under their station or department through gsi1. */
export const OfficerEntity = new Entity({
  name: 'officer',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    policeNumber: string(),
    phone: string(),
    email: string().optional(),
    role: string().enum(...OFFICER_ROLES),
    username: string(),
    grade: string().optional(),
    stationId: string().optional(),
    departmentId: string().optional(),
    officeId: string().optional(),
    workstationId: string().optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'OFFICER'), sk: id }),
});

/** 综治成员单位. */
export const AgencyEntity = new Entity({
  name: 'agency',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    kind: string().enum(...AGENCY_KINDS),
    contactName: string().optional(),
    contactPhone: string().optional(),
    divisionCode: string().optional(),
    activeStaffCount: counter(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'AGENCY'), sk: id }),
});

/** 成员单位工作人员, listed under their agency through gsi1. */
export const AgencyStaffEntity = new Entity({
  name: 'agencyStaff',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    agencyId: string(),
    name: string(),
    phone: string(),
    email: string().optional(),
    username: string(),
    title: string().optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'AGENCY_STAFF'), sk: id }),
});
