import {
  addHours,
  addIsoWeeks,
  assessmentPeriodRange,
  isoWeekBounds,
  isoWeekDate,
  newId,
  newRecordMeta,
  periodWeeks,
  zonedWallTime,
  DEFAULT_TENANT_CONFIG,
  type Officer,
  type TenantRecord,
} from '@beatlink/shared';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredMatter } from '@beatlink/functions/data/matters';
import type { StoredVisit } from '@beatlink/functions/data/visits';
import type { StoredCompliance } from '@beatlink/functions/data/compliance';
import type { StoredIntelRecord } from '@beatlink/functions/data/intel';
import type * as ComplianceData from '@beatlink/functions/data/compliance';
import type * as ComplianceEntities from '@beatlink/functions/data/entities/compliance';
import type * as DirectoryRecords from '@beatlink/functions/data/directory-records';
import type * as IntelData from '@beatlink/functions/data/intel';
import type * as IntelEntities from '@beatlink/functions/data/entities/intel';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as MatterEntities from '@beatlink/functions/data/entities/matters';
import type * as VisitData from '@beatlink/functions/data/visits';
import type * as VisitEntities from '@beatlink/functions/data/entities/visits';
import type * as AssessmentEntities from '@beatlink/functions/data/entities/assessment';
import type * as RollupEntities from '@beatlink/functions/data/entities/rollups';
import type * as TenantData from '@beatlink/functions/data/tenants';
import type * as TenantConfigData from '@beatlink/functions/data/tenant-config';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as AppErrors from '@beatlink/functions/lib/app-error';
import type * as PeriodData from '@beatlink/functions/services/analysis/period-data';
import type * as ScoringRun from '@beatlink/functions/services/assessment/scoring-run';
import type * as PeriodFacts from '@beatlink/functions/services/assessment/period-facts';
import type * as ProduceRollups from '@beatlink/functions/services/province/produce-rollups';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import { planCounty } from '@beatlink/infra/local/seed-plan';
import type { TestStack } from '../support/stack';
import { bareDynamo, timed } from './bare-dynamo';
import { benchMatter } from './bench-matter';
import { benchVisit } from './bench-visit';
import { bulkPut } from './bulk-load';
import { plainClient, readRecorder, replayCountyReads, replayRead, tenantOfRead, type CapturedRead } from './captured-reads';
import { layDownSeedShapedDirectory, type PlacedVillage } from './seed-shaped-county';
import { ratio, summarize, type Summary } from './stats';

/**
 * 网上考核 and 省厅汇总 (issue #6):
 *
 * 1. Monthly scoring of the seed-shaped county: its directory (80 community and 270 contact
 *    officers, their units and villages) laid into a fresh county partition with one month of
 *    activity — every duty officer's visits and compliance record each week, matters taken in by
 *    the officers (some closed, some verified, some still running), information records. One
 *    measured run scores the month FROM SCRATCH: the run item, the run version's scores and
 *    rankings and its notifications are deleted first (untimed), so every run computes version 1
 *    again with the same reads and writes. Baseline: the reads of `readPeriodFacts` (recorded at
 *    the SDK client, see captured-reads.ts) sent again with a plain DynamoDB client, concurrently
 *    as the service sends them. `readPeriodFacts` alone is timed as well (the read path without
 *    computing and writing).
 * 2. The provincial rollup of one ISO week for a province of 2 counties and one of 20, each county
 *    small but alive (20 villages; 4 community and 16 contact officers' visits and compliance
 *    records; 40 matters, 10 information records — the same in every county), registered in the
 *    tenant registry as onboarding does. One measured run produces the week's rollup from scratch (its rows deleted
 *    first, untimed). It should grow about linearly with counties: the 20 ÷ 2 ratio ≈ 10. Each is
 *    set against the bare reads it needs (the same recorded Queries, counties four at a time as
 *    the service goes).
 */
export interface AssessmentBenchOptions {
  /** The seed-shaped county scored. */
  scoringTenant: string;
  /** Matters taken in during the month. */
  matters: number;
  /** Information records collected during the month. */
  intel: number;
  rounds: number;
  /** Provinces of the rollup: codes (two-digit prefix + 0000) and how many counties each. */
  provinces: { small: { provinceId: string; counties: number }; large: { provinceId: string; counties: number } };
  rollupRounds: number;
  concurrency: number;
}

