import type { Officer } from '@beatlink/shared';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import type { ResourceDef } from './model';
import { OFFICER_GRADE_OPTIONS, OFFICER_ROLE_OPTIONS, labelOf } from './options';

export const officerResource: ResourceDef<Officer> = {
  key: 'officer',
  label: '民警',
  writeAction: 'directory.officer.write',
  collectionPath: () => '/directory/officers',
  itemPath: (id) => `/directory/officers/${id}`,
  createsAccount: true,
  columns: [
    { key: 'name', title: '姓名', value: (r) => r.name, width: 100 },
    { key: 'policeNumber', title: '警号', value: (r) => r.policeNumber, width: 100 },
    { key: 'role', title: '角色', value: (r) => ROLE_LABELS[r.role]?.zh ?? r.role, width: 110 },
    { key: 'grade', title: '分级', value: (r) => labelOf(OFFICER_GRADE_OPTIONS, r.grade), width: 70 },
    {
      key: 'placement',
      title: '单位 / 驻点',
      value: (r, l) =>
        [l.unitName(r.stationId), l.unitName(r.officeId), l.departmentName(r.departmentId), l.unitName(r.workstationId)]
          .filter(Boolean)
          .join(' / '),
    },
    { key: 'phone', title: '手机号', value: (r) => r.phone, width: 130 },
    { key: 'username', title: '用户名', value: (r) => r.username, width: 140 },
  ],
  filters: [
    { name: 'role', label: '角色', options: OFFICER_ROLE_OPTIONS },
    { name: 'stationId', label: '派出所', source: 'stations' },
    { name: 'departmentId', label: '局直单位', source: 'departments' },
  ],
};
