import {
  addDays,
  addIsoWeeks,
  allocateMakeUp,
  evaluateOfficerWeek,
  isoWeekBounds,
  isoWeekMonday,
  makeUpUnitOf,
  previousIsoWeek,
  type ComplianceRecord,
  type DutyRole,
  type DutyRules,
  type DutyVisit,
  type MakeUpObligation,
  type MakeUpState,
} from '@beatlink/shared';
import { officerAbsencesBetween, type StoredAbsence } from '../../data/absences';
import { officerMakeUpCompliance } from '../../data/compliance';
import { allVisits, checkInRange, type StoredVisit } from '../../data/visits';

/**
 * Reads what the duty rules (shared/duty/compliance.ts) need for one officer-week and evaluates
 * it. What is read grows with the week, not with the officer's history:
 * - the week's visits (one range of his visit index);
 * - his absences dated in the week;
 * - the make-up obligations of the few weeks whose make-up window can still overlap this one's
 *   (`makeUpDueDays` bounds it), from a sparse index of his compliance records with a make-up;
 * - his make-up visits only (a sparse index), from the oldest of those weeks on — and only when
 *   there is an obligation to count them against.
 * The one place both the live "my week" and the weekly evaluation read from, so they agree.
 */
export interface DutyOfficer {
  id: string;
  name: string;
  role: DutyRole;
  stationId?: string;
  /** The office (community officer) or workstation (contact officer) whose villages he serves. */
  unitId?: string;
  villages: Array<{ id: string; name: string }>;
}

export interface DutySetting {
  tenantId: string;
  rules: DutyRules;
  timeZone: string;
  /** The clock of the evaluation. */
  now: string;
  /** Items read, summed over the evaluations that share this setting (the benchmark reports it). */
  reads: { items: number };
}

export interface OfficerWeekEvaluation {
  record: ComplianceRecord;
  /** Every obligation considered (earlier weeks' and this week's), with progress, oldest first. */
  makeUps: MakeUpState[];
  visits: StoredVisit[];
  absences: StoredAbsence[];
}

const toDutyVisit = (v: StoredVisit): DutyVisit => ({
  id: v.id,
  villageId: v.villageId,
  checkInAt: v.checkedInAt,
  checkOutAt: v.checkedOutAt ?? null,
  makeUp: v.makeUp,
  flagged: v.checkInFlag.flagged,
});

/** How many weeks back an obligation can still be open, given the due-date rule. */
const lookBackWeeks = (rules: DutyRules) => Math.ceil(rules.makeUpDueDays / 7) + 1;

export async function evaluateOfficerWeekFromTable(setting: DutySetting, officer: DutyOfficer, week: string): Promise<OfficerWeekEvaluation> {
  const { tenantId, rules, timeZone, now, reads } = setting;
  const { start, end } = isoWeekBounds(week, timeZone);
  const monday = isoWeekMonday(week);
  const [visits, absences, earlier] = await Promise.all([
    allVisits(tenantId, { by: 'officer', officerId: officer.id }, checkInRange(start, end)),
    officerAbsencesBetween(tenantId, officer.id, monday, addDays(monday, 6)),
    officerMakeUpCompliance(tenantId, officer.id, { between: [addIsoWeeks(week, -lookBackWeeks(rules)), previousIsoWeek(week)] }),
  ]);
  reads.items += visits.length + absences.length + earlier.length;

  const unit = makeUpUnitOf(officer.role);
  const obligations: MakeUpObligation[] = earlier.flatMap((c) =>
    c.makeUp && c.makeUp.unit === unit ? [{ week: c.week, absenceId: c.makeUp.absenceId, unit, amount: c.makeUp.amount, dueDate: c.makeUp.dueDate }] : [],
  );
  const approved = absences.filter((a) => a.status === 'approved').map((a) => ({ id: a.id, fromDate: a.date, toDate: a.date }));

  // Make-up visits matter only when something is owed (an earlier obligation, or an excuse now).
  let makeUpVisits: StoredVisit[] = [];
  if (obligations.length > 0 || approved.length > 0) {
    const from = Math.min(start, ...obligations.map((o) => isoWeekBounds(o.week, timeZone).start));
    makeUpVisits = await allVisits(tenantId, { by: 'makeUp', officerId: officer.id }, checkInRange(from, Math.max(Date.parse(now), end)));
    reads.items += makeUpVisits.length;
  }

  const input = {
    officerId: officer.id,
    role: officer.role,
    villageIds: officer.villages.map((v) => v.id),
    week,
    rules,
    timeZone,
    now,
    visits: visits.map(toDutyVisit),
    approvedAbsences: approved,
    makeUpObligations: obligations,
    makeUpVisits: makeUpVisits.map(toDutyVisit),
  };
  const record = evaluateOfficerWeek(input);
  const all = record.makeUp ? [...obligations, record.makeUp] : obligations;
  const makeUps = all.length
    ? allocateMakeUp({ unit, obligations: all, visits: input.makeUpVisits, villageIds: input.villageIds, timeZone, now }).obligations
    : [];
  const byCheckIn = (a: StoredVisit, b: StoredVisit) => a.checkedInAt.localeCompare(b.checkedInAt);
  return { record, makeUps, visits: [...visits].sort(byCheckIn), absences };
}
