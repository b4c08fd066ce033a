/**
 * Two-way familiarity rate (双向熟悉率, DOMAIN.md "Field duty"): the share of sampled households
 * that know their officer and whom the officer knows. Pure and zod-free: the API reads the
 * sample (call-back survey results 回访, and what the visit records say the officer knows) and
 * passes it in.
 *
 * Rules (★ = DOMAIN.md is silent, chosen here):
 * - Three shares over the same sample: households that know the officer, households the officer
 *   knows, and households where both hold (the two-way rate, the headline figure).
 * - ★ An empty sample gives `undefined` rates, never 0: "not measured" is not "nobody knows".
 * - ★ A household sampled more than once counts once, with its latest result (by `surveyedAt`;
 *   without times, the later one in the input), so repeated call-backs do not weigh more.
 * - Rates are fractions 0–1, unrounded; the portal formats them as percentages.
 */

export interface FamiliaritySample {
  householdId: string;
  villageId: string;
  /** The officer responsible for the household's village when it was sampled. */
  officerId?: string;
  /** The household knows its officer (name, face, how to reach him). */
  knowsOfficer: boolean;
  /** The officer knows the household (head, members, situation). */
  officerKnowsHousehold: boolean;
  /** ISO time of the call-back, to keep the latest result of a household. */
  surveyedAt?: string;
}

export interface FamiliarityRate {
  /** Households in the sample (each once). */
  sampled: number;
  knowsOfficer: number;
  officerKnows: number;
  /** Both ways. */
  twoWay: number;
  /** undefined when nothing was sampled. */
  knowsOfficerRate?: number;
  officerKnowsRate?: number;
  twoWayRate?: number;
}

export interface FamiliarityRates {
  overall: FamiliarityRate;
  byVillage: Record<string, FamiliarityRate>;
  byOfficer: Record<string, FamiliarityRate>;
}

/** One result per household: the latest by `surveyedAt`, ties and missing times by input order. */
export function latestPerHousehold<T extends FamiliaritySample>(samples: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const s of samples) {
    const kept = latest.get(s.householdId);
    if (!kept || (s.surveyedAt ?? '') >= (kept.surveyedAt ?? '')) latest.set(s.householdId, s);
  }
  return [...latest.values()];
}

/** The rates of one group of samples (deduplicated by household first). */
export function familiarityRate(samples: readonly FamiliaritySample[]): FamiliarityRate {
  const sample = latestPerHousehold(samples);
  const sampled = sample.length;
  const knowsOfficer = sample.filter((s) => s.knowsOfficer).length;
  const officerKnows = sample.filter((s) => s.officerKnowsHousehold).length;
  const twoWay = sample.filter((s) => s.knowsOfficer && s.officerKnowsHousehold).length;
  const rate: FamiliarityRate = { sampled, knowsOfficer, officerKnows, twoWay };
  if (sampled > 0) {
    rate.knowsOfficerRate = knowsOfficer / sampled;
    rate.officerKnowsRate = officerKnows / sampled;
    rate.twoWayRate = twoWay / sampled;
  }
  return rate;
}

function groupBy(samples: readonly FamiliaritySample[], key: (s: FamiliaritySample) => string | undefined): Record<string, FamiliarityRate> {
  const groups = new Map<string, FamiliaritySample[]>();
  for (const s of samples) {
    const k = key(s);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return Object.fromEntries([...groups].map(([k, group]) => [k, familiarityRate(group)]));
}

/**
 * Rates overall, per village and per officer. A household's latest result decides everywhere
 * (★ so a household resampled after its village changed officer counts for the new officer only).
 * Samples without an officer count for their village and overall, not per officer. Villages or
 * officers the caller wants listed with no sample should be added by the caller as
 * `familiarityRate([])` (undefined rates).
 */
export function familiarityRates(samples: readonly FamiliaritySample[]): FamiliarityRates {
  const sample = latestPerHousehold(samples);
  return {
    overall: familiarityRate(sample),
    byVillage: groupBy(sample, (s) => s.villageId),
    byOfficer: groupBy(sample, (s) => s.officerId),
  };
}
