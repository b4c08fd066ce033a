import { addIsoWeeks, isoWeekDate, newId, zonedWallTime, type Page, type Village, type Visit } from '@beatlink/shared';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as ComplianceData from '@beatlink/functions/data/compliance';
import type * as ComplianceEntities from '@beatlink/functions/data/entities/compliance';
import type * as VisitData from '@beatlink/functions/data/visits';
import type { StoredVisit } from '@beatlink/functions/data/visits';
import type * as VisitEntities from '@beatlink/functions/data/entities/visits';
import type * as ComplianceService from '@beatlink/functions/services/duty/compliance';
import type * as DutyOfficers from '@beatlink/functions/services/duty/duty-officers';
import type { DutyOfficer } from '@beatlink/functions/services/duty/officer-week';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import { apiAs } from '../support/api';
import type { TestStack } from '../support/stack';
import { bareDynamo, timed } from './bare-dynamo';
import { benchVisit } from './bench-visit';
import { bulkPut } from './bulk-load';
import { layDownSeedShapedDirectory } from './seed-shaped-county';
import { ratio, summarize, type Summary } from './stats';

/**
 * Field duty (issue #4):
 *
 * 1. Check-in through the whole local path (HTTP → gateway JWT check → middy → village, rules and
 *    display name → geo flag → one transaction with its audit entry) against the bare DynamoDB
 *    calls it cannot do without: read the rules and the village, read the audit head, write the
 *    visit with the head and the entry in one transaction.
 * 2. The weekly evaluation of the seed-shaped county (its directory laid into a fresh county
 *    partition; all its duty officers, one week) for a week
 *    with 1 week of history before it vs the same week shape with 20 weeks of history (visits and
 *    stored compliance records). Both weeks are laid down straight into the table; the first
 *    evaluation of each writes the records, the measured re-runs read and evaluate only. Time and
 *    items read must not grow with history.
 */
/** Check-ins as the demo community officer; the evaluation in a fresh seed-shaped county. */
const TENANT = '370283';
const SHAPED = '379903';
const TZ = 'Asia/Shanghai';
/** Far from the seeded weeks: one week with 1 week of history, one with 20. */
const WEEK_SHORT_HISTORY = '2032-W30';
const WEEK_LONG_HISTORY = '2033-W30';

export interface DutyBenchResult {
  checkIn: { gateway: Summary; bare: Summary; ratio: number };
  evaluation: {
    officers: number;
    visitsPerWeek: number;
    withOneWeek: { first: number; rerun: Summary; itemsRead: number };
    withTwentyWeeks: { first: number; rerun: Summary; itemsRead: number };
    timeRatio: number;
    itemsReadRatio: number;
    seedingMs: number;
  };
}

export async function benchDuty(stack: TestStack, opts: { rounds: number; perRound: number; evaluationRuns: number }): Promise<DutyBenchResult> {
  applyHandlerEnv(stack.config);
  return { checkIn: await benchCheckIn(stack, opts), evaluation: await benchEvaluation(opts.evaluationRuns) };
}

async function benchCheckIn(stack: TestStack, opts: { rounds: number; perRound: number }): Promise<DutyBenchResult['checkIn']> {
  const client = await apiAs(stack.config, stack.logins.byTenant[TENANT]!.community_officer!);
  const office = await apiAs(stack.config, stack.logins.byTenant[TENANT]!.program_office!);
  const me = await client.get<{ unitId: string }>('/me');
  const village = (await office.get<Page<Village>>('/directory/villages', { officeId: me.unitId, limit: 1 })).items[0]!;
  const ddb = bareDynamo(stack);
  const table = stack.config.tableName;
  const position = village.location ? { lat: village.location.lat + 0.001, lng: village.location.lng, accuracy: 20 } : { lat: 36.78, lng: 119.96, accuracy: 20 };

  const gateway = () => client.post<Visit>('/visits', { villageId: village.id, at: new Date().toISOString(), position, makeUp: false });
  const bare = async () => {
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#CONFIG`, sk: 'CONFIG' } }));
    await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#VILLAGE`, sk: village.id } }));
    const head = await ddb.send(new GetCommand({ TableName: table, Key: { pk: `T#${TENANT}#BENCH_AUDIT_HEAD`, sk: 'HEAD' }, ConsistentRead: true }));
    const seq = ((head.Item?.seq as number | undefined) ?? 0) + 1;
    const now = new Date().toISOString();
    const id = newId('visit');
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_VISIT`, sk: id, id, villageId: village.id, checkedInAt: now, status: 'open', version: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_AUDIT_HEAD`, sk: 'HEAD', seq }, ...(seq > 1 ? { ConditionExpression: 'seq = :s', ExpressionAttributeValues: { ':s': seq - 1 } } : {}) } },
          { Put: { TableName: table, Item: { pk: `T#${TENANT}#BENCH_AUDIT`, sk: String(seq).padStart(12, '0'), action: 'create', at: now }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  };
  const samples = { gateway: [] as number[], bare: [] as number[] };
  const run = async (fn: () => Promise<unknown>, into?: number[]) => {
    for (let i = 0; i < opts.perRound; i++) {
      const ms = await timed(fn);
      into?.push(ms);
    }
  };
  await run(gateway);
  await run(bare);
  for (let round = 0; round < opts.rounds; round++) {
    await run(gateway, samples.gateway);
    await run(bare, samples.bare);
  }
  ddb.destroy();
  const g = summarize(samples.gateway);
  const b = summarize(samples.bare);
  return { gateway: g, bare: b, ratio: ratio(g, b) };
}

