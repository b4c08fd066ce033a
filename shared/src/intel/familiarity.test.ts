import { describe, expect, it } from 'vitest';
import { familiarityRate, familiarityRates, latestPerHousehold, type FamiliaritySample } from './familiarity';

const sample = (householdId: string, knowsOfficer: boolean, officerKnowsHousehold: boolean, extra: Partial<FamiliaritySample> = {}): FamiliaritySample => ({
  householdId,
  villageId: 'vil_a',
  officerId: 'ofr_1',
  knowsOfficer,
  officerKnowsHousehold,
  ...extra,
});

describe('two-way familiarity rate (双向熟悉率)', () => {
  it('counts each way and both ways', () => {
    const rate = familiarityRate([sample('h1', true, true), sample('h2', true, false), sample('h3', false, true), sample('h4', false, false)]);
    expect(rate).toEqual({
      sampled: 4,
      knowsOfficer: 2,
      officerKnows: 2,
      twoWay: 1,
      knowsOfficerRate: 0.5,
      officerKnowsRate: 0.5,
      twoWayRate: 0.25,
    });
  });

  it('gives undefined rates, not 0, for an empty sample', () => {
    const rate = familiarityRate([]);
    expect(rate).toEqual({ sampled: 0, knowsOfficer: 0, officerKnows: 0, twoWay: 0 });
    expect(rate.twoWayRate).toBeUndefined();
    expect(familiarityRates([]).overall.twoWayRate).toBeUndefined();
  });

  it('gives 0 when households were sampled and none knows', () => {
    expect(familiarityRate([sample('h1', false, false)]).twoWayRate).toBe(0);
  });

  it('counts a household sampled twice once, with its latest result', () => {
    const samples = [
      sample('h1', false, false, { surveyedAt: '2026-05-12T02:00:00.000Z' }),
      sample('h1', true, true, { surveyedAt: '2026-05-10T02:00:00.000Z' }),
      sample('h2', true, false),
      sample('h2', true, true),
    ];
    expect(latestPerHousehold(samples).map((s) => [s.householdId, s.knowsOfficer, s.officerKnowsHousehold])).toEqual([
      ['h1', false, false],
      ['h2', true, true],
    ]);
    expect(familiarityRate(samples)).toMatchObject({ sampled: 2, twoWay: 1, twoWayRate: 0.5 });
  });

  it('splits by village and by officer', () => {
    const rates = familiarityRates([
      sample('h1', true, true),
      sample('h2', true, false),
      sample('h3', true, true, { villageId: 'vil_b', officerId: 'ofr_2' }),
      sample('h4', false, true, { villageId: 'vil_b', officerId: 'ofr_2' }),
      sample('h5', true, true, { villageId: 'vil_c', officerId: 'ofr_2' }),
      sample('h6', true, true, { villageId: 'vil_c', officerId: undefined }),
    ]);
    expect(rates.overall).toMatchObject({ sampled: 6, twoWay: 4 });
    expect(rates.overall.twoWayRate).toBeCloseTo(4 / 6, 10);
    expect(Object.keys(rates.byVillage).sort()).toEqual(['vil_a', 'vil_b', 'vil_c']);
    expect(rates.byVillage.vil_a).toMatchObject({ sampled: 2, knowsOfficer: 2, officerKnows: 1, twoWay: 1, twoWayRate: 0.5, knowsOfficerRate: 1 });
    expect(rates.byVillage.vil_c).toMatchObject({ sampled: 2, twoWay: 2, twoWayRate: 1 });
    // The sample without an officer counts for its village, not per officer.
    expect(Object.keys(rates.byOfficer).sort()).toEqual(['ofr_1', 'ofr_2']);
    expect(rates.byOfficer.ofr_2).toMatchObject({ sampled: 3, knowsOfficer: 2, officerKnows: 3, twoWay: 2 });
    expect(rates.byOfficer.ofr_2?.twoWayRate).toBeCloseTo(2 / 3, 10);
  });

  it('credits a resampled household to its latest officer only', () => {
    const rates = familiarityRates([
      sample('h1', true, true, { officerId: 'ofr_old', surveyedAt: '2026-01-05T00:00:00.000Z' }),
      sample('h1', true, false, { officerId: 'ofr_new', surveyedAt: '2026-05-05T00:00:00.000Z' }),
    ]);
    expect(Object.keys(rates.byOfficer)).toEqual(['ofr_new']);
    expect(rates.byOfficer.ofr_new).toMatchObject({ sampled: 1, twoWay: 0, twoWayRate: 0 });
  });
});
