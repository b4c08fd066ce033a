import * as z from 'zod';
import { geoPointSchema, optionalText, phoneSchema, text, versionSchema, withExample, type RecordMeta } from '../fields';
import { idSchema } from '../ids';
import { idCheckDigit, idNumberProblem, normaliseIdNumber } from './id-number';
import {
  GENDERS,
  ID_NUMBER_PROBLEM_MESSAGES,
  INTEL_SECRET_FIELDS,
  INTEL_TYPES,
  INTEL_TYPE_LABELS,
  RELIABILITY_GRADES,
  VERIFICATION_STATES,
  type Gender,
  type IntelSecretField,
  type IntelType,
  type ReliabilityGrade,
  type VerificationState,
} from './labels';

/**
 * The information store (信息采集, 公安非标库, DOMAIN.md "Information collection"): records of
 * people, places, things, events and organisations, each in a village, linked to each other,
 * with a source officer (the caller), a reliability grade and a verification state.
 *
 * A record is one object with a `type` and exactly one block of details named after it
 * (`person`, `place`, …): the shape stays one flat object for forms and for the generated tests,
 * and the refinement says which block belongs. ID numbers and phones are encrypted at rest,
 * answered masked (`idNumberMasked`, `phoneMasked`) and shown in clear by a recorded reveal only.
 */

/** A valid GB 11643 number; the 400 says what is wrong (the check digit, the birth date, …). */
export const intelIdNumberSchema = z
  .string()
  .max(40, { message: ID_NUMBER_PROBLEM_MESSAGES.format })
  .overwrite(normaliseIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[problem] });
  })
  .meta({ format: 'gb11643' });

/** Lookup keys are computed on these forms: upper-case `X` for ID numbers, digits only for phones. */
export type LookupKind = 'idNumber' | 'phone';

export function normaliseLookupValue(kind: LookupKind, value: string): string {
  return kind === 'idNumber' ? normaliseIdNumber(value) : value.normalize('NFKC').replace(/^\s*(\+|00)86/, '').replace(/\D/g, '');
}

/** The secret fields and the lookup kind each is found by. */
export const LOOKUP_KIND_OF: Record<IntelSecretField, LookupKind> = { idNumber: 'idNumber', phone: 'phone', contactPhone: 'phone' };

const tagsSchema = z
  .array(text(20))
  .max(10)
  .refine((tags) => new Set(tags).size === tags.length, { message: '标签不能重复 / tags must not repeat' })
  .default([]);

export const intelLinkSchema = z.strictObject({
  recordId: idSchema('intel'),
  /** 户主、同住、经营、涉及 … */
  relation: text(20),
});
export type IntelLinkInput = z.infer<typeof intelLinkSchema>;

const linksSchema = z
  .array(intelLinkSchema)
  .max(20)
  .refine((links) => new Set(links.map((l) => l.recordId)).size === links.length, { message: '关联记录不能重复 / a record is linked once' })
  .default([]);

const personFields = { name: text(50), gender: z.enum(GENDERS), address: optionalText(200), occupation: optionalText(50) };
const personCreateSchema = z.strictObject({ ...personFields, idNumber: intelIdNumberSchema.optional(), phone: phoneSchema.optional() });
/** In an update, a secret left out keeps the stored value and `null` removes it. */
const personUpdateSchema = z.strictObject({ ...personFields, idNumber: intelIdNumberSchema.nullable().optional(), phone: phoneSchema.nullable().optional() });

const placeSchema = z.strictObject({ name: text(100), address: optionalText(200), location: geoPointSchema.optional() });
const thingSchema = z.strictObject({
  name: text(100),
  /** 车辆、电动车、危险物品 … */
  category: text(50),
  /** A plate number, a frame number … */
  identifier: optionalText(50),
});
const eventSchema = z.strictObject({ title: text(100), occurredAt: z.iso.datetime({ offset: true }).optional(), description: text(2000) });

const organisationFields = { name: text(100), address: optionalText(200) };
const organisationCreateSchema = z.strictObject({ ...organisationFields, contactPhone: phoneSchema.optional() });
const organisationUpdateSchema = z.strictObject({ ...organisationFields, contactPhone: phoneSchema.nullable().optional() });

const commonFields = {
  type: z.enum(INTEL_TYPES),
  villageId: idSchema('village'),
  tags: tagsSchema,
  links: linksSchema,
  reliability: z.enum(RELIABILITY_GRADES),
  note: optionalText(1000),
};

/** Exactly the block named by `type`: the one missing or another one present names its field. */
function oneBlockOfType(value: { type: IntelType } & Partial<Record<IntelType, unknown>>, ctx: z.RefinementCtx): void {
  for (const type of INTEL_TYPES) {
    const label = INTEL_TYPE_LABELS[type];
    if (type === value.type && value[type] === undefined) {
      ctx.addIssue({ code: 'custom', path: [type], message: `须填写${label.zh}信息 / the ${label.en} details are required` });
    } else if (type !== value.type && value[type] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [type], message: `与记录类型不符 / only the ${value.type} details fit a ${value.type} record` });
    }
  }
}

const EXAMPLE_ID17 = '37990119850312123';
/** A synthetic number (region 379901 belongs to no county) with its real check digit. */
export const EXAMPLE_ID_NUMBER = EXAMPLE_ID17 + idCheckDigit(EXAMPLE_ID17);
const EXAMPLE_VILLAGE = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

