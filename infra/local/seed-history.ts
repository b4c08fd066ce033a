import {
  addDays,
  addIsoWeeks,
  DEFAULT_MATTER_CONFIG,
  DEFAULT_TENANT_CONFIG,
  ID_PREFIXES,
  isoWeekDate,
  isoWeekOf,
  isoWeekOfDate,
  periodDates,
  previousMonth,
  previousQuarter,
  seededRandom,
  ulid,
  zonedWallTime,
  type IdKind,
  type IntelType,
  type MatterEvent,
  type MatterOutcome,
} from '@beatlink/shared';
import type { StoredIntelRecord } from '@beatlink/functions/data/intel';
import { putDisputeOp, putEventOp, putMatterOp, type StoredMatter } from '@beatlink/functions/data/matters';
import { putIntelRecordOp } from '@beatlink/functions/data/intel';
import { runTransaction, type TxOp } from '@beatlink/functions/data/repository';
import { putVisitOp } from '@beatlink/functions/data/visits';
import { mapLimited } from '@beatlink/functions/lib/bounded-pool';
import { evaluateCountyWeek } from '@beatlink/functions/services/duty/compliance';
import { closedVisit, type VisitPlace } from './history-records';
import { SEEDED_WEEKS } from './seed-compliance';
import type { CountyPlan } from './seed-plan';

/**
 * The demo county's earlier months, so that its assessment (考核) has something to assess: from
 * the start of the previous quarter up to the first week the other seeds play through the
 * services, every community and contact officer's visits, the matters they took in (closed, some
 * late, verified by phone, some held by agencies) and the information they collected — written
 * straight to the table as the services would have stored them (playing each step would take
 * too long), then each week's duty evaluated by the real evaluation service.
 *
 * Deterministic: every choice and every id comes from a PRNG seeded with the county, the officer
 * and the week, and records go in fixed chunks, each one transaction. A resumed seed finds a
 * written chunk already there (its condition fails as a whole) and skips it, so nothing is
 * written twice.
 */
const CHUNK = 25;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Officer {
  id: string;
  name: string;
  username: string;
  role: 'community_officer' | 'contact_officer';
  villages: VisitPlace[];
}

