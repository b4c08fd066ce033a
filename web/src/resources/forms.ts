import type { OfficerRole } from '@beatlink/shared';
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  agencyCreateSchema,
  agencyStaffCreateSchema,
  agencyStaffUpdateSchema,
  agencyUpdateSchema,
} from '@beatlink/shared/directory/agencies';
import { ROLE_PLACEMENT, officerCreateSchema, officerUpdateSchema } from '@beatlink/shared/directory/officers';
import {
  departmentCreateSchema,
  departmentUpdateSchema,
  officeCreateSchema,
  officeUpdateSchema,
  stationCreateSchema,
  stationUpdateSchema,
  villageCreateSchema,
  villageUpdateSchema,
  workstationCreateSchema,
  workstationUpdateSchema,
} from '@beatlink/shared/directory/units';
import { AREA_KIND_OPTIONS, OFFICER_GRADE_OPTIONS, OFFICER_ROLE_OPTIONS, VILLAGE_KIND_OPTIONS } from './options';
import type { FieldSpec, FormSpec, FormValues, ResourceKey, SelectOption } from './model';

/*
 * The form of every record type: its fields and the API's own zod schemas, which the form
 * validates with before sending. This module (and zod with it) loads with the form only.
 * Values come from shared's modules, not its index: the index also sets zod's locale, which
 * bundles every zod locale; the form words zod's messages in Chinese itself (lib/form-errors).
 */

const AGENCY_KIND_OPTIONS: readonly SelectOption[] = AGENCY_KINDS.map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind].zh }));

const name: FieldSpec = { name: 'name', label: '名称', input: 'text' };
const address: FieldSpec = { name: 'address', label: '地址', input: 'text' };
const phone: FieldSpec = { name: 'phone', label: '电话', input: 'text', placeholder: '手机号或带区号的固定电话' };
const location: FieldSpec = { name: 'location', label: '位置（纬度 / 经度）', input: 'geo' };
const placeFields = [address, phone, location];
const username: FieldSpec = { name: 'username', label: '登录用户名', input: 'text', only: 'create', placeholder: '小写字母开头，3–40 位' };

/** Placement fields follow ROLE_PLACEMENT: a role sees the fields it allows, marked as it requires. */
function placementField(field: FieldSpec & { name: 'stationId' | 'officeId' | 'departmentId' | 'workstationId' }): FieldSpec {
  const rule = (values: FormValues) => ROLE_PLACEMENT[values.role as OfficerRole] as (typeof ROLE_PLACEMENT)[OfficerRole] | undefined;
  return {
    ...field,
    visible: (values) => !!rule(values)?.allows.includes(field.name),
    required: (values) => !!rule(values)?.requires.includes(field.name),
  };
}

export const RESOURCE_FORMS: Record<ResourceKey, FormSpec> = {
  station: {
    schemas: { create: stationCreateSchema, update: stationUpdateSchema },
    fields: [name, ...placeFields],
  },
  office: {
    schemas: { create: officeCreateSchema, update: officeUpdateSchema },
    fields: [
      name,
      { name: 'stationId', label: '所属派出所', input: 'select', source: 'stations', only: 'create' },
      { name: 'areaKind', label: '类别', input: 'select', options: AREA_KIND_OPTIONS },
      ...placeFields,
    ],
  },
  workstation: {
    schemas: { create: workstationCreateSchema, update: workstationUpdateSchema },
    fields: [name, { name: 'officeId', label: '所属警务室', input: 'select', source: 'offices', only: 'create' }, ...placeFields],
  },
  village: {
    schemas: { create: villageCreateSchema, update: villageUpdateSchema },
    fields: [
      name,
      { name: 'kind', label: '类型', input: 'select', options: VILLAGE_KIND_OPTIONS },
      { name: 'officeId', label: '所属警务室', input: 'select', source: 'offices' },
      { name: 'workstationId', label: '所属警务工作站', input: 'select', source: 'workstations', narrowBy: { field: 'officeId', key: 'officeId' } },
      { name: 'divisionCode', label: '村级区划代码', input: 'text', placeholder: '12 位统计用区划代码' },
      { name: 'households', label: '户数', input: 'number', min: 0 },
      { name: 'population', label: '人口', input: 'number', min: 0 },
      location,
    ],
    together: [['officeId', 'workstationId']],
  },
  department: {
    schemas: { create: departmentCreateSchema, update: departmentUpdateSchema },
    fields: [name, phone],
  },
  officer: {
    schemas: { create: officerCreateSchema, update: officerUpdateSchema },
    fields: [
      { name: 'name', label: '姓名', input: 'text' },
      { name: 'policeNumber', label: '警号', input: 'text', placeholder: '4–10 位数字或大写字母' },
      { name: 'role', label: '角色', input: 'select', options: OFFICER_ROLE_OPTIONS, only: 'create' },
      username,
      { name: 'phone', label: '手机号', input: 'text' },
      { name: 'email', label: '电子邮箱', input: 'text' },
      placementField({ name: 'stationId', label: '所属派出所', input: 'select', source: 'stations' }),
      placementField({ name: 'officeId', label: '警务室', input: 'select', source: 'offices', narrowBy: { field: 'stationId', key: 'stationId' } }),
      placementField({ name: 'departmentId', label: '所在局直单位', input: 'select', source: 'departments' }),
      placementField({ name: 'workstationId', label: '包村警务工作站', input: 'select', source: 'workstations' }),
      // Only community officers have a grade (the API refuses it for any other role).
      { name: 'grade', label: '社区民警分级', input: 'select', options: OFFICER_GRADE_OPTIONS, visible: (values) => values.role === 'community_officer', placeholder: '未定级' },
    ],
  },
  agency: {
    schemas: { create: agencyCreateSchema, update: agencyUpdateSchema },
    fields: [
      name,
      { name: 'kind', label: '类别', input: 'select', options: AGENCY_KIND_OPTIONS },
      { name: 'contactName', label: '联系人', input: 'text' },
      { name: 'contactPhone', label: '联系电话', input: 'text' },
      { name: 'divisionCode', label: '服务区县代码', input: 'text', placeholder: '跨县乡镇填写 6 位区划代码，否则留空' },
    ],
  },
  agencyStaff: {
    schemas: { create: agencyStaffCreateSchema, update: agencyStaffUpdateSchema },
    fields: [
      { name: 'name', label: '姓名', input: 'text' },
      { name: 'title', label: '职务', input: 'text' },
      { name: 'phone', label: '手机号', input: 'text' },
      { name: 'email', label: '电子邮箱', input: 'text' },
      username,
    ],
  },
};
