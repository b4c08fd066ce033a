import { describe, expect, it } from 'vitest';
import { agencyFacts, officerFacts, type FactMatter, type PeriodFactInputs } from './facts';

const matter = (over: Partial<FactMatter>): FactMatter => ({ id: 'mtr_x', createdBy: 'zhang', takenInWithin: false, closedWithin: false, closedOnTime: false, returnsWithin: 0, ...over });

describe('officerFacts', () => {
  const inputs: PeriodFactInputs = {
    compliance: [
      { officerId: 'ofr_1', status: 'met', periodOver: true },
      { officerId: 'ofr_1', status: 'excused', periodOver: true },
      { officerId: 'ofr_1', status: 'short', periodOver: true },
      { officerId: 'ofr_1', status: 'violation', periodOver: true },
      // A week still running does not count.
      { officerId: 'ofr_1', status: 'short', periodOver: false },
    ],
    visits: [
      { officerId: 'ofr_1', householdsVisited: 12 },
      { officerId: 'ofr_1', householdsVisited: 18 },
    ],
    matters: [
      matter({ id: 'm1', takenInWithin: true, dispute: { resolvedAtVillage: true } }),
      matter({ id: 'm2', takenInWithin: true, closedWithin: true, closedOnTime: true, verifiedWithin: { satisfied: true } }),
      matter({ id: 'm3', closedWithin: true, closedOnTime: false, verifiedWithin: { satisfied: false }, dispute: { resolvedAtVillage: false } }),
      // Taken in by someone who is not an officer: nobody's.
      matter({ id: 'm4', createdBy: 'clerk', takenInWithin: true }),
    ],
    intel: [
      { officerId: 'ofr_1', verification: 'verified' },
      { officerId: 'ofr_1', verification: 'unverified' },
      { officerId: 'ofr_1', verification: 'obsolete' },
      { verification: 'verified' },
    ],
    spotChecks: [{ officerId: 'ofr_1', passed: 2, failed: 1 }],
  };

  it('counts each fact of the officer', () => {
    const facts = officerFacts(inputs, (u) => (u === 'zhang' ? 'ofr_1' : undefined)).get('ofr_1');
    expect(facts).toEqual({
      duty_compliance: { value: 2, of: 4 }, // met + excused of the four weeks over
      violations: { value: 1, of: 0 },
      households_visited: { value: 30, of: 0 },
      matters_taken_in: { value: 2, of: 0 },
      disputes_resolved_village: { value: 1, of: 1 }, // m3's dispute was taken in earlier
      closed_on_time: { value: 1, of: 2 },
      satisfaction: { value: 1, of: 2 },
      intel_collected: { value: 3, of: 0 },
      intel_verified: { value: 1, of: 2 }, // obsolete is not rated
      spot_check_pass: { value: 2, of: 3 },
    });
  });
});

describe('agencyFacts', () => {
  it('rates the agency that holds the matter, and lists agencies with nothing due', () => {
    const facts = agencyFacts([
      matter({ agencyId: 'agy_1', acceptDueWithin: { onTime: true }, feedbackDueWithin: { onTime: false }, verifiedWithin: { satisfied: true }, returnsWithin: 2 }),
      matter({ agencyId: 'agy_1', acceptDueWithin: { onTime: false } }),
      matter({ agencyId: 'agy_2' }),
      matter({}),
    ]);
    expect(facts.get('agy_1')).toEqual({
      agency_accept_on_time: { value: 1, of: 2 },
      agency_feedback_on_time: { value: 0, of: 1 },
      agency_satisfaction: { value: 1, of: 1 },
      agency_returns: { value: 2, of: 0 },
    });
    expect(facts.get('agy_2')).toEqual({});
    expect(facts.size).toBe(2);
  });
});
