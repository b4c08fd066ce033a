import { AGENCY_KINDS } from './labels';
export { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from './labels';
import * as z from 'zod';
import { countyCodeSchema } from '../division-code';
import { emailSchema, optionalText, phoneSchema, text, usernameSchema, versionSchema, withExample, type RecordMeta } from '../fields';



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
