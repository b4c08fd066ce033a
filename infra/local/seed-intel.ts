import { syntheticIdNumber, type IntelCreateInput, type ReliabilityGrade, type VerificationState } from '@beatlink/shared';
import type { TxOp } from '@beatlink/functions/data/repository';
import type { Clock } from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import { commitAudited, MAX_AUDIT_ENTRIES_PER_APPEND, type AuditedCommit, type AuditEntryInput } from '@beatlink/functions/services/audit/audit-log';
import { defaultDeps } from '@beatlink/functions/services/deps';
import { createIntelRecord, listIntelRecords, verifyIntelRecord } from '@beatlink/functions/services/intel/records';
import { peopleOf } from './seed-matters';
import { GIVEN, Picker, SURNAMES, seededRandom, type CountyPlan, type SeedSize } from './seed-plan';

/**
 * The information store (信息采集) of every county through the intel services: per village (every
 * village in the small seed, every third in the full one) two people (valid synthetic GB 11643
 * numbers under the fake prefectures 379901 / 379902, which no county has, realistic birth dates,
 * mobile phones), a place, an organisation with a contact phone, a vehicle and an event, linked
 * (所有人 / 涉及 / 发生地), with mixed reliability grades and tags, some of them verified, disputed
 * or obsolete by the station chief. Deterministic per county; skipped when the first village
 * already has records.
 *
 * Audited changes of one county are serialised on its audit head, so the records are collected
 * and committed up to MAX_AUDIT_ENTRIES_PER_APPEND changes per transaction, one transaction at a
 * time (batchingCommit); counties run in parallel.
 */

/**
 * Collects audited changes and commits them together, up to `maxEntries` audit entries per
 * transaction, one transaction at a time (a county's appends are serialised on its audit head
 * anyway). `flush()` resolves once everything collected so far is committed, so callers running
 * in parallel can wait for their own records before reading them back.
 */
export function batchingCommit(options: { maxEntries?: number; maxOps?: number } = {}): { commit: AuditedCommit; flush: () => Promise<void> } {
  const maxEntries = options.maxEntries ?? MAX_AUDIT_ENTRIES_PER_APPEND;
  const maxOps = options.maxOps ?? 80;
  let pending: { tenantId: string; ops: TxOp[]; entries: AuditEntryInput[]; clock?: Clock } | undefined;
  let chain: Promise<void> = Promise.resolve();
  /** The first failed commit: every later flush reports it, so no change is lost silently. */
  let failure: unknown;
  const flush = (): Promise<void> => {
    const batch = pending;
    pending = undefined;
    const run = chain.then(async () => {
      if (batch && (batch.ops.length || batch.entries.length)) await commitAudited(batch.tenantId, batch.ops, batch.entries, batch.clock);
    });
    chain = run.catch((error: unknown) => {
      failure ??= error;
    });
    return chain.then(() => {
      if (failure) throw failure;
    });
  };
  const commit: AuditedCommit = async (tenantId, ops, entries, clock) => {
    if (pending && (pending.tenantId !== tenantId || pending.ops.length + ops.length > maxOps || pending.entries.length + entries.length > maxEntries)) void flush().catch(() => undefined); // reported by the next flush()
    pending ??= { tenantId, ops: [], entries: [], clock };
    pending.ops.push(...ops);
    pending.entries.push(...entries);
  };
  return { commit, flush };
}

const STREETS = ['东街', '西街', '南街', '北街', '中心街', '河沿路', '幸福路'];
const OCCUPATIONS = ['务农', '个体经营', '货车司机', '外出务工', '退休', '村干部', '教师'];
const PERSON_TAGS = ['出租房房东', '独居老人', '重点关注', '留守儿童监护人', '外来人员', '退役军人'];
const PLACES = [
  { name: '便民超市', tags: ['九小场所'] },
  { name: '出租屋', tags: ['出租房'] },
  { name: '废品收购站', tags: ['重点场所'] },
  { name: '农家乐', tags: ['九小场所'] },
];
const ORGS = ['农机合作社', '红白理事会', '广场舞队', '养殖专业合作社'];
const EVENTS = [
  { title: '邻里宅基地纠纷', description: '两户因宅基地边界发生争执，已现场调解。' },
  { title: '夜间可疑人员出没', description: '群众反映夜间有陌生人在村口徘徊。' },
  { title: '电动车被盗', description: '村民停放在门口的电动车夜间被盗。' },
];
/** A record to create, without its village (the plan's) and with optional tags and links. */
type SeedInput = Omit<IntelCreateInput, 'villageId' | 'tags' | 'links'> & Partial<Pick<IntelCreateInput, 'tags' | 'links'>>;
const input = (value: SeedInput): SeedInput => value;

const GRADES: readonly ReliabilityGrade[] = ['A', 'B', 'B', 'C', 'C', 'D', 'F'];
const REGIONS = ['379901', '379902'];
/** In the full seed, records in every n-th village. */
const FULL_SEED_EVERY = 3;

