import type { ComplianceStatus } from '../duty/labels';
import type { VerificationState } from '../intel/labels';
import type { SubjectFacts } from './scoring';

/**
 * From a period's records to each subject's facts. The service reads the records (bounded by
 * the period) and hands the minimal shapes below; everything that decides a number is here.
 */
export interface FactCompliance {
  officerId: string;
  status: ComplianceStatus;
  /** Only weeks that are over count. */
  periodOver: boolean;
}
export interface FactVisit {
  officerId: string;
  householdsVisited: number;
}
/** A matter read for the period: taken in within it, or closed / verified within it. */
export interface FactMatter {
  id: string;
  createdBy: string;
  takenInWithin: boolean;
  closedWithin: boolean;
  /** Closed without its deadline ever having passed (no overdue mark). */
  closedOnTime: boolean;
  verifiedWithin?: { satisfied: boolean };
  /** The agency that holds (held last) the matter. */
  agencyId?: string;
  acceptDueWithin?: { onTime: boolean };
  feedbackDueWithin?: { onTime: boolean };
  /** Returns and unsatisfied verifications within the period (agency deduction). */
  returnsWithin: number;
  dispute?: { resolvedAtVillage: boolean };
}
export interface FactIntel {
  officerId?: string;
  verification: VerificationState;
}
export interface FactSpotCheck {
  officerId: string;
  passed: number;
  failed: number;
}

export interface PeriodFactInputs {
  compliance: readonly FactCompliance[];
  visits: readonly FactVisit[];
  matters: readonly FactMatter[];
  intel: readonly FactIntel[];
  spotChecks: readonly FactSpotCheck[];
}

function bump(map: Map<string, SubjectFacts>, id: string, key: keyof SubjectFacts, value: number, of = 0): void {
  const facts = map.get(id) ?? {};
  const f = facts[key] ?? { value: 0, of: 0 };
  facts[key] = { value: f.value + value, of: (f.of ?? 0) + of };
  map.set(id, facts);
}

/**
 * Facts of every officer found in the inputs, by officer id. Matters are the officer's when he
 * took them in (`createdBy` is his username, `officerOfUsername` maps it).
 */
export function officerFacts(inputs: PeriodFactInputs, officerOfUsername: (username: string) => string | undefined): Map<string, SubjectFacts> {
  const map = new Map<string, SubjectFacts>();
  for (const c of inputs.compliance) {
    if (!c.periodOver) continue;
    bump(map, c.officerId, 'duty_compliance', c.status === 'met' || c.status === 'excused' ? 1 : 0, 1);
    if (c.status === 'violation') bump(map, c.officerId, 'violations', 1);
  }
  for (const v of inputs.visits) bump(map, v.officerId, 'households_visited', v.householdsVisited);
  for (const m of inputs.matters) {
    const officerId = officerOfUsername(m.createdBy);
    if (!officerId) continue;
    if (m.takenInWithin) {
      bump(map, officerId, 'matters_taken_in', 1);
      if (m.dispute) bump(map, officerId, 'disputes_resolved_village', m.dispute.resolvedAtVillage ? 1 : 0, 1);
    }
    if (m.closedWithin) bump(map, officerId, 'closed_on_time', m.closedOnTime ? 1 : 0, 1);
    if (m.verifiedWithin) bump(map, officerId, 'satisfaction', m.verifiedWithin.satisfied ? 1 : 0, 1);
  }
  for (const i of inputs.intel) {
    if (!i.officerId) continue;
    bump(map, i.officerId, 'intel_collected', 1);
    if (i.verification !== 'obsolete') bump(map, i.officerId, 'intel_verified', i.verification === 'verified' ? 1 : 0, 1);
  }
  for (const s of inputs.spotChecks) bump(map, s.officerId, 'spot_check_pass', s.passed, s.passed + s.failed);
  return map;
}

/** Facts of every agency that held a matter of the period, by agency id. */
export function agencyFacts(matters: readonly FactMatter[]): Map<string, SubjectFacts> {
  const map = new Map<string, SubjectFacts>();
  for (const m of matters) {
    if (!m.agencyId) continue;
    if (m.acceptDueWithin) bump(map, m.agencyId, 'agency_accept_on_time', m.acceptDueWithin.onTime ? 1 : 0, 1);
    if (m.feedbackDueWithin) bump(map, m.agencyId, 'agency_feedback_on_time', m.feedbackDueWithin.onTime ? 1 : 0, 1);
    if (m.verifiedWithin) bump(map, m.agencyId, 'agency_satisfaction', m.verifiedWithin.satisfied ? 1 : 0, 1);
    if (m.returnsWithin > 0) bump(map, m.agencyId, 'agency_returns', m.returnsWithin);
    if (!map.has(m.agencyId)) map.set(m.agencyId, {});
  }
  return map;
}
