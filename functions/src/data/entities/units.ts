import { AREA_KINDS, VILLAGE_KINDS } from '@beatlink/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { counter, placeAttributes, recordAttributes, tenantPartition } from './common';

/** 派出所. Counters and the chief slot are kept by the office and officer transactions. */
export const StationEntity = new Entity({
  name: 'station',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    ...placeAttributes,
    chiefOfficerId: string().optional(),
    activeOfficeCount: counter(),
    activeOfficerCount: counter(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'STATION'), sk: id }),
});

/** 警务室, listed under its station through gsi1. */
export const OfficeEntity = new Entity({
  name: 'office',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    stationId: string(),
    areaKind: string().enum(...AREA_KINDS),
    ...placeAttributes,
    communityOfficerId: string().optional(),
    activeWorkstationCount: counter(),
    activeVillageCount: counter(),
    auxiliaryCount: counter(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'OFFICE'), sk: id }),
});

/** 警务工作站, listed under its office through gsi1. */
export const WorkstationEntity = new Entity({
  name: 'workstation',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    officeId: string(),
    stationId: string(),
    ...placeAttributes,
    contactOfficerId: string().optional(),
    activeVillageCount: counter(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'WORKSTATION'), sk: id }),
});

/** 行政村/社区, listed under its office (gsi1) and its workstation (gsi2). */
export const VillageEntity = new Entity({
  name: 'village',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    kind: string().enum(...VILLAGE_KINDS),
    officeId: string(),
    workstationId: string(),
    stationId: string(),
    divisionCode: string().optional(),
    households: number().optional(),
    population: number().optional(),
    location: map({ lat: number(), lng: number() }).optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'VILLAGE'), sk: id }),
});

/** 局直单位. */
export const DepartmentEntity = new Entity({
  name: 'department',
  table,
  timestamps: false,
  schema: item({
    ...recordAttributes,
    name: string(),
    phone: string().optional(),
    activeOfficerCount: counter(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'DEPARTMENT'), sk: id }),
});