/** The visits of one officer-week as the rules expect them done: two days, or the Tuesday session. */
function weekVisits(tenantId: string, officer: DutyOfficer, week: string): StoredVisit[] {
  const village = officer.villages[0];
  if (!village) return [];
  const make = (date: string, from: string, minutes: number): StoredVisit =>
    benchVisit({
      tenantId,
      officer: { id: officer.id, name: officer.name, role: officer.role },
      place: {
        villageId: village.id,
        villageName: village.name,
        officeId: officer.role === 'community_officer' ? officer.unitId! : 'ofc_BENCH',
        workstationId: officer.role === 'contact_officer' ? officer.unitId! : 'wks_BENCH',
        stationId: officer.stationId ?? 'stn_BENCH',
      },
      date,
      from,
      minutes,
      timeZone: TZ,
    });
  return officer.role === 'community_officer'
    ? [make(isoWeekDate(week, 2), '09:00', 180), make(isoWeekDate(week, 4), '09:00', 150)]
    : [make(isoWeekDate(week, 2), '13:00', 200)];
}

async function benchEvaluation(runs: number): Promise<DutyBenchResult['evaluation']> {
  const visitData: typeof VisitData = await import('@beatlink/functions/data/visits');
  const { VisitEntity }: typeof VisitEntities = await import('@beatlink/functions/data/entities/visits');
  const complianceData: typeof ComplianceData = await import('@beatlink/functions/data/compliance');
  const { ComplianceEntity }: typeof ComplianceEntities = await import('@beatlink/functions/data/entities/compliance');
  const service: typeof ComplianceService = await import('@beatlink/functions/services/duty/compliance');
  const { countyDutyOfficers }: typeof DutyOfficers = await import('@beatlink/functions/services/duty/duty-officers');
  // History: the weeks before each measured week, with visits and their stored records (met).
  const seedStart = Date.now();
  await layDownSeedShapedDirectory(SHAPED);
  const officers = await countyDutyOfficers({ tenantId: SHAPED, username: 'bench', name: 'bench', roles: [], scope: 'tenant' });
  const layDown = async (week: string, historyWeeks: number) => {
    const weeks = Array.from({ length: historyWeeks + 1 }, (_, i) => addIsoWeeks(week, -historyWeeks + i));
    const visits = weeks.flatMap((w) => officers.flatMap((o) => weekVisits(SHAPED, o, w)));
    await bulkPut(VisitEntity, visits.map(visitData.visitItem), 6);
    const records = weeks.slice(0, -1).flatMap((w) =>
      officers.map((o) =>
        complianceData.complianceItem({
          tenantId: SHAPED,
          officerId: o.id,
          officerName: o.name,
          week: w,
          role: o.role,
          status: 'met',
          periodOver: true,
          required: o.role === 'community_officer' ? 2 : 3,
          unit: o.role === 'community_officer' ? 'days' : 'hours',
          visitIds: [],
          reasons: ['基准测试历史'],
          evaluatedAt: '2034-01-01T00:00:00.000Z',
          version: 1,
        }),
      ),
    );
    await bulkPut(ComplianceEntity, records, 6);
    return visits.length / weeks.length;
  };
  const visitsPerWeek = await layDown(WEEK_SHORT_HISTORY, 1);
  await layDown(WEEK_LONG_HISTORY, 20);
  const seedingMs = Date.now() - seedStart;

  const at = (week: string) => new Date(zonedWallTime(isoWeekDate(addIsoWeeks(week, 1), 3), '02:00', TZ)).toISOString();
  const evaluate = async (week: string) => {
    let itemsRead = 0;
    const ms = await timed(async () => {
      itemsRead = (await service.evaluateCountyWeek(SHAPED, week, at(week))).itemsRead;
    });
    return { ms, itemsRead };
  };
  const short = { first: (await evaluate(WEEK_SHORT_HISTORY)).ms, times: [] as number[], itemsRead: 0 };
  const long = { first: (await evaluate(WEEK_LONG_HISTORY)).ms, times: [] as number[], itemsRead: 0 };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so the machine's noise hits both alike.
    for (const [week, into] of i % 2 === 0 ? ([[WEEK_SHORT_HISTORY, short], [WEEK_LONG_HISTORY, long]] as const) : ([[WEEK_LONG_HISTORY, long], [WEEK_SHORT_HISTORY, short]] as const)) {
      const r = await evaluate(week);
      into.times.push(r.ms);
      into.itemsRead = r.itemsRead;
    }
  }
  const withOneWeek = { first: Math.round(short.first), rerun: summarize(short.times), itemsRead: short.itemsRead };
  const withTwentyWeeks = { first: Math.round(long.first), rerun: summarize(long.times), itemsRead: long.itemsRead };
  return {
    officers: officers.length,
    visitsPerWeek,
    withOneWeek,
    withTwentyWeeks,
    timeRatio: ratio(withTwentyWeeks.rerun, withOneWeek.rerun),
    itemsReadRatio: Math.round((withTwentyWeeks.itemsRead / withOneWeek.itemsRead) * 100) / 100,
    seedingMs,
  };
}
