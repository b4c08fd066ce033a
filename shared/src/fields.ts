import * as z from 'zod';

/** Field shapes shared by every schema, so limits and messages are the same everywhere. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Mainland mobile number or a landline with area code. */
export const phoneSchema = z
  .string()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: '须为有效的电话号码 / must be a valid phone number' });

export const versionSchema = z.number().int().min(1);

export const geoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/, { message: '须为 3–40 位小写字母、数字、点、下划线或短横线，以字母开头 / 3–40 lowercase letters, digits, . _ -, starting with a letter' });

export const emailSchema = z.email().max(254);

export const STATUSES = ['active', 'inactive'] as const;
export type Status = (typeof STATUSES)[number];

/** Who changed a record and when; every mutable record carries these and a version. */
export interface RecordMeta {
  id: string;
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export const deactivateSchema = z
  .strictObject({ version: versionSchema, reason: optionalText(200) })
  .meta({ examples: [{ version: 1, reason: '机构调整' }] });
export type DeactivateInput = z.infer<typeof deactivateSchema>;

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Every body schema carries one valid example (OpenAPI, the portal's docs, generated tests). */
export function withExample<T extends z.ZodType>(schema: T, example: z.input<T>): T {
  return schema.meta({ examples: [example] }) as T;
}

/** The meta of a record created now by `username`: active, version 1. */
export function newRecordMeta(now: string, username: string): Omit<RecordMeta, 'id'> {
  return { status: 'active', version: 1, createdAt: now, updatedAt: now, createdBy: username, updatedBy: username };
}