export interface AssessmentBenchResult {
  measures: { scoring: string; rollup: string };
  options: AssessmentBenchOptions;
  scoring: {
    month: string;
    officers: number;
    agencies: number;
    laidDown: { matters: number; visits: number; compliance: number; intel: number };
    itemsRead: number;
    notifications: number;
    scorePeriod: Summary;
    readPeriodFacts: Summary;
    bareReads: Summary & { requests: number; items: number };
    /** scorePeriod p50 ÷ bare reads p50. */
    ratio: number;
    /** readPeriodFacts p50 ÷ bare reads p50. */
    readRatio: number;
  };
  rollup: {
    week: string;
    perCounty: { villages: number; visits: number; compliance: number; matters: number; intel: number };
    small: RollupFigures;
    large: RollupFigures;
    /** large p50 ÷ small p50 (≈ counties ratio when linear). */
    growth: number;
    bareGrowth: number;
    countiesRatio: number;
  };
  /** The whole benchmark, laying down included. */
  totalMs: number;
}

export interface RollupFigures {
  provinceId: string;
  counties: number;
  produce: Summary;
  bareReads: Summary & { requests: number; items: number };
  /** produceRollup p50 ÷ bare reads p50. */
  ratio: number;
  itemsRead: number;
  perCountyMs: number;
}

const TZ = 'Asia/Shanghai';
/** Far from the seeded months and the other benchmarks' weeks. */
const MONTH = '2035-03';
const SCORING_AT = new Date(zonedWallTime('2035-04-01', '02:00', TZ)).toISOString();
const WEEK = '2035-W20';
const ROLLUP_AT = new Date(zonedWallTime(isoWeekDate(addIsoWeeks(WEEK, 1), 1), '03:00', TZ)).toISOString();
const BY = { username: 'bench', name: '基准测试' };

type Modules = {
  records: typeof DirectoryRecords;
  compliance: typeof ComplianceData;
  complianceEntities: typeof ComplianceEntities;
  intel: typeof IntelData;
  intelEntities: typeof IntelEntities;
  matters: typeof MatterData;
  matterEntities: typeof MatterEntities;
  visits: typeof VisitData;
  visitEntities: typeof VisitEntities;
  assessmentEntities: typeof AssessmentEntities;
  rollupEntities: typeof RollupEntities;
  tenants: typeof TenantData;
  tenantConfig: typeof TenantConfigData;
  repository: typeof Repository;
  errors: typeof AppErrors;
  periodData: typeof PeriodData;
  scoring: typeof ScoringRun;
  facts: typeof PeriodFacts;
  rollups: typeof ProduceRollups;
};

async function load(): Promise<Modules> {
  return {
    records: await import('@beatlink/functions/data/directory-records'),
    compliance: await import('@beatlink/functions/data/compliance'),
    complianceEntities: await import('@beatlink/functions/data/entities/compliance'),
    intel: await import('@beatlink/functions/data/intel'),
    intelEntities: await import('@beatlink/functions/data/entities/intel'),
    matters: await import('@beatlink/functions/data/matters'),
    matterEntities: await import('@beatlink/functions/data/entities/matters'),
    visits: await import('@beatlink/functions/data/visits'),
    visitEntities: await import('@beatlink/functions/data/entities/visits'),
    assessmentEntities: await import('@beatlink/functions/data/entities/assessment'),
    rollupEntities: await import('@beatlink/functions/data/entities/rollups'),
    tenants: await import('@beatlink/functions/data/tenants'),
    tenantConfig: await import('@beatlink/functions/data/tenant-config'),
    repository: await import('@beatlink/functions/data/repository'),
    errors: await import('@beatlink/functions/lib/app-error'),
    periodData: await import('@beatlink/functions/services/analysis/period-data'),
    scoring: await import('@beatlink/functions/services/assessment/scoring-run'),
    facts: await import('@beatlink/functions/services/assessment/period-facts'),
    rollups: await import('@beatlink/functions/services/province/produce-rollups'),
  };
}

// ---- What a county's period holds ----

