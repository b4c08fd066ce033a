import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES } from './rules';
import { scoreItem, scoreSubject, totalOf, type SubjectFacts } from './scoring';

const points = (facts: SubjectFacts, set: 'community' | 'contact' | 'agency' = 'community', months = 1) => {
  const b = scoreSubject(DEFAULT_SCORE_RULES[set], facts, months);
  return { ...b, by: Object.fromEntries(b.items.map((i) => [i.indicator, i.points])) };
};

describe('scoring a community officer by hand', () => {
  // Compliance 3/4 weeks, 30 households (target 40), 6 matters (target 6), 4 of 5 closed on time,
  // 3 of 3 satisfied (target 95 %), 1 of 2 disputes resolved in the village (target 90 %),
  // 4 pieces of information (target 8), 4 of 5 verified (target 80 %), one violation.
  const facts: SubjectFacts = {
    duty_compliance: { value: 3, of: 4 },
    households_visited: { value: 30 },
    matters_taken_in: { value: 6 },
    closed_on_time: { value: 4, of: 5 },
    satisfaction: { value: 3, of: 3 },
    disputes_resolved_village: { value: 1, of: 2 },
    intel_collected: { value: 4 },
    intel_verified: { value: 4, of: 5 },
    violations: { value: 1 },
  };

  it('gives each item its points', () => {
    const s = points(facts);
    expect(s.by).toEqual({
      duty_compliance: 18.75, // 25 × 0.75
      households_visited: 11.25, // 15 × 30/40
      matters_taken_in: 10, // 10 × 6/6
      closed_on_time: 12, // 15 × 0.8
      satisfaction: 15, // 15 × min(1, 1/0.95)
      disputes_resolved_village: 5.56, // 10 × 0.5/0.9
      intel_collected: 2.5, // 5 × 4/8
      intel_verified: 5, // 5 × min(1, 0.8/0.8)
      violations: -5, // 5 per violation
    });
    const duty = s.items.find((i) => i.indicator === 'duty_compliance')!;
    expect(duty).toMatchObject({ raw: 0.75, numerator: 3, denominator: 4, target: 1, weight: 25, applicable: true });
  });

  it('adds them up: 80.06 earned, 5 off, 75.06 in all', () => {
    const s = points(facts);
    expect(s).toMatchObject({ scale: 1, earned: 80.06, deductions: -5, adjusted: 0, total: 75.06 });
  });

  it('scales count targets with the months of a quarter', () => {
    const item = scoreItem({ indicator: 'households_visited', weight: 15, target: 40 }, { value: 60 }, 3);
    expect(item).toMatchObject({ raw: 60, target: 120, points: 7.5 });
  });

  it('adds an accepted appeal to the total again', () => {
    const s = points(facts);
    expect(totalOf(s.items, [{ points: 6.25 }])).toMatchObject({ earned: 80.06, deductions: -5, adjusted: 6.25, total: 81.31 });
  });
});

describe('not applicable items', () => {
  it('leaves a rate with nothing to rate out and scales the others up', () => {
    // Contact officer: no spot check (25), nothing verified (satisfaction 10), no information to verify (5).
    const s = points(
      {
        duty_compliance: { value: 4, of: 4 },
        households_visited: { value: 6 },
        matters_taken_in: { value: 3 },
        intel_collected: { value: 4 },
      },
      'contact',
    );
    const off = s.items.filter((i) => !i.applicable).map((i) => i.indicator);
    expect(off).toEqual(['satisfaction', 'intel_verified', 'spot_check_pass']);
    expect(s.items.find((i) => i.indicator === 'spot_check_pass')).toMatchObject({ raw: null, points: 0, denominator: 0 });
    // 30 + 7.5 + 10 + 5 = 52.5 of the 60 applicable points, × 100/60.
    expect(s).toMatchObject({ scale: 1.6667, earned: 87.5, total: 87.5 });
  });
});

describe('deductions', () => {
  it('caps the deduction and never lets the total fall below 0', () => {
    const s = points({ violations: { value: 5 } });
    expect(s.by.violations).toBe(-20); // 5 × 5 = 25, capped at 20
    expect(s.earned).toBe(0);
    expect(s.deductions).toBe(-20);
    expect(s.total).toBe(0);
  });

  it('counts agency returns against the cap too', () => {
    const s = points({ agency_accept_on_time: { value: 9, of: 10 }, agency_feedback_on_time: { value: 10, of: 10 }, agency_satisfaction: { value: 19, of: 20 }, agency_returns: { value: 2 } }, 'agency');
    // 30 × 0.9 + 30 + 40 × min(1, 0.95/0.95) − 2 × 5
    expect(s).toMatchObject({ earned: 97, deductions: -10, total: 87 });
  });
});
