import type { Agency, AgencyKind, AgencyStaff } from '@beatlink/shared';
import { AGENCY_KIND_LABELS } from '@beatlink/shared/directory/labels';
import type { ResourceDef } from './model';

/* 综治成员单位 and their staff accounts; their forms are in ./forms. */

export const agencyResource: ResourceDef<Agency> = {
  key: 'agency',
  label: '综治成员单位',
  writeAction: 'directory.agency.write',
  collectionPath: () => '/directory/agencies',
  itemPath: (id) => `/directory/agencies/${id}`,
  columns: [
    { key: 'name', title: '名称', value: (r) => r.name },
    { key: 'kind', title: '类别', value: (r) => AGENCY_KIND_LABELS[r.kind as AgencyKind]?.zh ?? r.kind, width: 160 },
    { key: 'contactName', title: '联系人', value: (r) => r.contactName, width: 100 },
    { key: 'contactPhone', title: '联系电话', value: (r) => r.contactPhone, width: 140 },
  ],
};

export const agencyStaffResource: ResourceDef<AgencyStaff> = {
  key: 'agencyStaff',
  label: '成员单位工作人员',
  writeAction: 'directory.agency.write',
  collectionPath: (agencyId) => `/directory/agencies/${agencyId}/staff`,
  itemPath: (id) => `/directory/agency-staff/${id}`,
  createsAccount: true,
  columns: [
    { key: 'name', title: '姓名', value: (r) => r.name, width: 100 },
    { key: 'title', title: '职务', value: (r) => r.title },
    { key: 'phone', title: '手机号', value: (r) => r.phone, width: 130 },
    { key: 'username', title: '用户名', value: (r) => r.username, width: 140 },
  ],
};