const INTEL_TITLES: Record<Exclude<IntelType, 'person'>, string[]> = {
  place: ['村口小卖部', '废品收购站', '村民活动中心', '农家乐', '加油站', '废弃厂房'],
  thing: ['农用三轮车', '监控摄像头', '消防器材', '电动车充电桩'],
  event: ['村民集市', '宗族祭祀活动', '红白喜事', '外来务工人员聚集'],
  organisation: ['村老年协会', '农民专业合作社', '村治保会', '志愿巡逻队'],
};
const MATTER_TITLES = ['反映路灯损坏', '邻里因排水沟产生矛盾', '咨询户籍迁移', '反映夜间噪音扰民', '反映村道坑洼', '求助低保申请', '反映工资拖欠', '土地边界争议', '家庭矛盾调解', '反映垃圾清运不及时'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function idOf(kind: IdKind, ms: number, random: () => number): string {
  return `${ID_PREFIXES[kind]}_${ulid(ms, random)}`;
}

/**
 * How far back the assessment's history goes: the previous quarter (the demo: months and a
 * quarter to score), or only the previous month (the test stack: one scored month is all its
 * suites need, and a smaller table keeps them fast).
 */
export type HistoryReach = 'quarter' | 'month';

/** The first day of the history: the previous quarter's or the previous month's. */
export function historyStart(now: number, timeZone: string, reach: HistoryReach): string {
  const at = new Date(now).toISOString();
  return periodDates(reach === 'quarter' ? previousQuarter(at, timeZone) : previousMonth(at, timeZone)).first;
}

/** The weeks to lay down: from the history's first week to the week before the seeded ones. */
export function historyWeeks(now: number, timeZone: string, reach: HistoryReach): string[] {
  const thisWeek = isoWeekOf(now, timeZone);
  const firstSeeded = addIsoWeeks(thisWeek, -SEEDED_WEEKS);
  const start = isoWeekOfDate(historyStart(now, timeZone, reach));
  const weeks: string[] = [];
  for (let w = start; w < firstSeeded; w = addIsoWeeks(w, 1)) weeks.push(w);
  return weeks;
}

function officersOf(plan: CountyPlan, id: (key: string) => string): Officer[] {
  const place = (v: CountyPlan['villages'][number]): VisitPlace => {
    const office = plan.offices.find((o) => o.key === v.officeKey)!;
    return { villageId: id(v.key), villageName: v.input.name, officeId: id(v.officeKey), workstationId: id(v.workstationKey), stationId: id(office.stationKey) };
  };
  return plan.officers.flatMap((o): Officer[] => {
    const { role, name, username } = o.input;
    if (role === 'community_officer' && o.placement.officeKey) {
      return [{ id: id(o.key), name, username, role, villages: plan.villages.filter((v) => v.officeKey === o.placement.officeKey).map(place) }];
    }
    if (role === 'contact_officer' && o.placement.workstationKey) {
      return [{ id: id(o.key), name, username, role, villages: plan.villages.filter((v) => v.workstationKey === o.placement.workstationKey).map(place) }];
    }
    return [];
  }).filter((o) => o.villages.length > 0);
}

function event(matterId: string, type: MatterEvent['type'], at: number, by: { username: string; name: string; role: string }, random: () => number, extra: Partial<MatterEvent> = {}): MatterEvent {
  return { matterId, id: idOf('matterEvent', at, random), type, at: new Date(at).toISOString(), by: by.username, byName: by.name, byRole: by.role, ...extra };
}

interface Context {
  plan: CountyPlan;
  officer: Officer;
  week: string;
  random: () => number;
  agencies: Array<{ id: string; name: string; kind: string }>;
  office: { username: string; name: string };
}

function visitsOf({ plan, officer, week, random }: Context): TxOp[] {
  const community = officer.role === 'community_officer';
  const roll = random();
  // Community officers: most weeks two or three days in their villages, now and then fewer.
  const days = community ? (roll < 0.05 ? 0 : roll < 0.17 ? 1 : roll < 0.7 ? 2 : 3) : roll < 0.1 ? 0 : 1;
  const weekdays = community ? [1, 3, 5].slice(0, days) : days ? [DEFAULT_TENANT_CONFIG.duty.contactOfficerWeekday] : [];
  return weekdays.map((weekday) => {
    const visit = closedVisit({
      tenantId: plan.tenantId,
      officer,
      place: pick(random, officer.villages),
      date: isoWeekDate(week, weekday),
      from: community ? '09:00' : '13:30',
      minutes: community ? 150 + Math.floor(random() * 90) : random() < 0.05 ? 120 : 200 + Math.floor(random() * 30),
      timeZone: plan.timeZone,
      householdsVisited: community ? 3 + Math.floor(random() * 7) : 2 + Math.floor(random() * 5),
      by: officer.username,
    });
    return putVisitOp({ ...visit, id: idOf('visit', Date.parse(visit.checkedInAt), random) }, undefined);
  });
}

function mattersOf({ plan, officer, week, random, agencies, office }: Context): TxOp[] {
  const community = officer.role === 'community_officer';
  const count = Math.floor(random() * (community ? 3 : 2) + (community ? 0.4 : 0.2));
  const ops: TxOp[] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(random, officer.villages);
    const created = zonedWallTime(isoWeekDate(week, 1 + Math.floor(random() * 5)), `${10 + Math.floor(random() * 6)}:00`, plan.timeZone);
    const id = idOf('matter', created, random);
    const dispute = random() < 0.15;
    const category = dispute ? pick(random, ['neighbour', 'marriage_family', 'land_forest']) : pick(random, DEFAULT_MATTER_CONFIG.categories.map((c) => c.id));
    const categoryName = DEFAULT_MATTER_CONFIG.categories.find((c) => c.id === category)!.name;
    const route = DEFAULT_MATTER_CONFIG.routing[category]!;
    const agency = route.target === 'agency' ? (agencies.find((a) => a.kind === route.agencyKind) ?? agencies.find((a) => a.kind === 'township')) : undefined;
    const assignedAt = created + 2 * HOUR;
    const late = random() < 0.12;
    const closedAt = created + (2 + Math.floor(random() * 8)) * DAY;
    const outcome: MatterOutcome = pick(random, ['resolved', 'resolved', 'resolved', 'resolved', 'partially_resolved', 'unresolved']);
    const satisfied = random() < 0.9;
    const iso = (ms: number) => new Date(ms).toISOString();
    const acceptBy = assignedAt + DAY;
    const feedbackBy = assignedAt + 7 * DAY;
    const feedbackAt = late ? feedbackBy + DAY : closedAt - 6 * HOUR;
    const matter: StoredMatter = {
      id,
      tenantId: plan.tenantId,
      kind: dispute ? 'dispute' : pick(random, ['demand', 'demand', 'service', 'hazard', 'tip']),
      source: 'resident',
      status: outcome === 'unresolved' ? 'closed_unresolved' : 'closed_resolved',
      title: pick(random, MATTER_TITLES),
      description: '群众在民警驻村时当面反映，已登记并按规定流转办理。',
      categoryId: category,
      categoryName,
      severity: pick(random, ['medium', 'medium', 'low', 'high']),
      policeBusiness: route.target === 'police',
      linkage: Boolean(agency),
      ...place,
      occurredAt: iso(created - HOUR),
      attachmentIds: [],
      holder: agency
        ? { type: 'agency', id: agency.id, name: agency.name }
        : { type: 'office', id: place.officeId, name: `${place.villageName}所属警务室`, stationId: place.stationId },
      assignedAt: iso(assignedAt),
      acceptBy: iso(acceptBy),
      feedbackBy: iso(feedbackBy),
      acceptedAt: iso(late && random() < 0.5 ? acceptBy + 2 * HOUR : assignedAt + 3 * HOUR),
      feedback: { outcome, note: '已办理并答复群众。', at: iso(feedbackAt), by: agency ? 'agency' : officer.username, attachmentIds: [] },
      verification: { satisfied, method: 'phone', at: iso(closedAt - HOUR), by: office.username },
      outcome,
      closedAt: iso(closedAt),
      mergedCount: 0,
      supervision: { escalationLevel: late ? 1 : 0, urgeCount: late ? 1 : 0, ...(late ? { deadline: iso(feedbackBy), overdueAt: iso(feedbackBy) } : {}) },
      returnCount: agency && random() < 0.08 ? 1 : 0,
      reopenCount: 0,
      createdByName: officer.name,
      version: 6,
      createdAt: iso(created),
      updatedAt: iso(closedAt),
      createdBy: officer.username,
      updatedBy: office.username,
    };
    const taker = { username: officer.username, name: officer.name, role: officer.role };
    const closer = { ...office, role: 'program_office' };
    ops.push(
      putMatterOp(matter, undefined),
      putEventOp(plan.tenantId, event(id, 'created', created, taker, random, { to: 'triage' })),
      putEventOp(plan.tenantId, event(id, 'close', closedAt, closer, random, { from: 'verified', to: matter.status })),
    );
    if (dispute) {
      const resolved = random() < 0.8;
      ops.push(
        putDisputeOp(
          plan.tenantId,
          {
            matterId: id,
            parties: [],
            disputeType: category === 'land_forest' ? 'land' : category === 'marriage_family' ? 'family' : 'neighbour',
            riskLevel: 'medium',
            stageFound: 'before',
            mediations: [{ date: iso(created + DAY).slice(0, 10), mediator: officer.name, result: resolved ? 'agreement' : 'no_agreement' }],
            followUps: [],
            resolvedAtVillage: resolved,
            escalated: !resolved && random() < 0.3,
            turnedIntoCase: false,
            version: 1,
            updatedAt: iso(created + DAY),
            updatedBy: officer.username,
          },
          undefined,
        ),
      );
    }
  }
  return ops;
}