/** A duty officer and the villages he works (his office's, or his workstation's). */
interface DutyOfficer {
  id: string;
  name: string;
  username: string;
  role: 'community_officer' | 'contact_officer';
  unitId?: string;
  stationId?: string;
  villages: PlacedVillage[];
}

function dutyOfficers(officers: readonly Officer[], placed: readonly PlacedVillage[]): DutyOfficer[] {
  return officers
    .filter((o) => o.status === 'active' && (o.role === 'community_officer' || o.role === 'contact_officer'))
    .map((o) => {
      const community = o.role === 'community_officer';
      const villages = placed.filter((v) => (community ? v.officeId === o.officeId : v.workstationId === o.workstationId));
      return {
        id: o.id,
        name: o.name,
        username: o.username,
        role: o.role as DutyOfficer['role'],
        ...((community ? o.officeId : o.workstationId) ? { unitId: (community ? o.officeId : o.workstationId)! } : {}),
        ...(o.stationId ? { stationId: o.stationId } : {}),
        villages: villages.length > 0 ? villages : [placed[0]!],
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The week's visits as the rules expect them done: two days for community officers, the Tuesday session for contact officers. */
function weekVisits(tenantId: string, officers: readonly DutyOfficer[], week: string): StoredVisit[] {
  return officers.flatMap((o) => {
    const place = o.villages[0]!;
    const visit = (date: string, from: string, minutes: number) =>
      benchVisit({ tenantId, officer: { id: o.id, name: o.name, role: o.role }, place, date, from, minutes, timeZone: TZ });
    return o.role === 'community_officer'
      ? [visit(isoWeekDate(week, 2), '09:00', 180), visit(isoWeekDate(week, 4), '09:00', 150)]
      : [visit(isoWeekDate(week, 2), '13:00', 200)];
  });
}

/** The week's compliance records: most met, a few short, a few excused by an absence. */
function weekCompliance(tenantId: string, officers: readonly DutyOfficer[], week: string): StoredCompliance[] {
  return officers.map((o, i) => ({
    tenantId,
    officerId: o.id,
    officerName: o.name,
    week,
    role: o.role,
    status: i % 13 === 5 ? 'short' : i % 29 === 7 ? 'excused' : 'met',
    periodOver: true,
    required: o.role === 'community_officer' ? 2 : 3,
    unit: o.role === 'community_officer' ? 'days' : 'hours',
    visitIds: [],
    reasons: ['基准测试'],
    ...(o.stationId ? { stationId: o.stationId } : {}),
    ...(o.unitId ? { unitId: o.unitId } : {}),
    evaluatedAt: new Date(isoWeekBounds(addIsoWeeks(week, 1), TZ).start + 2 * 3_600_000).toISOString(),
    version: 1,
  }));
}

/**
 * `n` matters taken in within [start, end) by the officers (createdBy his username) in their
 * villages: 60 % closed (one in three of those verified by a call-back, a few having gone
 * overdue first), the rest still running with their deadlines in the period.
 */
function periodMatters(tenantId: string, officers: readonly DutyOfficer[], start: number, end: number, n: number): StoredMatter[] {
  return Array.from({ length: n }, (_, i) => {
    const o = officers[(i * 7) % officers.length]!;
    const village = o.villages[i % o.villages.length]!;
    const createdAt = new Date(start + Math.floor(((end - start) * (i + 0.5)) / n)).toISOString();
    const base = { ...benchMatter(tenantId, i, createdAt, village), createdBy: o.username, updatedBy: o.username, kind: i % 4 === 0 ? 'dispute' : 'demand' } as StoredMatter;
    const assignedAt = addHours(createdAt, 1);
    if (i % 10 < 6) {
      const closedAt = addHours(assignedAt, 20);
      return {
        ...base,
        status: 'closed_resolved',
        assignedAt,
        acceptedAt: addHours(assignedAt, 2),
        outcome: 'resolved',
        closedAt,
        updatedAt: closedAt,
        version: 6,
        ...(i % 17 === 0 ? { supervision: { ...base.supervision, overdueAt: addHours(assignedAt, 10) } } : {}),
        ...(i % 3 === 0 ? { verification: { satisfied: i % 9 !== 0, method: 'phone' as const, at: addHours(closedAt, 3), by: 'bench' } } : {}),
      } as StoredMatter;
    }
    return { ...base, assignedAt, acceptBy: addHours(assignedAt, 8 + (i % 24)), feedbackBy: addHours(assignedAt, 72) } as StoredMatter;
  });
}

/** Information records collected by the officers within [start, end), one in four verified. */
function periodIntel(tenantId: string, officers: readonly DutyOfficer[], start: number, end: number, n: number): StoredIntelRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const o = officers[(i * 11) % officers.length]!;
    const v = o.villages[0]!;
    const ms = start + Math.floor(((end - start) * (i + 0.5)) / n);
    const at = new Date(ms).toISOString();
    return {
      id: newId('intel', ms),
      tenantId,
      ...newRecordMeta(at, o.username),
      type: 'place',
      title: `基准场所${i}`,
      villageId: v.villageId,
      villageName: v.villageName,
      stationId: v.stationId,
      officeId: v.officeId,
      workstationId: v.workstationId,
      details: { address: `${v.villageName}${i}号` },
      secrets: {},
      lookupHashes: [],
      tags: [],
      links: [],
      reliability: 'B',
      verification: i % 4 === 0 ? { state: 'verified', by: 'bench', byName: '基准测试', at } : { state: 'unverified' },
      source: { username: o.username, name: o.name, officerId: o.id },
    } as StoredIntelRecord;
  });
}

// ---- Laying down and clearing ----

async function layDownActivity(
  m: Modules,
  tenantId: string,
  officers: readonly DutyOfficer[],
  weeks: readonly string[],
  range: { start: number; end: number },
  counts: { matters: number; intel: number },
  concurrency: number,
): Promise<{ matters: number; visits: number; compliance: number; intel: number }> {
  const visits = weeks.flatMap((w) => weekVisits(tenantId, officers, w));
  const compliance = weeks.flatMap((w) => weekCompliance(tenantId, officers, w));
  const matters = periodMatters(tenantId, officers, range.start, range.end, counts.matters);
  const intel = periodIntel(tenantId, officers, range.start, range.end, counts.intel);
  await bulkPut(m.visitEntities.VisitEntity, visits.map(m.visits.visitItem), concurrency);
  await bulkPut(m.complianceEntities.ComplianceEntity, compliance.map(m.compliance.complianceItem), concurrency);
  await bulkPut(m.matterEntities.MatterEntity, matters.map((x) => ({ ...x, ...m.matters.matterIndexKeys(tenantId, x) })), concurrency);
  await bulkPut(
    m.intelEntities.IntelRecordEntity,
    intel.map((r) => ({
      ...r,
      gsi1pk: m.intel.villageIntelPartition(tenantId, r.villageId),
      gsi1sk: `${r.type}#${r.updatedAt}#${r.id}`,
      gsi2pk: m.intel.typeIntelPartition(tenantId, r.type),
      gsi2sk: `${r.updatedAt}#${r.id}`,
    })),
    concurrency,
  );
  return { matters: matters.length, visits: visits.length, compliance: compliance.length, intel: intel.length };
}

/** Deletes a partition's items (those whose sort key begins with `prefix`), with the plain client. */
async function clearPartition(ddb: DynamoDBDocumentClient, tableName: string, pk: string, prefix?: string): Promise<number> {
  const keys: Array<Record<string, unknown>> = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: startKey,
      }),
    );
    keys.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < keys.length; i += 25) chunks.push(keys.slice(i, i + 25));
  await Promise.all(
    chunks.map(async (chunk) => {
      let requests = chunk.map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 10) throw new Error(`could not clear ${pk}`);
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }),
  );
  return keys.length;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

