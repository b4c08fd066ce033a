import {
  agencyFacts,
  assessmentPeriodRange,
  assessmentPeriodType,
  groundCategory,
  idRange,
  monthsIn,
  officerFacts,
  periodDates,
  periodWeeks,
  type Agency,
  type AssessmentPeriodType,
  type FactMatter,
  type GroundCategory,
  type Office,
  type Officer,
  type PeriodFactInputs,
  type ScoreSubject,
  type Station,
  type SubjectFacts,
  type Village,
  type Workstation,
} from '@beatlink/shared';
import { addDays } from '@beatlink/shared/duty/iso-week';
import { weekCompliance } from '../../data/compliance';
import { listAllRecords } from '../../data/directory-records';
import { listDisputeRecords, queryAllMatters, type StoredMatter } from '../../data/matters';
import { intelCollected, visitsCheckedIn } from '../../data/period-records';
import { spotChecksOfMonth } from '../../data/spot-checks';
import { countySetting, systemContext } from '../analysis/period-data';

/**
 * ONE bounded read of a period for a county, and the facts of every subject (shared/assessment
 * facts.ts decides every number): the directory (officers, units, villages, agencies), the
 * compliance records of the period's weeks, the visits and information of the period by id
 * range, the matters taken in from 92 days before the period to its end (those closed, verified
 * or due within the period; a matter taken in earlier than that and closed now is not seen — the
 * price of a bounded read), their dispute records, and the spot checks of the period's months
 * and the month before (a check is often called back the month after its month).
 */
export const MATTER_LOOKBACK_DAYS = 92;

export interface AssessedOfficer {
  officer: Officer;
  subject: ScoreSubject;
  set: 'community' | 'contact';
  /** Community officers: the kind of ground of his office's villages. */
  category?: GroundCategory;
}

export interface PeriodFacts {
  tenantId: string;
  period: string;
  periodType: AssessmentPeriodType;
  timeZone: string;
  months: number;
  officers: AssessedOfficer[];
  agencies: Array<{ agency: Agency; subject: ScoreSubject }>;
  officerFacts: Map<string, SubjectFacts>;
  agencyFacts: Map<string, SubjectFacts>;
  /** Items read from the table. */
  reads: number;
}

const within = (iso: string | undefined, range: { start: number; end: number }): boolean => {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= range.start && t < range.end;
};

/** The months whose spot checks may hold results recorded in the period. */
function spotCheckMonths(period: string): string[] {
  const { first, last } = periodDates(period);
  const months = new Set<string>([addDays(first, -1).slice(0, 7)]);
  for (let day = first; day <= last; day = addDays(`${day.slice(0, 7)}-01`, 32).slice(0, 7) + '-01') months.add(day.slice(0, 7));
  return [...months].sort();
}

export function factMatter(m: StoredMatter, range: { start: number; end: number }, dispute: { resolvedAtVillage: boolean } | undefined): FactMatter {
  const closedWithin = within(m.closedAt, range);
  return {
    id: m.id,
    createdBy: m.createdBy,
    takenInWithin: within(m.createdAt, range),
    closedWithin,
    closedOnTime: closedWithin && !m.supervision?.overdueAt,
    ...(m.verification && within(m.verification.at, range) ? { verifiedWithin: { satisfied: m.verification.satisfied } } : {}),
    ...(m.holder?.type === 'agency' ? { agencyId: m.holder.id } : {}),
    ...(within(m.acceptBy, range) ? { acceptDueWithin: { onTime: !!m.acceptedAt && Date.parse(m.acceptedAt) <= Date.parse(m.acceptBy!) } } : {}),
    ...(within(m.feedbackBy, range) ? { feedbackDueWithin: { onTime: !!m.feedback && Date.parse(m.feedback.at) <= Date.parse(m.feedbackBy!) } } : {}),
    // Approximation: the matter keeps a running count, not the dates of its returns, so a matter
    // changed within the period counts all its returns here (usually they are the period's).
    returnsWithin: within(m.updatedAt, range) ? (m.returnCount ?? 0) : 0,
    ...(dispute ? { dispute } : {}),
  };
}

