import * as z from 'zod';
import { optionalText, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import { isoWeekSchema } from './iso-week-schema';
import type { CheckInFlag } from './geo';

/**
 * Visits (入村走访): an officer checks in at a village from his phone and checks out when he
 * leaves. Times come from the phone, so a visit recorded without network and sent later keeps
 * its real times; the API accepts them within limits (not in the future, not older than a week).
 */
const isoTime = z.iso.datetime({ message: '须为 UTC ISO 时间 / must be a UTC ISO time' });

/** A position from the browser's geolocation API, with its accuracy radius in metres. */
export const fixSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
});
export type Fix = z.infer<typeof fixSchema>;

export const checkInSchema = withExample(
  z.strictObject({
    villageId: idSchema('village'),
    /** When the officer checked in, by the phone's clock (may be earlier than the request). */
    at: isoTime,
    position: fixSchema.optional(),
    note: optionalText(500),
    /** A make-up visit (补课): counts only against make-up obligations, never towards the week's regular duty. */
    makeUp: z.boolean().default(false),
  }),
  { villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V', at: '2026-05-12T06:00:00.000Z', position: { lat: 36.781, lng: 119.962, accuracy: 25 }, note: '到村委会报到', makeUp: false },
);
export type CheckInInput = z.infer<typeof checkInSchema>;

export const checkOutSchema = withExample(
  z.strictObject({
    version: versionSchema,
    at: isoTime,
    position: fixSchema.optional(),
    /** 入户走访户数 */
    householdsVisited: z.number().int().min(0).max(500),
    /** 走访群众人数 */
    peopleTalkedTo: z.number().int().min(0).max(2000),
    notes: optionalText(2000),
    /** Matters taken in during the visit. */
    matterIds: z.array(idSchema('matter')).max(50).default([]),
  }),
  { version: 1, at: '2026-05-12T09:30:00.000Z', householdsVisited: 6, peopleTalkedTo: 11, notes: '走访独居老人 3 户，调解邻里纠纷 1 起', matterIds: ['mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V'] },
);
export type CheckOutInput = z.infer<typeof checkOutSchema>;

export const visitListQuerySchema = z.strictObject({
  /** Another officer's visits (for those who may see them); default: the caller's own. */
  officerId: idSchema('officer').optional(),
  villageId: idSchema('village').optional(),
  week: isoWeekSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitParamsSchema = z.strictObject({ id: idSchema('visit') });

export interface Visit {
  id: string;
  officerId: string;
  officerName: string;
  role: string;
  villageId: string;
  villageName: string;
  officeId: string;
  workstationId: string;
  stationId: string;
  checkedInAt: string;
  checkInPosition?: Fix;
  checkInFlag: CheckInFlag;
  /** Recorded as a make-up visit (补课). */
  makeUp: boolean;
  checkedOutAt?: string;
  checkOutPosition?: Fix;
  householdsVisited: number;
  peopleTalkedTo: number;
  notes?: string;
  matterIds: string[];
  /** Whole minutes between check-in and check-out (0 while open). */
  minutes: number;
  status: 'open' | 'closed';
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}