// ---- 1. Scoring ----

async function benchScoring(stack: TestStack, m: Modules, opts: AssessmentBenchOptions, ddb: DynamoDBDocumentClient, log: (line: string) => void): Promise<AssessmentBenchResult['scoring']> {
  const tenantId = opts.scoringTenant;
  const tableName = stack.config.tableName;
  const { placed } = await layDownSeedShapedDirectory(tenantId);
  const ctx = m.periodData.systemContext(tenantId);
  const officers = dutyOfficers(await m.records.listAllRecords<Officer>(ctx, 'officer'), placed);
  const range = assessmentPeriodRange(MONTH, TZ);
  const laidDown = await layDownActivity(m, tenantId, officers, periodWeeks(MONTH), range, { matters: opts.matters, intel: opts.intel }, opts.concurrency);
  log(`assessment bench: seed-shaped county ${tenantId}, ${officers.length} duty officers, ${MONTH}: ${JSON.stringify(laidDown)} laid down`);

  /** The month's run, its version's scores and rankings, and the notifications: as if never scored. */
  const clear = async () => {
    await clearPartition(ddb, tableName, `T#${tenantId}#SCORE_RUN`, `${MONTH}#`);
    await clearPartition(ddb, tableName, m.assessmentEntities.scorePartition(tenantId, MONTH, 1));
    await clearPartition(ddb, tableName, `T#${tenantId}#NOTIFICATION`);
  };

  const recorder = await readRecorder();
  const client = plainClient(stack);
  let reads: CapturedRead[] = [];
  try {
    reads = await recorder.record(() => m.facts.readPeriodFacts(tenantId, MONTH));
  } finally {
    recorder.stop();
  }
  const times = { score: [] as number[], facts: [] as number[], bare: [] as number[] };
  let itemsRead = 0;
  let notifications = 0;
  let officersScored = 0;
  let agencies = 0;
  let bareItems = 0;
  for (let round = 0; round <= opts.rounds; round++) {
    const steps: Array<() => Promise<void>> = [
      async () => {
        await clear();
        let scored: Awaited<ReturnType<typeof m.scoring.scorePeriod>> | undefined;
        const ms = await timed(async () => {
          scored = await m.scoring.scorePeriod(tenantId, MONTH, { at: SCORING_AT, by: BY });
        });
        if (!scored?.created || scored.run.version !== 1) throw new Error(`assessment bench: scoring did not start from scratch (${JSON.stringify(scored?.run)})`);
        if (round > 0) times.score.push(ms);
        itemsRead = scored.reads;
        notifications = scored.notifications;
        officersScored = scored.run.officers;
        agencies = scored.run.agencies;
      },
      async () => {
        const ms = await timed(() => m.facts.readPeriodFacts(tenantId, MONTH));
        if (round > 0) times.facts.push(ms);
      },
      async () => {
        const ms = await timed(async () => {
          bareItems = await replayCountyReads(client, reads);
        });
        if (round > 0) times.bare.push(ms);
      },
    ];
    for (const step of round % 2 === 0 ? steps : [...steps].reverse()) await step();
  }
  client.destroy();
  const score = summarize(times.score);
  const facts = summarize(times.facts);
  const bare = summarize(times.bare);
  return {
    month: MONTH,
    officers: officersScored,
    agencies,
    laidDown,
    itemsRead,
    notifications,
    scorePeriod: score,
    readPeriodFacts: facts,
    bareReads: { ...bare, requests: reads.length, items: bareItems },
    ratio: ratio(score, bare),
    readRatio: ratio(facts, bare),
  };
}

