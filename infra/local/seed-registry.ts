import { HOUSEHOLD_TAGS, type HouseholdTag } from '@beatlink/shared/registry/households';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { getResourcesRecord } from '@beatlink/functions/data/registry';
import { createHousehold, recordCallback } from '@beatlink/functions/services/registry/households';
import { updateVillageResources } from '@beatlink/functions/services/registry/resources';
import { defaultDeps } from '@beatlink/functions/services/deps';
import { batchingCommit } from './seed-intel';
import { peopleOf } from './seed-matters';
import { GIVEN, Picker, SURNAMES, seededRandom, type CountyPlan, type SeedSize } from './seed-plan';

/**
 * The registry of every county through the registry services: a resources record (群防群治/物防)
 * for every village, households with tags and (sealed, masked) phones — a handful per village in
 * the small seed, two per village in the full one — and call-backs (回访) about the village's
 * community officer for most of them. Deterministic per county; skipped when the first village
 * already has its resources.
 */
const STREETS = ['东街', '西街', '南街', '北街', '前街', '后街', '中心街', '河沿路', '幸福路', '和平路'];
const DAY = 86_400_000;

function tagsOf(picker: Picker): HouseholdTag[] {
  const r = picker.random();
  if (r < 0.45) return [];
  const tags = new Set<HouseholdTag>([picker.pick(HOUSEHOLD_TAGS)]);
  if (r > 0.85) tags.add(picker.pick(HOUSEHOLD_TAGS));
  return [...tags];
}

export async function seedRegistry(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void; now?: number },
): Promise<{ households: string[]; callbacks: string[] }> {
  const first = plan.villages[0];
  if (!first || (await getResourcesRecord(plan.tenantId, id(first.key)))) {
    options.log(`seed: ${plan.tenantId} has a registry already; none added`);
    return { households: [], callbacks: [] };
  }
  const started = Date.now();
  const picker = new Picker(seededRandom(`${plan.tenantId}:${size}:registry`));
  const people = peopleOf(plan, id);
  const nowMs = options.now ?? Date.now();
  const perVillage = size === 'full' ? 2 : 5;

  const plans = plan.villages.map((v) => {
    const villageId = id(v.key);
    const officer: TenantContext = people.byOffice.get(id(v.officeKey)) ?? people.programOffice;
    const households = Array.from({ length: perVillage }, (_, i) => ({
      address: `${picker.pick(STREETS)} ${i * 7 + picker.int(1, 6)} 号`,
      headName: picker.pick(SURNAMES) + picker.pick(GIVEN) + (picker.random() < 0.5 ? picker.pick(GIVEN) : ''),
      headPhone: picker.random() < 0.8 ? `1${picker.pick(['3', '5', '8'])}${picker.digits(9)}` : undefined,
      members: picker.int(1, 6),
      tags: tagsOf(picker),
      callback: picker.random() < 0.7 ? { daysAgo: picker.int(1, 60), knowsOfficer: picker.random() < 0.8, officerKnowsHousehold: picker.random() < 0.7, satisfied: picker.random() < 0.9 } : undefined,
    }));
    const resources = {
      version: 0,
      patrolTeams: picker.random() < 0.7 ? [{ name: `${v.input.name}义务巡逻队`, members: picker.int(4, 20), leader: picker.pick(SURNAMES) + picker.pick(GIVEN) + picker.pick(GIVEN) }] : [],
      activists: picker.int(0, 25),
      cameras: { enterprise: picker.int(0, 6), village: picker.int(0, 12), bureau: picker.int(0, 4) },
      windowGuards: { enterprise: 0, village: picker.int(0, 40), bureau: picker.int(0, 15) },
      alarms: { enterprise: picker.int(0, 3), village: picker.int(0, 20), bureau: picker.int(0, 8) },
    };
    return { villageId, officer, households, resources };
  });

  const households: string[] = [];
  const callbacks: string[] = [];
  // Every change is audited, and a county's audit appends are serialised on its head: changes are
  // collected and committed several per transaction, one transaction at a time (batchingCommit).
  const { commit, flush } = batchingCommit();
  const deps = { ...defaultDeps(), commit };
  // Two rounds, so that transactions stay full: resources and households, then (once those are
  // committed) the call-backs, which read their household back.
  const pendingCallbacks: Array<() => Promise<void>> = [];
  await Promise.all(
    plans.map((p, index) =>
      options.limit(async () => {
        await updateVillageResources(p.officer, p.villageId, p.resources, deps);
        for (const h of p.households) {
          const { callback, headPhone, ...fields } = h;
          const created = await createHousehold(p.officer, { villageId: p.villageId, ...fields, ...(headPhone ? { headPhone } : {}) }, deps);
          // The first village's households come first: generated route tests take ids[0].
          households.push(`${String(index).padStart(6, '0')}:${created.id}`);
          if (callback && p.officer.officerId) {
            const officerId = p.officer.officerId;
            const date = new Date(nowMs - callback.daysAgo * DAY).toISOString().slice(0, 10);
            const { daysAgo: _d, ...result } = callback;
            pendingCallbacks.push(async () => {
              const recorded = await recordCallback(people.programOffice, created.id, { date, officerId, ...result }, deps);
              callbacks.push(recorded.id);
            });
          }
        }
      }),
    ),
  );
  await flush();
  await Promise.all(pendingCallbacks.map((record) => options.limit(record)));
  await flush();
  options.log(`seed: ${plan.tenantId} ${plans.length} village resources, ${households.length} households, ${callbacks.length} call-backs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { households: households.sort().map((h) => h.slice(h.indexOf(':') + 1)), callbacks: callbacks.sort() };
}
