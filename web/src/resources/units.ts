import type { Department, Office, Station, Village, Workstation } from '@beatlink/shared';
import { UNIT_LABELS } from '@beatlink/shared/directory/labels';
import type { ResourceDef } from './model';

/* The units of the organisation tree and the HQ departments; their forms are in ./forms. */

export const stationResource: ResourceDef<Station> = {
  key: 'station',
  label: UNIT_LABELS.station.zh,
  writeAction: 'directory.unit.write',
  collectionPath: () => '/directory/stations',
  itemPath: (id) => `/directory/stations/${id}`,
};

export const officeResource: ResourceDef<Office> = {
  key: 'office',
  label: UNIT_LABELS.office.zh,
  writeAction: 'directory.unit.write',
  collectionPath: () => '/directory/offices',
  itemPath: (id) => `/directory/offices/${id}`,
};

export const workstationResource: ResourceDef<Workstation> = {
  key: 'workstation',
  label: UNIT_LABELS.workstation.zh,
  writeAction: 'directory.unit.write',
  collectionPath: () => '/directory/workstations',
  itemPath: (id) => `/directory/workstations/${id}`,
};

export const villageResource: ResourceDef<Village> = {
  key: 'village',
  label: UNIT_LABELS.village.zh,
  writeAction: 'directory.unit.write',
  collectionPath: () => '/directory/villages',
  itemPath: (id) => `/directory/villages/${id}`,
};

export const departmentResource: ResourceDef<Department> = {
  key: 'department',
  label: UNIT_LABELS.department.zh,
  writeAction: 'directory.unit.write',
  collectionPath: () => '/directory/departments',
  itemPath: (id) => `/directory/departments/${id}`,
  columns: [
    { key: 'name', title: '名称', value: (r) => r.name },
    { key: 'phone', title: '电话', value: (r) => r.phone },
  ],
};

/** The resource behind each level of the organisation tree. */
export const TREE_RESOURCES = {
  station: stationResource,
  office: officeResource,
  workstation: workstationResource,
  village: villageResource,
} as const;