export const intelCreateSchema = withExample(
  z
    .strictObject({
      ...commonFields,
      person: personCreateSchema.optional(),
      place: placeSchema.optional(),
      thing: thingSchema.optional(),
      event: eventSchema.optional(),
      organisation: organisationCreateSchema.optional(),
    })
    .superRefine(oneBlockOfType),
  {
    type: 'person',
    villageId: EXAMPLE_VILLAGE,
    person: { name: '张建华', gender: 'male', idNumber: EXAMPLE_ID_NUMBER, phone: '13800002222', address: '东街 12 号', occupation: '个体经营' },
    tags: ['出租房房东'],
    links: [{ recordId: 'itl_01JD3Z6Q9V8C2M4N5P6R7S8T9V', relation: '经营' }],
    reliability: 'B',
    note: '走访时本人提供',
  },
);
export type IntelCreateInput = z.infer<typeof intelCreateSchema>;

/** The whole record again with the version it was based on; the type cannot change. */
export const intelUpdateSchema = withExample(
  z
    .strictObject({
      ...commonFields,
      version: versionSchema,
      person: personUpdateSchema.optional(),
      place: placeSchema.optional(),
      thing: thingSchema.optional(),
      event: eventSchema.optional(),
      organisation: organisationUpdateSchema.optional(),
    })
    .superRefine(oneBlockOfType),
  {
    version: 1,
    type: 'person',
    villageId: EXAMPLE_VILLAGE,
    person: { name: '张建华', gender: 'male', address: '西街 3 号', occupation: '货车司机' },
    tags: ['重点关注'],
    links: [],
    reliability: 'C',
    note: '已搬至西街',
  },
);
export type IntelUpdateInput = z.infer<typeof intelUpdateSchema>;

export const intelListQuerySchema = z.strictObject({
  /** Required unless the caller reaches the whole county. */
  villageId: idSchema('village').optional(),
  type: z.enum(INTEL_TYPES).optional(),
  tag: text(20).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type IntelListQuery = z.infer<typeof intelListQuerySchema>;

export const intelHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type IntelHistoryQuery = z.infer<typeof intelHistoryQuerySchema>;

export const intelParamsSchema = z.strictObject({ id: idSchema('intel') });

export const intelVerifySchema = withExample(
  z.strictObject({ version: versionSchema, state: z.enum(VERIFICATION_STATES), note: optionalText(500) }),
  { version: 1, state: 'verified', note: '经村委会核实属实' },
);
export type IntelVerifyInput = z.infer<typeof intelVerifySchema>;

export const intelRevealSchema = withExample(z.strictObject({ field: z.enum(INTEL_SECRET_FIELDS), reason: text(200) }), {
  field: 'phone',
  reason: '核实出租房登记信息，需联系本人',
});
export type IntelRevealInput = z.infer<typeof intelRevealSchema>;

/** Exact lookup by one ID number or one phone (a POST, so the number never lands in a URL or a log). */
export const intelLookupSchema = withExample(
  z.strictObject({ idNumber: intelIdNumberSchema.optional(), phone: phoneSchema.optional() }).superRefine((value, ctx) => {
    const given = [value.idNumber, value.phone].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: [value.idNumber === undefined ? 'idNumber' : 'phone'], message: '须且只能填写身份证号码或电话之一 / give either an ID number or a phone' });
  }),
  { idNumber: EXAMPLE_ID_NUMBER },
);
export type IntelLookupInput = z.infer<typeof intelLookupSchema>;

/* ---------------------------------------------------------------- views */

export interface IntelPerson {
  name: string;
  gender: Gender;
  /** `379901********1234`; the clear number only through a recorded reveal. */
  idNumberMasked?: string;
  /** `138****2222` */
  phoneMasked?: string;
  address?: string;
  occupation?: string;
}
export type IntelPlace = z.infer<typeof placeSchema>;
export type IntelThing = z.infer<typeof thingSchema>;
export type IntelEvent = z.infer<typeof eventSchema>;
export interface IntelOrganisation {
  name: string;
  address?: string;
  contactPhoneMasked?: string;
}

export interface IntelLink {
  recordId: string;
  relation: string;
  /** Type and title of the linked record, when it exists and lies within the caller's reach. */
  type?: IntelType;
  title?: string;
}

export interface IntelVerification {
  state: VerificationState;
  by?: string;
  byName?: string;
  at?: string;
  note?: string;
}

export interface IntelRecord extends RecordMeta {
  type: IntelType;
  /** The name of the person, place, thing or organisation, the title of the event. */
  title: string;
  villageId: string;
  villageName: string;
  stationId: string;
  officeId: string;
  workstationId: string;
  person?: IntelPerson;
  place?: IntelPlace;
  thing?: IntelThing;
  event?: IntelEvent;
  organisation?: IntelOrganisation;
  tags: string[];
  links: IntelLink[];
  reliability: ReliabilityGrade;
  verification: IntelVerification;
  /** The officer who collected it (采集人). */
  source: { username: string; name: string; officerId?: string };
  note?: string;
}

/** A record with the records that link to it (答复 GET /intel/records/{id}). */
export interface IntelRecordDetail extends IntelRecord {
  linkedFrom: IntelLink[];
}

export type IntelEventAction = 'create' | 'update' | 'verify';

/** One change of a record (its history): who, when, which fields, the version it made. */
export interface IntelRecordEvent {
  id: string;
  recordId: string;
  action: IntelEventAction;
  changed: string[];
  version: number;
  by: string;
  byName: string;
  at: string;
  /** The state a verification set. */
  state?: VerificationState;
}

export interface IntelRevealed {
  field: IntelSecretField;
  value: string;
}

/** The display title of a record's details. */
export function intelTitle(record: { type: IntelType } & Partial<Record<IntelType, { name?: string; title?: string } | undefined>>): string {
  const block = record[record.type];
  return (record.type === 'event' ? block?.title : block?.name) ?? '';
}
