import * as z from 'zod';
import { optionalText, phoneSchema, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import type { FamiliarityRate } from '../intel/familiarity';
import { HOUSEHOLD_TAGS, type HouseholdTag } from './labels';

export * from './labels';

/**
 * The household register (户) of a village, call-back surveys (回访) and the resources of
 * 群防群治 / 物防 (DOMAIN.md "Field duty", "Resources"). A household head's phone is stored
 * encrypted and only ever answered masked; names are kept in clear.
 */
const tagsSchema = z
  .array(z.enum(HOUSEHOLD_TAGS))
  .max(HOUSEHOLD_TAGS.length)
  .refine((tags) => new Set(tags).size === tags.length, { message: '标签不能重复 / tags must not repeat' })
  .default([]);

const householdFields = {
  villageId: idSchema('village'),
  address: text(200),
  headName: text(50),
  members: z.number().int().min(1).max(100),
  tags: tagsSchema,
  note: optionalText(1000),
};

export const householdCreateSchema = withExample(
  z.strictObject({ ...householdFields, headPhone: phoneSchema.optional() }),
  { villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V', address: '东街 12 号', headName: '王秀兰', headPhone: '13800001111', members: 1, tags: ['elderly_alone'], note: '子女在外地务工' },
);
export type HouseholdCreateInput = z.infer<typeof householdCreateSchema>;

/** The whole record again; `headPhone` left out keeps the stored phone, `null` removes it. */
export const householdUpdateSchema = withExample(
  z.strictObject({ ...householdFields, headPhone: phoneSchema.nullable().optional(), version: versionSchema }),
  { version: 1, villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V', address: '东街 12 号', headName: '王秀兰', members: 2, tags: ['elderly_alone', 'low_income'], note: '孙子暑假回村同住' },
);
export type HouseholdUpdateInput = z.infer<typeof householdUpdateSchema>;

export const householdListQuerySchema = z.strictObject({
  villageId: idSchema('village'),
  tag: z.enum(HOUSEHOLD_TAGS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type HouseholdListQuery = z.infer<typeof householdListQuerySchema>;

/** Reveal the head's phone in clear: recorded with its reason and in the audit chain. */
export const householdRevealSchema = withExample(z.strictObject({ field: z.enum(['headPhone']).default('headPhone'), reason: text(200) }), {
  field: 'headPhone',
  reason: '回访核实家庭情况，需联系户主',
});
export type HouseholdRevealInput = z.infer<typeof householdRevealSchema>;

export interface RevealedHouseholdPhone {
  field: 'headPhone';
  value: string;
}

export const householdParamsSchema = z.strictObject({ id: idSchema('household') });
export const villageParamsSchema = z.strictObject({ id: idSchema('village') });

export interface Household {
  id: string;
  villageId: string;
  villageName: string;
  officeId: string;
  workstationId: string;
  stationId: string;
  address: string;
  headName: string;
  /** Masked (`138****1111`); the clear phone is never answered. */
  headPhoneMasked?: string;
  members: number;
  tags: HouseholdTag[];
  note?: string;
  status: 'active' | 'inactive';
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '须为 YYYY-MM-DD 日期 / must be a YYYY-MM-DD date' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: '日期不存在 / no such date' });

/** 回访: a call-back survey of one household about one officer. */
export const callbackCreateSchema = withExample(
  z.strictObject({
    date: dateSchema,
    /** The household knows its officer (name, face, how to reach him). */
    knowsOfficer: z.boolean(),
    /** The officer knows the household (head, members, situation). */
    officerKnowsHousehold: z.boolean(),
    /** The officer the call-back is about. */
    officerId: idSchema('officer'),
    satisfied: z.boolean().optional(),
    note: optionalText(1000),
  }),
  { date: '2026-05-12', knowsOfficer: true, officerKnowsHousehold: true, officerId: 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V', satisfied: true, note: '能说出社区民警姓名和电话' },
);
export type CallbackCreateInput = z.infer<typeof callbackCreateSchema>;

export interface HouseholdCallback {
  id: string;
  householdId: string;
  villageId: string;
  date: string;
  knowsOfficer: boolean;
  officerKnowsHousehold: boolean;
  officerId: string;
  satisfied?: boolean;
  note?: string;
  createdAt: string;
  createdBy: string;
}

export const familiarityQuerySchema = z
  .strictObject({ from: dateSchema.optional(), to: dateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期须不晚于结束日期 / from must not be after to', path: ['to'] });
export type FamiliarityQuery = z.infer<typeof familiarityQuerySchema>;

export interface VillageFamiliarity {
  villageId: string;
  from?: string;
  to?: string;
  /** Call-backs read (before keeping each household's latest). */
  callbacks: number;
  village: FamiliarityRate;
  byOfficer: Record<string, FamiliarityRate>;
}

const count = z.number().int().min(0).max(100_000);
/** A count per funder. */
const fundedSchema = z.strictObject({ enterprise: count, village: count, bureau: count });
export type FundedCount = z.infer<typeof fundedSchema>;

export const patrolTeamSchema = z.strictObject({
  name: text(100),
  members: z.number().int().min(1).max(1000),
  leader: text(50),
});
export type PatrolTeam = z.infer<typeof patrolTeamSchema>;

/** 群防群治 / 物防 of one village; `version` 0 answers a village that has no record yet. */
export const resourcesUpdateSchema = withExample(
  z.strictObject({
    version: z.number().int().min(0),
    /** 义务巡逻队 */
    patrolTeams: z.array(patrolTeamSchema).max(50),
    /** 治安积极分子 */
    activists: count,
    /** 监控探头 */
    cameras: fundedSchema,
    /** 气死贼 */
    windowGuards: fundedSchema,
    /** 电子狗 */
    alarms: fundedSchema,
    note: optionalText(1000),
  }),
  {
    version: 1,
    patrolTeams: [{ name: '东村义务巡逻队', members: 8, leader: '李建国' }],
    activists: 12,
    cameras: { enterprise: 4, village: 6, bureau: 2 },
    windowGuards: { enterprise: 0, village: 30, bureau: 10 },
    alarms: { enterprise: 2, village: 15, bureau: 5 },
    note: '村口新装高清探头 2 个',
  },
);
export type ResourcesUpdateInput = z.infer<typeof resourcesUpdateSchema>;

export interface VillageResources extends Omit<ResourcesUpdateInput, 'version'> {
  villageId: string;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
  updatedBy?: string;
}

const none = (): FundedCount => ({ enterprise: 0, village: 0, bureau: 0 });

/** What a village without a record answers: nothing counted, version 0. */
export function emptyResources(villageId: string): VillageResources {
  return { villageId, patrolTeams: [], activists: 0, cameras: none(), windowGuards: none(), alarms: none(), version: 0 };
}

/** Total of a per-funder count. */
export const fundedTotal = (c: FundedCount): number => c.enterprise + c.village + c.bureau;
