export const UNIT_KINDS = ['station', 'office', 'workstation', 'village', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  station: { zh: '派出所', en: 'Police station' },
  office: { zh: '警务室', en: 'Police office' },
  workstation: { zh: '警务工作站', en: 'Workstation' },
  village: { zh: '行政村/社区', en: 'Village / community' },
  department: { zh: '局直单位', en: 'HQ department' },
};

/** 分类考核: urban communities and rural villages are assessed as separate peer groups. */
export const AREA_KINDS = ['urban', 'rural'] as const;
export const VILLAGE_KINDS = ['village', 'community'] as const;

/** 综治成员单位: the government bodies that take matters outside police duties. */
export const AGENCY_KINDS = [
  'civil_affairs',
  'justice',
  'transport',
  'housing',
  'health',
  'human_resources',
  'natural_resources',
  'education',
  'market_regulation',
  'emergency_management',
  'township',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, { zh: string; en: string }> = {
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  justice: { zh: '司法', en: 'Justice' },
  transport: { zh: '交通运输', en: 'Transport' },
  housing: { zh: '住房和城乡建设', en: 'Housing' },
  health: { zh: '卫生健康', en: 'Health' },
  human_resources: { zh: '人力资源和社会保障', en: 'Human resources' },
  natural_resources: { zh: '自然资源', en: 'Natural resources' },
  education: { zh: '教育', en: 'Education' },
  market_regulation: { zh: '市场监管', en: 'Market regulation' },
  emergency_management: { zh: '应急管理', en: 'Emergency management' },
  township: { zh: '乡镇人民政府/街道办事处', en: 'Township government' },
  other: { zh: '其他', en: 'Other' },
};
