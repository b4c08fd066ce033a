import { z } from 'zod';
import { countyCodeSchema } from '../division-code';
import { emailSchema, optionalText, phoneSchema, text, usernameSchema, versionSchema, withExample, type RecordMeta } from '../fields';

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

export const agencyCreateSchema = withExample(
  z.strictObject({
    name: text(60),
    kind: z.enum(AGENCY_KINDS),
    contactName: optionalText(40),
    contactPhone: phoneSchema.optional(),
    /** County the agency serves, when it is a township of a neighbouring code. */
    divisionCode: countyCodeSchema.optional(),
  }),
  { name: '民政局', kind: 'civil_affairs', contactName: '李敏', contactPhone: '0532-88881234', divisionCode: '370283' },
);
export const agencyUpdateSchema = withExample(
  z.strictObject({ ...agencyCreateSchema.partial().shape, version: versionSchema }),
  { version: 1, contactName: '赵强' },
);

export const agencyStaffCreateSchema = withExample(
  z.strictObject({
    name: text(40),
    phone: phoneSchema,
    email: emailSchema.optional(),
    username: usernameSchema,
    title: optionalText(40),
  }),
  { name: '李敏', phone: '13905321234', username: 'limin.mz', title: '科员' },
);
export const agencyStaffUpdateSchema = withExample(
  z.strictObject({
    name: text(40).optional(),
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    title: optionalText(40),
    version: versionSchema,
  }),
  { version: 1, title: '副科长' },
);

export type AgencyInput = z.infer<typeof agencyCreateSchema>;
export type AgencyStaffInput = z.infer<typeof agencyStaffCreateSchema>;

export interface Agency extends RecordMeta, AgencyInput {}
export interface AgencyStaff extends RecordMeta, Omit<AgencyStaffInput, 'title'> {
  agencyId: string;
  title?: string;
}