export async function seedIntel(
  plan: CountyPlan,
  size: SeedSize,
  id: (key: string) => string,
  options: { limit: <T>(task: () => Promise<T>) => Promise<T>; log: (line: string) => void },
): Promise<string[]> {
  const first = plan.villages[0];
  if (!first) return [];
  const started = Date.now();
  const people = peopleOf(plan, id);
  if (await seededBefore(people.programOffice, id(first.key))) {
    options.log(`seed: ${plan.tenantId} has information records already; none added`);
    return [];
  }
  const picker = new Picker(seededRandom(`${plan.tenantId}:${size}:intel`));
  const name = () => picker.pick(SURNAMES) + picker.pick(GIVEN) + (picker.random() < 0.5 ? picker.pick(GIVEN) : '');
  const phone = () => `1${picker.pick(['3', '5', '7', '8'])}${picker.digits(9)}`;
  const grade = () => picker.pick(GRADES);
  const street = () => `${picker.pick(STREETS)} ${picker.int(1, 60)} 号`;
  const stationOfOffice = new Map(plan.offices.map((o) => [o.key, o.stationKey]));
  // The full seed county has 500-odd villages and every record is a few items (record, lookups,
  // history, audit entry) written one transaction at a time per county: every third village keeps
  // the seed within seconds (≈ 0.1 s per village on DynamoDB Local) and still covers the county.
  const villages = size === 'full' ? plan.villages.filter((_, i) => i % FULL_SEED_EVERY === 0) : plan.villages;

  // Planned first (one PRNG, in order), then played through the services in parallel.
  const plans = villages.map((v, index) => {
    const sex = picker.random() < 0.5 ? ('male' as const) : ('female' as const);
    const placeKind = picker.pick(PLACES);
    const event = EVENTS[index % EVENTS.length]!;
    const r = picker.random();
    const state: VerificationState | undefined = r < 0.4 ? 'verified' : r < 0.5 ? 'disputed' : r < 0.55 ? 'obsolete' : undefined;
    const stationKey = stationOfOffice.get(v.officeKey);
    return {
      index,
      villageId: id(v.key),
      officer: people.byOffice.get(id(v.officeKey)) ?? people.programOffice,
      chief: stationKey ? people.byStation.get(id(stationKey)) : undefined,
      head: input({
        type: 'person',
        person: {
          name: name(),
          gender: sex,
          idNumber: syntheticIdNumber(() => picker.random(), { regionCode: picker.pick(REGIONS), birthYearRange: [1950, 1990], sex }),
          phone: phone(),
          address: street(),
          occupation: picker.pick(OCCUPATIONS),
        },
        tags: [picker.pick(PERSON_TAGS)],
        reliability: grade(),
      }),
      other: input({
        type: 'person',
        person: {
          name: name(),
          gender: 'female',
          idNumber: syntheticIdNumber(() => picker.random(), { regionCode: picker.pick(REGIONS), birthYearRange: [1960, 2008], sex: 'female' }),
          ...(picker.random() < 0.6 ? { phone: phone() } : {}),
          occupation: picker.pick(OCCUPATIONS),
        },
        tags: picker.random() < 0.5 ? [picker.pick(PERSON_TAGS)] : [],
        reliability: grade(),
      }),
      place: input({ type: 'place', place: { name: `${v.input.name}${placeKind.name}`, address: street() }, tags: placeKind.tags, reliability: grade() }),
      org: input({ type: 'organisation', organisation: { name: `${v.input.name}${picker.pick(ORGS)}`, contactPhone: phone() }, tags: ['群防群治'], reliability: grade() }),
      thing: input({ type: 'thing', thing: { name: picker.random() < 0.5 ? '小型轿车' : '电动三轮车', category: '车辆', identifier: `鲁B${picker.digits(5)}` }, reliability: grade() }),
      event: input({
        type: 'event',
        event: { title: event.title, description: event.description, occurredAt: new Date(Date.now() - picker.int(1, 90) * 86_400_000).toISOString() },
        tags: ['已处置'],
        reliability: grade(),
      }),
      verify: state ? { state, which: picker.random() < 0.5 ? ('place' as const) : ('org' as const) } : undefined,
    };
  });

  const { commit, flush } = batchingCommit();
  const deps = { ...defaultDeps(), commit };
  const ids: string[] = [];
  const count = new Map<number, number>();
  const create = async (p: (typeof plans)[number], seed: SeedInput) => {
    const record = await createIntelRecord(p.officer, { villageId: p.villageId, tags: [], links: [], ...seed }, deps);
    const n = count.get(p.index) ?? 0;
    count.set(p.index, n + 1);
    // The first village's first record (a person) comes first: generated route tests take ids[0].
    ids.push(`${String(p.index).padStart(6, '0')}:${n}:${record.id}`);
    return record;
  };
  // Two rounds, so that transactions stay full: the records first, then (once they are committed)
  // those linking to them and the chiefs' verifications, which read them back.
  const created = await Promise.all(
    plans.map((p) =>
      options.limit(async () => {
        const head = await create(p, p.head);
        const other = await create(p, p.other);
        const place = await create(p, p.place);
        const org = await create(p, p.org);
        return { head: head.id, other: other.id, place: place.id, org: org.id };
      }),
    ),
  );
  await flush();
  await Promise.all(
    plans.map((p, i) =>
      options.limit(async () => {
        const r = created[i]!;
        await create(p, { ...p.thing, links: [{ recordId: r.head, relation: '所有人' }] });
        await create(p, {
          ...p.event,
          links: [
            { recordId: r.other, relation: '涉及' },
            { recordId: r.place, relation: '发生地' },
          ],
        });
        if (p.verify && p.chief) await verifyIntelRecord(p.chief, p.verify.which === 'place' ? r.place : r.org, { version: 1, state: p.verify.state, note: '所长抽查核实' }, deps);
      }),
    ),
  );
  await flush();
  options.log(`seed: ${plan.tenantId} ${ids.length} information records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids.sort().map((i) => i.slice(i.lastIndexOf(':') + 1));
}

/** Whether the county was seeded before: its first village has records (one Query, no write). */
async function seededBefore(office: TenantContext, villageId: string): Promise<boolean> {
  const page = await listIntelRecords(office, { villageId, limit: 1 });
  return page.items.length > 0;
}
