/** Cognito groups are the roles. The order is the order the portal lists them in. */
export const ROLES = [
  'platform_admin',
  'province_viewer',
  'bureau_leader',
  'program_office',
  'governance_office',
  'station_chief',
  'community_officer',
  'contact_officer',
  'auxiliary',
  'agency_staff',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held by officers of the bureau (records in the officer directory). */
export const OFFICER_ROLES = [
  'bureau_leader',
  'program_office',
  'governance_office',
  'station_chief',
  'community_officer',
  'contact_officer',
  'auxiliary',
] as const satisfies readonly Role[];
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'Platform admin' },
  province_viewer: { zh: '省厅分析员', en: 'Provincial analyst' },
  bureau_leader: { zh: '局领导', en: 'Bureau leader' },
  program_office: { zh: '活动办', en: 'Program office' },
  governance_office: { zh: '综治办', en: 'Governance office' },
  station_chief: { zh: '派出所所长', en: 'Station chief' },
  community_officer: { zh: '社区民警', en: 'Community officer' },
  contact_officer: { zh: '包村民警', en: 'Contact officer' },
  auxiliary: { zh: '辅警', en: 'Auxiliary' },
  agency_staff: { zh: '成员单位工作人员', en: 'Agency staff' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