// ---- 2. Rollup ----

/** Counties of a province: `<2-digit prefix>01<nn>` (valid county codes: never ending in 00). */
const countyCodes = (provinceId: string, n: number) => Array.from({ length: n }, (_, i) => `${provinceId.slice(0, 2)}01${String(i + 1).padStart(2, '0')}`);

const ROLLUP_COUNTY = { villages: 20, community: 4, contact: 16, matters: 40, intel: 10 };

/** A small county: registered as onboarding does, 20 villages, and a week of its duty officers' work. */
async function layDownSmallCounty(m: Modules, tenantId: string, concurrency: number): Promise<{ villages: number; visits: number; compliance: number; matters: number; intel: number }> {
  if (!(await m.tenants.getTenant(tenantId))) {
    const now = '2035-01-01T00:00:00.000Z';
    const tenant: TenantRecord = { tenantId, provinceId: `${tenantId.slice(0, 2)}0000`, name: `基准县${tenantId}`, adminUsername: `admin.${tenantId}`, ...newRecordMeta(now, 'bench') };
    const taken = m.errors.conflict('tenantId', 'bench county exists');
    await m.repository.runTransaction([
      m.tenants.createTenantOp(tenant),
      m.tenantConfig.putConfigOp({ ...DEFAULT_TENANT_CONFIG, timeZone: TZ, tenantId, version: 1, updatedAt: now, updatedBy: 'bench' }, undefined, taken),
    ]);
  }
  // The plan's first villages with fresh ids, placed under four offices and their workstations.
  const plan = planCounty('370283', 'full');
  const stationId = newId('station');
  const offices = Array.from({ length: ROLLUP_COUNTY.community }, () => newId('office'));
  const placed: PlacedVillage[] = plan.villages.slice(0, ROLLUP_COUNTY.villages).map((v, i) => ({
    villageId: newId('village'),
    villageName: v.input.name,
    officeId: offices[i % offices.length]!,
    workstationId: newId('workstation'),
    stationId,
  }));
  const meta = { ...newRecordMeta('2035-01-01T00:00:00.000Z', 'bench'), tenantId };
  const villageItems = plan.villages.slice(0, ROLLUP_COUNTY.villages).map((v, i) => {
    const record = { ...meta, id: placed[i]!.villageId, ...v.input, ...(v.input.divisionCode ? { divisionCode: `${tenantId}${v.input.divisionCode.slice(6)}` } : {}), officeId: placed[i]!.officeId, workstationId: placed[i]!.workstationId, stationId };
    return { ...record, ...m.records.indexKeysOf(tenantId, 'village', record) };
  });
  await bulkPut(m.records.ENTITIES.village, villageItems, concurrency);
  const officers: DutyOfficer[] = [
    ...offices.map((officeId, i) => ({
      id: newId('officer'),
      name: `社区民警${i}`,
      username: `co${i}.${tenantId}`,
      role: 'community_officer' as const,
      unitId: officeId,
      stationId,
      villages: placed.filter((v) => v.officeId === officeId),
    })),
    ...placed.slice(0, ROLLUP_COUNTY.contact).map((v, i) => ({
      id: newId('officer'),
      name: `联络员${i}`,
      username: `ct${i}.${tenantId}`,
      role: 'contact_officer' as const,
      unitId: v.workstationId,
      stationId,
      villages: [v],
    })),
  ];
  const { start, end } = isoWeekBounds(WEEK, TZ);
  const activity = await layDownActivity(m, tenantId, officers, [WEEK], { start, end }, { matters: ROLLUP_COUNTY.matters, intel: ROLLUP_COUNTY.intel }, concurrency);
  return { villages: villageItems.length, ...activity };
}

