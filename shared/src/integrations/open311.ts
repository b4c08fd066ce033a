import * as z from 'zod';
import { emailSchema, phoneSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import { villageCodeSchema } from '../division-code';
import { categoryIdSchema } from '../matters/config';
import { MATTER_KINDS, SEVERITIES } from '../matters/kinds';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) and mySociety's
 * `servicerequestupdates` extension: the input of each endpoint as a zod schema. Values arrive as
 * form fields (strings) or JSON; `api_key` and `jurisdiction_id` are taken off before these run
 * (the key is checked by the router, the jurisdiction against the key's county).
 */

/** The longest date window of a listing (spec: "may be limited to 90 days"). */
export const OPEN311_MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
export const OPEN311_MAX_PAGE_SIZE = 1000;
export const OPEN311_MAX_IDS = 100;

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A W3C datetime (`2026-11-20T09:30:00+08:00`, `…Z` or a date), normalised to ISO-8601 UTC. */
export const w3cDateTimeSchema = z
  .string()
  .trim()
  .regex(W3C_DATETIME, { message: '须为 W3C 时间，如 2026-11-20T09:30:00+08:00 / must be a W3C datetime', abort: true })
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: '不是有效的时间 / not a valid time' })
  .transform((value) => new Date(Date.parse(value)).toISOString())
  .meta({ format: 'date-time' });

/** A comma-separated list (a query parameter), each item checked by `item`, at most `max` items. */
export function commaList<T extends z.ZodType<unknown, string>>(item: T, max: number) {
  return z
    .string()
    .max(max * 64)
    .transform((value, ctx) => {
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');
      if (parts.length === 0) ctx.addIssue({ code: 'custom', message: '不能为空 / must not be empty' });
      if (parts.length > max) ctx.addIssue({ code: 'custom', message: `最多 ${max} 项 / at most ${max} items` });
      const out: Array<z.output<T>> = [];
      for (const part of parts) {
        const result = item.safeParse(part);
        if (result.success) out.push(result.data as z.output<T>);
        else ctx.addIssue({ code: 'custom', message: `${part}：${result.error.issues[0]?.message ?? 'invalid'}` });
      }
      return [...new Set(out)];
    });
}

/** A number sent as a form field (`"36.0671"`) or as JSON. */
const formNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^[+-]?\d+(\.\d+)?$/, { message: '须为数字 / must be a number' }).transform(Number)])
    .pipe(z.number().min(min).max(max));

/** A whole number sent as a query parameter or JSON. */
const formInt = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, { message: '须为正整数 / must be a whole number' }).transform(Number)])
    .pipe(z.number().int().min(min).max(max));

const shortText = (max: number) => z.string().trim().max(max).optional();

/** The service definition's attributes (`attribute[kind]=dispute`); each is optional. */
export const open311AttributesSchema = z.strictObject({
  kind: z.enum(MATTER_KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  /** The village's 12-digit division code (村级区划代码). */
  village_code: villageCodeSchema.optional(),
  occurred_at: w3cDateTimeSchema.optional(),
});
export type Open311Attributes = z.infer<typeof open311AttributesSchema>;

/** `address_id`: a village's 12-digit division code (what listings return), or its id. */
export const open311AddressIdSchema = z.union([villageCodeSchema, idSchema('village')], {
  message: '须为村级区划代码或村编号 / must be a village division code or village id',
});

/** `POST requests.(json|xml)`: service_code, a location, and what happened. */
export const open311CreateRequestSchema = withExample(
  z
    .strictObject({
      service_code: categoryIdSchema,
      lat: formNumber(-90, 90).optional(),
      long: formNumber(-180, 180).optional(),
      address_string: shortText(120),
      address_id: open311AddressIdSchema.optional(),
      email: emailSchema.optional(),
      device_id: shortText(100),
      account_id: shortText(100),
      first_name: shortText(20),
      last_name: shortText(20),
      phone: phoneSchema.optional(),
      /** Spec: free text up to 4,000 characters. */
      description: shortText(4000),
      media_url: z.url().max(500).optional(),
      attribute: open311AttributesSchema.optional(),
    })
    .superRefine((value, ctx) => {
      const hasLat = value.lat !== undefined;
      const hasLong = value.long !== undefined;
      if (hasLat && !hasLong) ctx.addIssue({ code: 'custom', path: ['long'], message: 'long 须与 lat 同时提供 / long is required with lat' });
      if (hasLong && !hasLat) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat 须与 long 同时提供 / lat is required with long' });
      if (!hasLat && !hasLong && !value.address_string && !value.address_id && !value.attribute?.village_code) {
        ctx.addIssue({
          code: 'custom',
          path: ['lat'],
          message: '须提供位置：lat 与 long、address_string 或 address_id 之一 / a location is required: lat & long, address_string or address_id',
        });
      }
    }),
  {
    service_code: 'sanitation',
    address_string: '东村村委会东侧垃圾池',
    address_id: '370283101001',
    description: '村东头垃圾池已满一周无人清运，气味很大。',
    first_name: '某',
    last_name: '王',
    phone: '13805321111',
    attribute: { kind: 'demand', severity: 'medium' },
  },
);
export type Open311CreateRequestInput = z.infer<typeof open311CreateRequestSchema>;

/** The date window both listings share: end_date after start_date, at most 90 days apart. */
function checkWindow(value: { start_date?: string; end_date?: string }, ctx: z.core.$RefinementCtx) {
  if (!value.start_date || !value.end_date) return;
  const span = Date.parse(value.end_date) - Date.parse(value.start_date);
  if (span < 0) ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'end_date 不能早于 start_date / end_date before start_date' });
  else if (span > OPEN311_MAX_WINDOW_DAYS * DAY_MS) {
    ctx.addIssue({ code: 'custom', path: ['end_date'], message: `start_date 与 end_date 最多相隔 ${OPEN311_MAX_WINDOW_DAYS} 天 / at most ${OPEN311_MAX_WINDOW_DAYS} days apart` });
  }
}

