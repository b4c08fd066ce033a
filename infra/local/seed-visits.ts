import { addDays, isoWeekBounds, isoWeekOf, isoWeekday, previousIsoWeek, zonedWallTime, isoWeekDate } from '@beatlink/shared';
import { fixedClock } from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { defaultDeps } from '@beatlink/functions/services/deps';
import { checkIn, checkOut } from '@beatlink/functions/services/duty/visits';
import { queryVisits } from '@beatlink/functions/data/visits';
import type { SeededAbsence } from './seed-absences';
import { SEEDED_WEEKS } from './seed-compliance';
import { AUDITED_WRITES_PER_COUNTY, createLimiter } from './limiter';
import { peopleOf } from './seed-matters';
import { Picker, seededRandom, type CountyPlan, type SeedSize } from './seed-plan';

/**
 * Four weeks of visits (入村走访) played through the duty services at their moments in the past:
 * community officers in their office's villages on two or three days a week (some only one, some
 * none), contact officers on Tuesday afternoon in their workstation's villages (some too short,
 * some absent). Officers with an absence report stay away that date (a community officer with an
 * approved one works one other day, so the week is excused), and make up (补课) two days later
 * when the absence seed says so. Deterministic per county.
 */
const MINUTE = 60_000;

interface PlannedVisit {
  officer: TenantContext;
  villageId: string;
  start: number;
  minutes: number;
  households: number;
  makeUp?: boolean;
}

export async function seedVisits(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void; now?: number; absences?: readonly SeededAbsence[] },
): Promise<string[]> {
  const people = peopleOf(plan, id);
  const first = [...people.byOffice.values()][0];
  if (first?.officerId && (await queryVisits(plan.tenantId, { by: 'officer', officerId: first.officerId }, undefined, { limit: 1 })).items.length > 0) {
    options.log(`seed: ${plan.tenantId} has visits already; none added`);
    return [];
  }
  const started = Date.now();
  const picker = new Picker(seededRandom(`${plan.tenantId}:${size}:visits`));
  const tz = plan.timeZone;
  const nowMs = options.now ?? Date.now();
  const villagesOf = (key: 'officeKey' | 'workstationKey', unitId: string) => plan.villages.filter((v) => id(v[key]) === unitId).map((v) => id(v.key));
  const weeks: string[] = [];
  for (let w = previousIsoWeek(isoWeekOf(nowMs, tz)), i = 0; i < SEEDED_WEEKS; i++, w = previousIsoWeek(w)) weeks.push(w);
  const visits: PlannedVisit[] = [];
  const absences = options.absences ?? [];
  const awayIn = (officer: TenantContext, week: string) => absences.find((a) => a.officerId === officer.officerId && a.week === week && a.decision !== undefined);
  // The small (test) seed: the first three offices' and workstations' officers.
  const officers = size === 'full' ? undefined : 3;
  for (const week of weeks) {
    [...people.byOffice.entries()].slice(0, officers).forEach(([officeId, officer]) => {
      const villages = villagesOf('officeKey', officeId);
      if (!villages.length) return;
      const away = awayIn(officer, week);
      const days = away ? (away.decision === 'approve' ? 1 : 0) : picker.pick([0, 1, 2, 2, 2, 3, 3]);
      const weekdays = [1, 2, 3, 4, 5]
        .filter((d) => !away || d !== isoWeekday(away.date))
        .sort(() => picker.random() - 0.5)
        .slice(0, days);
      for (const day of weekdays) {
        const start = zonedWallTime(isoWeekDate(week, day), `0${picker.int(8, 9)}:${picker.pick(['00', '15', '30'])}`, tz);
        visits.push({ officer, villageId: picker.pick(villages), start, minutes: picker.int(90, 300), households: picker.int(2, 9) });
      }
    });
    [...people.byWorkstation.entries()].slice(0, officers).forEach(([workstationId, officer]) => {
      const villages = villagesOf('workstationKey', workstationId);
      const r = picker.random();
      if (!villages.length || r < 0.1 || awayIn(officer, week)) return; // absent
      const start = zonedWallTime(isoWeekDate(week, 2), picker.pick(['13:00', '13:30', '14:00']), tz);
      visits.push({ officer, villageId: picker.pick(villages), start, minutes: r < 0.25 ? picker.int(60, 150) : picker.int(185, 270), households: picker.int(3, 12) });
    });
  }
  // Make-ups done two days after the date: a whole session's hours, or a day in the villages.
  for (const a of absences.filter((x) => x.decision === 'approve' && x.makeUp === 'done')) {
    const officer = [...people.byOffice.values(), ...people.byWorkstation.values()].find((o) => o.officerId === a.officerId);
    const unit = [...people.byOffice.entries(), ...people.byWorkstation.entries()].find(([, o]) => o.officerId === a.officerId)?.[0];
    const villages = unit ? [...villagesOf('officeKey', unit), ...villagesOf('workstationKey', unit)] : [];
    if (!officer || !villages.length) continue;
    visits.push({ officer, villageId: villages[0]!, start: zonedWallTime(addDays(a.date, 2), '09:00', tz), minutes: 200, households: 5, makeUp: true });
  }
  // One county's audited writes one at a time (see limiter.ts), then a global slot.
  const audited = createLimiter(AUDITED_WRITES_PER_COUNTY);
  const ids: string[] = [];
  await Promise.all(
    visits
      .filter((v) => v.start + v.minutes * MINUTE < nowMs && v.start >= isoWeekBounds(weeks.at(-1)!, tz).start)
      .map((v) =>
        audited(() =>
          options.limit(async () => {
            const inAt = new Date(v.start).toISOString();
            const outAt = new Date(v.start + v.minutes * MINUTE).toISOString();
            const visit = await checkIn(v.officer, { villageId: v.villageId, at: inAt, makeUp: v.makeUp ?? false }, { ...defaultDeps(), clock: fixedClock(inAt) });
            await checkOut(v.officer, visit.id, { version: visit.version, at: outAt, householdsVisited: v.households, peopleTalkedTo: v.households * 2, notes: '入户走访，宣传反诈知识', matterIds: [] }, { ...defaultDeps(), clock: fixedClock(outAt) });
            ids.push(visit.id);
          }),
        ),
      ),
  );
  options.log(`seed: ${plan.tenantId} ${ids.length} visits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids.sort();
}
