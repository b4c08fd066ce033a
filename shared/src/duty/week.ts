import * as z from 'zod';
import { withExample } from '../fields';
import { idSchema } from '../ids';
import type { Absence } from './absences';
import type { ComplianceRecord, MakeUpState } from './compliance';
import { isoWeekSchema } from './iso-week-schema';
import { COMPLIANCE_STATUSES, type ComplianceStatus, type DutyRole } from './labels';
import type { Visit } from './visits';

/**
 * What the duty API answers about officer-weeks (警力下沉): "my week" for an officer on his phone
 * (evaluated live from his visits and absences, so it is right the moment he checks out), and the
 * county's board of stored compliance records (written by the weekly evaluation job).
 */

export const dutyWeekQuerySchema = z.strictObject({
  /** Another officer's week (for those who may see it); default: the caller's own. */
  officerId: idSchema('officer').optional(),
  /** Default: the current ISO week in the county's time zone. */
  week: isoWeekSchema.optional(),
});
export type DutyWeekQuery = z.infer<typeof dutyWeekQuerySchema>;

export interface DutyWeek {
  officerId: string;
  officerName: string;
  role: DutyRole;
  week: string;
  timeZone: string;
  /** The instant the week was evaluated at. */
  evaluatedAt: string;
  /** The villages his duty counts in. */
  villages: Array<{ id: string; name: string }>;
  /** The week so far (or final, once `record.periodOver`). */
  record: ComplianceRecord;
  /** The week's visits, regular and make-up, oldest first. */
  visits: Visit[];
  /** His absence reports for the week, any status. */
  absences: Absence[];
  /** His make-up obligations still open or due recently, oldest first, with their progress. */
  makeUps: MakeUpState[];
  /** The open visit he still has to check out of, if any (any week). */
  openVisit?: Visit;
}

/** A stored officer-week (the weekly job's result), as listed on the county's board. */
export interface ComplianceEntry extends ComplianceRecord {
  officerName: string;
  stationId?: string;
  /** Office (community officer) or workstation (contact officer) the officer belongs to. */
  unitId?: string;
  evaluatedAt: string;
  version: number;
}

export const complianceListQuerySchema = z.strictObject({
  week: isoWeekSchema,
  status: z.enum(COMPLIANCE_STATUSES).optional(),
  stationId: idSchema('station').optional(),
});
export type ComplianceListQuery = z.infer<typeof complianceListQuerySchema>;

export interface ComplianceBoard {
  week: string;
  /** Counts by status over the whole (station-filtered) week, before the `status` filter. */
  counts: Record<ComplianceStatus, number>;
  /** Duty officers with no stored record for the week (not evaluated yet, or assigned since). */
  notEvaluated: number;
  items: ComplianceEntry[];
}

export const complianceEvaluateSchema = withExample(
  z.strictObject({
    /** A finished ISO week of the county. */
    week: isoWeekSchema,
  }),
  { week: '2026-W20' },
);
export type ComplianceEvaluateInput = z.infer<typeof complianceEvaluateSchema>;

export interface ComplianceEvaluation {
  week: string;
  officers: number;
  counts: Record<ComplianceStatus, number>;
  /** Items read from the table to evaluate the week (the benchmark watches it). */
  itemsRead: number;
}