const windowFields = { start_date: w3cDateTimeSchema.optional(), end_date: w3cDateTimeSchema.optional() };

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** `GET requests.(json|xml)`: by ids (then the other filters are ignored, as the spec says), or a window. */
export const open311ListRequestsQuerySchema = z
  .strictObject({
    service_request_id: commaList(idSchema('matter'), OPEN311_MAX_IDS).optional(),
    service_code: commaList(categoryIdSchema, 100).optional(),
    ...windowFields,
    status: commaList(z.enum(OPEN311_STATUSES), OPEN311_STATUSES.length).optional(),
    /** Extension: pages of `page_size` requests, newest first. */
    page: formInt(1, 100_000).default(1),
    page_size: formInt(1, OPEN311_MAX_PAGE_SIZE).default(OPEN311_MAX_PAGE_SIZE),
  })
  .superRefine(checkWindow)
  .meta({ examples: [{ service_code: 'sanitation,traffic', start_date: '2026-11-01T00:00:00+08:00', end_date: '2026-11-30T00:00:00+08:00', status: 'open' }] });
export type Open311ListRequestsQuery = z.infer<typeof open311ListRequestsQuerySchema>;

/** mySociety `GET servicerequestupdates.(json|xml)`: the updates of a window of at most 90 days. */
export const open311ListUpdatesQuerySchema = z
  .strictObject(windowFields)
  .superRefine(checkWindow)
  .meta({ examples: [{ start_date: '2026-11-20T00:00:00+08:00', end_date: '2026-11-21T00:00:00+08:00' }] });
export type Open311ListUpdatesQuery = z.infer<typeof open311ListUpdatesQuerySchema>;

/** mySociety's update statuses. */
export const OPEN311_UPDATE_STATUSES = [
  'OPEN',
  'CLOSED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'FIXED',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
] as const;
export type Open311UpdateStatus = (typeof OPEN311_UPDATE_STATUSES)[number];

/** mySociety `POST servicerequestupdates.(json|xml)`: an agency's system reports on a request it holds. */
export const open311PostUpdateSchema = withExample(
  z
    .strictObject({
      service_request_id: idSchema('matter'),
      updated_datetime: w3cDateTimeSchema,
      status: z.enum(OPEN311_UPDATE_STATUSES),
      description: shortText(1000),
      /** The agency system's own id of the update, echoed back. */
      update_id: shortText(64),
      media_url: z.url().max(500).optional(),
      // Sent by some clients (FixMyStreet); accepted and not stored.
      email: emailSchema.optional(),
      first_name: shortText(20),
      last_name: shortText(20),
      title: shortText(60),
      account_id: shortText(100),
    })
    .superRefine((value, ctx) => {
      if (value.status === 'NOT_COUNCILS_RESPONSIBILITY' && !value.description) {
        ctx.addIssue({ code: 'custom', path: ['description'], message: '退回须说明理由 / description (the reason) required for NOT_COUNCILS_RESPONSIBILITY' });
      }
    }),
  {
    service_request_id: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    updated_datetime: '2026-11-21T10:00:00+08:00',
    status: 'FIXED',
    description: '已安排清运车辆，垃圾池已清空。',
    update_id: 'HJ-2026-1120-07',
  },
);
export type Open311PostUpdateInput = z.infer<typeof open311PostUpdateSchema>;

/** `{service_code}`, `{service_request_id}`, `{token}` with their `.json`/`.xml` suffix. */
export const open311ItemParamsSchema = (name: string) => z.strictObject({ [name]: z.string().min(1).max(120) });

/**
 * The window a listing covers: the given dates, else the 90 days ending at `end_date` (or now).
 * Returns the problem when only start_date was given and it lies more than 90 days back.
 */
export function open311Window(
  query: { start_date?: string; end_date?: string },
  nowMs: number,
): { from: number; to: number } | { path: 'end_date'; message: string } {
  const to = query.end_date ? Date.parse(query.end_date) : nowMs;
  const from = query.start_date ? Date.parse(query.start_date) : to - OPEN311_MAX_WINDOW_DAYS * DAY_MS;
  if (to < from) return { path: 'end_date', message: 'end_date（缺省为当前时间）不能早于 start_date / end_date (default now) before start_date' };
  if (to - from > OPEN311_MAX_WINDOW_DAYS * DAY_MS) {
    return { path: 'end_date', message: `start_date 与 end_date（缺省为当前时间）最多相隔 ${OPEN311_MAX_WINDOW_DAYS} 天 / at most ${OPEN311_MAX_WINDOW_DAYS} days apart (end_date defaults to now)` };
  }
  return { from, to };
}
