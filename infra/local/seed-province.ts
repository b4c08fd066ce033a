import { addIsoWeeks, DEFAULT_TENANT_CONFIG, isoWeekOf, previousMonth, addDays, periodDates, monthOfDate } from '@beatlink/shared';
import { produceRollup } from '@beatlink/functions/services/province/produce-rollups';

/**
 * The provincial rollups the daily job would have written by now: each of the last weeks and
 * months, for the demo province (every county seeded before). Idempotent per period.
 */
const WEEKS = 8;
const MONTHS = 4;

export async function seedProvinceRollups(provinceId: string, options: { log: (line: string) => void; now?: number }): Promise<number> {
  const started = Date.now();
  const at = new Date(options.now ?? Date.now()).toISOString();
  const zone = DEFAULT_TENANT_CONFIG.timeZone;
  const lastWeek = addIsoWeeks(isoWeekOf(at, zone), -1);
  const weeks = Array.from({ length: WEEKS }, (_, i) => addIsoWeeks(lastWeek, i - WEEKS + 1));
  const months: string[] = [previousMonth(at, zone)];
  while (months.length < MONTHS) months.unshift(monthOfDate(addDays(periodDates(months[0]!).first, -1)));
  let created = 0;
  for (const week of weeks) created += Number((await produceRollup(provinceId, 'week', week, at)).created);
  for (const month of months) created += Number((await produceRollup(provinceId, 'month', month, at)).created);
  options.log(`seed: province ${provinceId} ${created} rollups (${weeks[0]}…${lastWeek}, ${months[0]}…${months.at(-1)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return created;
}