function intelOf({ plan, officer, week, random }: Context): TxOp[] {
  const count = Math.floor(random() * (officer.role === 'community_officer' ? 4 : 2.5));
  return Array.from({ length: count }, () => {
    const type = pick(random, ['place', 'thing', 'event', 'organisation'] as const);
    const place = pick(random, officer.villages);
    const at = zonedWallTime(isoWeekDate(week, 1 + Math.floor(random() * 5)), '15:00', plan.timeZone);
    const verified = random() < 0.65;
    const iso = new Date(at).toISOString();
    const record: StoredIntelRecord = {
      tenantId: plan.tenantId,
      id: idOf('intel', at, random),
      type,
      title: `${place.villageName}${pick(random, INTEL_TITLES[type])}`,
      ...place,
      details: {},
      secrets: {},
      lookupHashes: [],
      tags: [],
      links: [],
      reliability: 'B',
      verification: verified ? { state: 'verified', by: officer.username, byName: officer.name, at: new Date(at + 3 * DAY).toISOString() } : { state: 'unverified' },
      source: { username: officer.username, name: officer.name, officerId: officer.id },
      status: 'active',
      version: verified ? 2 : 1,
      createdAt: iso,
      updatedAt: iso,
      createdBy: officer.username,
      updatedBy: officer.username,
    };
    return putIntelRecordOp(record, undefined);
  });
}