/** At most `limit` tasks at once, as produce-rollups does with its counties. */
async function pooled<T>(items: readonly T[], limit: number, task: (item: T) => Promise<number>): Promise<number> {
  let next = 0;
  let total = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        // Awaited first: `total += await …` would read `total` before the wait and lose the others' counts.
        const n = await task(items[next++]!);
        total += n;
      }
    }),
  );
  return total;
}

/** The service's reads sent plainly: the province's (stored period, registry) in turn, then the counties four at a time. */
async function replayRollupReads(client: ReturnType<typeof plainClient>, reads: readonly CapturedRead[]): Promise<number> {
  let items = 0;
  for (const read of reads.filter((r) => !tenantOfRead(r))) items += await replayRead(client, read);
  const byCounty = new Map<string, CapturedRead[]>();
  for (const read of reads) {
    const t = tenantOfRead(read);
    if (t) byCounty.set(t, [...(byCounty.get(t) ?? []), read]);
  }
  return items + (await pooled([...byCounty.values()], 4, (countyReads) => replayCountyReads(client, countyReads)));
}

async function benchRollup(stack: TestStack, m: Modules, opts: AssessmentBenchOptions, ddb: DynamoDBDocumentClient, log: (line: string) => void): Promise<AssessmentBenchResult['rollup']> {
  const tableName = stack.config.tableName;
  const provinces = { small: opts.provinces.small, large: opts.provinces.large };
  let perCounty: AssessmentBenchResult['rollup']['perCounty'] | undefined;
  for (const p of Object.values(provinces)) {
    for (const tenantId of countyCodes(p.provinceId, p.counties)) perCounty = await layDownSmallCounty(m, tenantId, opts.concurrency);
  }
  log(`assessment bench: ${provinces.small.counties} + ${provinces.large.counties} counties registered, ${WEEK} laid down in each: ${JSON.stringify(perCounty)}`);

  const clear = (provinceId: string) => clearPartition(ddb, tableName, m.rollupEntities.rollupPartition(provinceId, 'week'), `${WEEK}#`);
  const recorder = await readRecorder();
  const captured: Record<'small' | 'large', CapturedRead[]> = { small: [], large: [] };
  try {
    for (const key of ['small', 'large'] as const) {
      await clear(provinces[key].provinceId);
      captured[key] = await recorder.record(() => m.rollups.produceRollup(provinces[key].provinceId, 'week', WEEK, ROLLUP_AT));
    }
  } finally {
    recorder.stop();
  }
  const client = plainClient(stack);
  const times = { small: { produce: [] as number[], bare: [] as number[] }, large: { produce: [] as number[], bare: [] as number[] } };
  const read = { small: { items: 0, bare: 0 }, large: { items: 0, bare: 0 } };
  for (let round = 0; round <= opts.rollupRounds; round++) {
    for (const key of round % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
      const p = provinces[key];
      await clear(p.provinceId);
      // The bare reads first, while the week is not stored: they find what the service finds.
      const bareMs = await timed(async () => {
        read[key].bare = await replayRollupReads(client, captured[key]);
      });
      let out: Awaited<ReturnType<typeof m.rollups.produceRollup>> | undefined;
      const ms = await timed(async () => {
        out = await m.rollups.produceRollup(p.provinceId, 'week', WEEK, ROLLUP_AT);
      });
      if (!out?.created || out.rollup.counties.length !== p.counties) throw new Error(`assessment bench: rollup of ${p.provinceId} not produced from scratch (${out?.rollup.counties.length} counties)`);
      if (round > 0) {
        times[key].produce.push(ms);
        times[key].bare.push(bareMs);
      }
      read[key].items = out.reads;
    }
  }
  client.destroy();
  const figures = (key: 'small' | 'large'): RollupFigures => {
    const produce = summarize(times[key].produce);
    const bare = summarize(times[key].bare);
    return {
      provinceId: provinces[key].provinceId,
      counties: provinces[key].counties,
      produce,
      bareReads: { ...bare, requests: captured[key].length, items: read[key].bare },
      ratio: ratio(produce, bare),
      itemsRead: read[key].items,
      perCountyMs: round2(produce.p50Ms / provinces[key].counties),
    };
  };
  const small = figures('small');
  const large = figures('large');
  return {
    week: WEEK,
    perCounty: perCounty!,
    small,
    large,
    growth: ratio(large.produce, small.produce),
    bareGrowth: ratio(large.bareReads, small.bareReads),
    countiesRatio: round2(large.counties / small.counties),
  };
}