export async function readPeriodFacts(tenantId: string, period: string): Promise<PeriodFacts> {
  const ctx = systemContext(tenantId);
  const { timeZone } = await countySetting(tenantId);
  const range = assessmentPeriodRange(period, timeZone);
  const matterRange = idRange('matter', range.start - MATTER_LOOKBACK_DAYS * 86_400_000, range.end - 1);
  const records = { from: range.start, to: range.end - 1 };

  const [officers, stations, offices, workstations, villages, agencies, compliance, visits, matters, disputes, intel, checks] = await Promise.all([
    listAllRecords<Officer>(ctx, 'officer'),
    listAllRecords<Station>(ctx, 'station'),
    listAllRecords<Office>(ctx, 'office'),
    listAllRecords<Workstation>(ctx, 'workstation'),
    listAllRecords<Village>(ctx, 'village'),
    listAllRecords<Agency>(ctx, 'agency'),
    Promise.all(periodWeeks(period).map((week) => weekCompliance(tenantId, week))).then((weeks) => weeks.flat()),
    visitsCheckedIn(tenantId, records),
    queryAllMatters(tenantId, { range: { between: matterRange } }),
    listDisputeRecords(tenantId, matterRange),
    intelCollected(tenantId, records),
    Promise.all(spotCheckMonths(period).map((month) => spotChecksOfMonth(tenantId, month))).then((months) => months.flat()),
  ]);
  const reads =
    officers.length + stations.length + offices.length + workstations.length + villages.length + agencies.length + compliance.length + visits.length + matters.length + disputes.length + intel.length + checks.length;

  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const workstationById = new Map(workstations.map((w) => [w.id, w]));
  const villageKinds = new Map<string, string[]>();
  for (const v of villages) {
    if (v.status !== 'active') continue;
    villageKinds.set(v.officeId, [...(villageKinds.get(v.officeId) ?? []), v.kind]);
  }

  const assessed: AssessedOfficer[] = [];
  for (const officer of officers) {
    if (officer.status !== 'active' || (officer.role !== 'community_officer' && officer.role !== 'contact_officer')) continue;
    const office = officer.officeId ? officeById.get(officer.officeId) : undefined;
    const workstation = officer.workstationId ? workstationById.get(officer.workstationId) : undefined;
    const community = officer.role === 'community_officer';
    const unit = community ? office : workstation;
    const stationId = officer.stationId ?? unit?.stationId ?? office?.stationId;
    const subject: ScoreSubject = {
      kind: 'officer',
      id: officer.id,
      name: officer.name,
      role: officer.role,
      policeNumber: officer.policeNumber,
      ...(stationId ? { stationId, ...(stationName.has(stationId) ? { stationName: stationName.get(stationId)! } : {}) } : {}),
      ...(unit ? { unitName: unit.name } : {}),
    };
    assessed.push({
      officer,
      subject,
      set: community ? 'community' : 'contact',
      ...(community ? { category: groundCategory(officer.officeId ? (villageKinds.get(officer.officeId) ?? []) : []) } : {}),
    });
  }

  const disputeOf = new Map(disputes.map((d) => [d.matterId, { resolvedAtVillage: d.resolvedAtVillage }]));
  const spotChecks = checks.map((check) => {
    const recorded = check.items.filter((i) => within(i.recordedAt, range));
    return { officerId: check.officerId, passed: recorded.filter((i) => i.result === 'pass').length, failed: recorded.filter((i) => i.result === 'fail').length };
  });
  const inputs: PeriodFactInputs = {
    compliance: compliance.map((c) => ({ officerId: c.officerId, status: c.status, periodOver: c.periodOver })),
    visits: visits.map((v) => ({ officerId: v.officerId, householdsVisited: v.householdsVisited })),
    matters: matters.map((m) => factMatter(m, range, disputeOf.get(m.id))),
    intel: intel.map((i) => ({ ...(i.source.officerId ? { officerId: i.source.officerId } : {}), verification: i.verification.state })),
    spotChecks,
  };
  const byUsername = new Map(officers.map((o) => [o.username, o.id]));

  return {
    tenantId,
    period,
    periodType: assessmentPeriodType(period),
    timeZone,
    months: monthsIn(period),
    officers: assessed,
    agencies: agencies.filter((a) => a.status === 'active').map((agency) => ({ agency, subject: { kind: 'agency' as const, id: agency.id, name: agency.name } })),
    officerFacts: officerFacts(inputs, (username) => byUsername.get(username)),
    agencyFacts: agencyFacts(inputs.matters),
    reads,
  };
}