async function commitChunks(ops: TxOp[]): Promise<{ written: number; skipped: number }> {
  const chunks: TxOp[][] = [];
  for (let i = 0; i < ops.length; i += CHUNK) chunks.push(ops.slice(i, i + CHUNK));
  let written = 0;
  let skipped = 0;
  await mapLimited(chunks, 4, async (chunk) => {
    try {
      await runTransaction(chunk);
      written += chunk.length;
    } catch (error) {
      // Laid down by an earlier (interrupted) run: the chunk is all there, as it was.
      const code = (error as { code?: string }).code;
      if (code !== 'VERSION_CONFLICT' && code !== 'CONFLICT') throw error;
      skipped += chunk.length;
    }
  });
  return { written, skipped };
}

export async function seedHistory(plan: CountyPlan, id: (key: string) => string, options: { log: (line: string) => void; reach: HistoryReach; now?: number }): Promise<{ weeks: string[]; written: number }> {
  const started = Date.now();
  const now = options.now ?? Date.now();
  const weeks = historyWeeks(now, plan.timeZone, options.reach);
  const officers = officersOf(plan, id);
  const agencies = plan.agencies.map((a) => ({ id: id(a.key), name: a.input.name, kind: a.input.kind }));
  const programOffice = plan.officers.find((o) => o.input.role === 'program_office')!;
  const office = { username: programOffice.input.username, name: programOffice.input.name };
  let written = 0;
  let skipped = 0;
  let compliance = 0;
  for (const week of weeks) {
    const ops = officers.flatMap((officer) => {
      const ctx: Context = { plan, officer, week, random: seededRandom(`${plan.tenantId}:history:${officer.id}:${week}`), agencies, office };
      return [...visitsOf(ctx), ...mattersOf(ctx), ...intelOf(ctx)];
    });
    const result = await commitChunks(ops);
    written += result.written;
    skipped += result.skipped;
    // Evaluated as the nightly job would have, a week after (make-ups long expired by now).
    compliance += (await evaluateCountyWeek(plan.tenantId, week, new Date(Math.min(now, Date.parse(`${addDays(isoWeekDate(week, 7), 8)}T00:00:00Z`))).toISOString())).written;
  }
  options.log(
    `seed: ${plan.tenantId} history ${weeks[0] ?? '-'}…${weeks.at(-1) ?? '-'}: ${written} records written${skipped ? `, ${skipped} already there` : ''}, ${compliance} compliance records in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { weeks, written };
}
