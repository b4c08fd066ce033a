import { addIsoWeeks, isoWeekOf } from '@beatlink/shared';
import { evaluateCountyWeek } from '@beatlink/functions/services/duty/compliance';
import type { CountyPlan } from './seed-plan';

/**
 * The compliance records of the seeded weeks, as the nightly job would have left them: each past
 * week evaluated in order (oldest first, so make-ups are counted against the oldest obligation),
 * at today's clock — make-ups past due are expired. Re-running changes nothing.
 */
export const SEEDED_WEEKS = 4;

export async function seedCompliance(plan: CountyPlan, options: { log: (line: string) => void; now?: number }): Promise<void> {
  const started = Date.now();
  const at = new Date(options.now ?? Date.now()).toISOString();
  const thisWeek = isoWeekOf(at, plan.timeZone);
  let written = 0;
  for (let back = SEEDED_WEEKS; back >= 1; back--) {
    written += (await evaluateCountyWeek(plan.tenantId, addIsoWeeks(thisWeek, -back), at)).written;
  }
  options.log(`seed: ${plan.tenantId} ${written} compliance records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