export async function benchAssessment(stack: TestStack, opts: AssessmentBenchOptions, log: (line: string) => void = console.log): Promise<AssessmentBenchResult> {
  applyHandlerEnv(stack.config);
  const m = await load();
  const ddb = bareDynamo(stack);
  const started = performance.now();
  try {
    const scoring = await benchScoring(stack, m, opts, ddb, log);
    const rollup = await benchRollup(stack, m, opts, ddb, log);
    return {
      measures: {
        scoring:
          `scorePeriod(${MONTH}) of the seed-shaped county from scratch (its run, scores, rankings and notifications deleted before each run, untimed; ` +
          `every run computes version 1: reads, computing, score/ranking batches, the publishing transaction, notification transactions), p50 of ${opts.rounds} runs after a warm-up; ` +
          `readPeriodFacts alone the same way; baseline "bare reads": the GetItem/Query requests readPeriodFacts sends (recorded at the SDK client), sent again with a plain DynamoDB client ` +
          `(the config read, then every Query at once, each paged to its end, items unmarshalled)`,
        rollup:
          `produceRollup(week ${WEEK}) of a province from scratch (its rows of the week deleted before each run, untimed): registry and stored-period reads, every county's figures (four at a time), ` +
          `one transaction; p50 of ${opts.rollupRounds} runs after a warm-up, small and large province alternating; baseline "bare reads": the same recorded requests sent with a plain client ` +
          `(province reads in turn, then per county its config read and its Queries at once, four counties at a time)`,
      },
      options: opts,
      scoring,
      rollup,
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    ddb.destroy();
  }
}
