import * as z from 'zod';
import { countyCodeSchema } from '../division-code';
import { emailSchema, phoneSchema, text, usernameSchema, withExample, type RecordMeta } from '../fields';
import { timeZoneSchema } from './config';

export const tenantCreateSchema = withExample(
  z.strictObject({
    tenantId: countyCodeSchema,
    name: text(60),
    timeZone: timeZoneSchema.optional(),
    /** The county's first administrator (活动办), who then builds the directory. */
    admin: z.strictObject({
      username: usernameSchema,
      name: text(40),
      phone: phoneSchema.optional(),
      email: emailSchema.optional(),
    }),
  }),
  { tenantId: '370285', name: '莱西市公安局', timeZone: 'Asia/Shanghai', admin: { username: 'admin370285', name: '张伟' } },
);
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>;

export interface TenantRecord extends Omit<RecordMeta, 'id'> {
  tenantId: string;
  provinceId: string;
  name: string;
  adminUsername: string;
}

/** Sign-in credentials handed out once, when an account is created. */
export interface InitialCredentials {
  username: string;
  temporaryPassword: string;
}
