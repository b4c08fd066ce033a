import { randomBytes } from 'node:crypto';
import {
  assessmentPeriodLabel,
  assessmentPeriodRange,
  drawSample,
  periodEnded,
  previousMonth,
  spotCheckId,
  zonedDate,
  type Officer,
  type SpotCheck,
  type SpotCheckDrawInput,
  type SpotCheckItem,
  type SpotCheckListQuery,
  type SpotCheckResultInput,
  type SpotCheckRules,
  type Village,
} from '@beatlink/shared';
import { listAllRecords } from '../../data/directory-records';
import { notificationId, putNotificationOp, type NotificationRecord } from '../../data/notifications';
import { queryVillageHouseholds, type StoredHousehold } from '../../data/registry';
import { runTransaction } from '../../data/repository';
import { getSpotCheckRecord, latestSpotCheckMonth, putNewSpotCheckOp, putSpotCheckChangeOp, spotChecksOfMonth } from '../../data/spot-checks';
import { allVisits, checkInRange, type StoredVisit } from '../../data/visits';
import { mapLimited } from '../../lib/bounded-pool';
import { AppError, invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { countySetting, systemContext } from '../analysis/period-data';
import { defaultDeps, type ServiceDeps } from '../deps';
import { currentRules } from './score-rules';

/**
 * 月抽查: after a month ends, every active contact officer's visits of that month and the
 * households of his workstation's villages are sampled (drawSample, shared/assessment/spot-check),
 * and the program office calls the sample back and records each result. The seed is random but
 * recorded, so the sample can be redrawn from the seed and the candidates by anyone who checks.
 * One check per officer and month, written on condition it does not exist: a re-run or a
 * concurrent draw keeps the first check as it is.
 */
export const SPOT_CHECK_ACTOR = { username: 'system:spot-check', name: '月抽查任务' };

/** Officers drawn at once: each reads his visits and his villages' households. */
const DRAW_CONCURRENCY = 8;
const HOUSEHOLD_PAGE = 200;

const spotCheckNotFound = () => notFound('id', '抽查记录不存在 / spot check not found');

const byOfficerName = (a: SpotCheck, b: SpotCheck) => a.officerName.localeCompare(b.officerName, 'zh-CN') || a.officerId.localeCompare(b.officerId);

/** `王秀兰` → `王**`: the head is named to the caller without giving the full name (or its length) away. */
function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/** How many visits and households each officer's sample holds: the score rules in force. */
async function spotCheckRules(tenantId: string): Promise<SpotCheckRules> {
  return (await currentRules(tenantId)).rules.spotCheck;
}

// ---- Reading ----

export async function listSpotChecks(ctxIn: TenantContext, query: SpotCheckListQuery, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<{ month: string; items: SpotCheck[] }> {
  const ctx = requireTenant(ctxIn);
  let month = query.month ?? (await latestSpotCheckMonth(ctx.tenantId));
  if (!month) {
    const { timeZone } = await countySetting(ctx.tenantId);
    month = previousMonth(isoNow(deps.clock), timeZone);
  }
  const checks = await spotChecksOfMonth(ctx.tenantId, month);
  return { month, items: checks.filter((c) => query.status === undefined || c.status === query.status).sort(byOfficerName) };
}

/** Another county's id is absent by key (the partition is the caller's county's). */
export async function getSpotCheck(ctxIn: TenantContext, id: string): Promise<SpotCheck> {
  const ctx = requireTenant(ctxIn);
  const check = await getSpotCheckRecord(ctx.tenantId, id);
  if (!check) throw spotCheckNotFound();
  return check;
}

// ---- Recording a call-back ----

/** Counts and status from the items' results: done when every item has one. */
function tally(items: readonly SpotCheckItem[]): Pick<SpotCheck, 'passed' | 'failed' | 'unreachable' | 'status'> {
  const count = (result: SpotCheckItem['result']) => items.filter((i) => i.result === result).length;
  return {
    passed: count('pass'),
    failed: count('fail'),
    unreachable: count('unreachable'),
    status: items.length > 0 && items.every((i) => i.result !== undefined) ? 'done' : 'open',
  };
}

/** One item's result (a result already recorded is corrected: the check's version guards it). */
export async function recordSpotCheckResult(ctxIn: TenantContext, id: string, input: SpotCheckResultInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<SpotCheck> {
  const ctx = requireTenant(ctxIn);
  const check = await getSpotCheckRecord(ctx.tenantId, id);
  if (!check) throw spotCheckNotFound();
  const index = check.items.findIndex((i) => i.itemId === input.itemId);
  if (index < 0) throw invalidField('itemId', `抽查项 ${input.itemId} 不在本次抽查中 / no such item in this spot check`);
  if (check.version !== input.version) throw versionConflict();

  const now = isoNow(deps.clock);
  const { note: _previousNote, ...item } = check.items[index]!;
  const items = check.items.map((existing, i) =>
    i === index
      ? { ...item, result: input.result, ...(input.note ? { note: input.note } : {}), recordedAt: now, recordedBy: ctx.username, recordedByName: ctx.name }
      : existing,
  );
  const next: SpotCheck = { ...check, items, ...tally(items), version: check.version + 1, updatedAt: now, updatedBy: ctx.username };
  await runTransaction([putSpotCheckChangeOp(next, check.version, versionConflict())]);
  return next;
}

// ---- Drawing ----

interface DrawContext {
  tenantId: string;
  month: string;
  timeZone: string;
  range: { start: number; end: number };
  rules: SpotCheckRules;
  villagesByWorkstation: Map<string, Village[]>;
  at: string;
  actor: string;
}

/** Every active household of a village (a village's register: hundreds, read in pages). */
async function villageHouseholds(tenantId: string, villageId: string): Promise<StoredHousehold[]> {
  const all: StoredHousehold[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryVillageHouseholds(tenantId, villageId, { limit: HOUSEHOLD_PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.filter((h) => h.status === 'active');
}

const visitItem = (visit: StoredVisit, n: number, timeZone: string): SpotCheckItem => ({
  itemId: `v${n}`,
  kind: 'visit',
  refId: visit.id,
  villageId: visit.villageId,
  villageName: visit.villageName,
  label: `${zonedDate(visit.checkedInAt, timeZone)} 驻村走访 ${visit.householdsVisited} 户`,
});

/** The address as the register shows it, and the head by surname only; never the phone. */
const householdItem = (household: StoredHousehold, n: number): SpotCheckItem => ({
  itemId: `h${n}`,
  kind: 'household',
  refId: household.id,
  villageId: household.villageId,
  villageName: household.villageName,
  label: `${household.address}（户主 ${maskName(household.headName)}）`,
});

/** The officer's check of the month, or undefined when he has nothing to sample. */
async function buildCheck(draw: DrawContext, officer: Officer & { workstationId: string }): Promise<SpotCheck | undefined> {
  const villages = draw.villagesByWorkstation.get(officer.workstationId) ?? [];
  const [monthVisits, households] = await Promise.all([
    allVisits(draw.tenantId, { by: 'officer', officerId: officer.id }, checkInRange(draw.range.start, draw.range.end - 1)),
    Promise.all(villages.map((v) => villageHouseholds(draw.tenantId, v.id))).then((lists) => lists.flat()),
  ]);
  if (monthVisits.length === 0 && households.length === 0) return undefined;

  const seed = `${draw.tenantId}:${draw.month}:${officer.id}:${randomBytes(8).toString('hex')}`;
  const items = [
    ...drawSample(monthVisits, draw.rules.visits, `${seed}:visits`).map((v, i) => visitItem(v, i + 1, draw.timeZone)),
    ...drawSample(households, draw.rules.households, `${seed}:households`).map((h, i) => householdItem(h, i + 1)),
  ];
  if (items.length === 0) return undefined;
  return {
    id: spotCheckId(draw.month, officer.id),
    tenantId: draw.tenantId,
    month: draw.month,
    officerId: officer.id,
    officerName: officer.name,
    workstationId: officer.workstationId,
    seed,
    candidates: { visits: monthVisits.length, households: households.length },
    items,
    ...tally(items),
    drawnAt: draw.at,
    version: 1,
    updatedAt: draw.at,
    updatedBy: draw.actor,
  };
}

type DrawOutcome = { check: SpotCheck; written: boolean } | undefined;

/** Writes the check unless the officer's check of the month exists; then the stored one wins. */
async function writeCheck(check: SpotCheck): Promise<DrawOutcome> {
  const exists = new AppError('CONFLICT', 'spot check already stored');
  try {
    await runTransaction([putNewSpotCheckOp(check, exists)]);
    return { check, written: true };
  } catch (error) {
    if (error === exists || (error instanceof AppError && error.code === 'CONFLICT')) {
      const stored = await getSpotCheckRecord(check.tenantId, check.id);
      if (stored) return { check: stored, written: false };
    }
    throw error;
  }
}

/** "月抽查待回访" to the program office, once per county and month (deterministic id). */
function readyNotification(tenantId: string, month: string, checks: readonly SpotCheck[], at: string): NotificationRecord {
  const items = checks.reduce((sum, c) => sum + c.items.length, 0);
  return {
    tenantId,
    id: notificationId('spot_check_ready', month),
    reason: 'spot_check_ready',
    subject: { type: 'spot_check', id: month },
    title: `月抽查 ${assessmentPeriodLabel(month)}`,
    message: `${assessmentPeriodLabel(month)}包村民警月抽查已抽取：${checks.length} 名民警，共 ${items} 项走访和住户待回访核实。`,
    audience: { kind: 'role', key: 'ROLE#program_office', roles: ['program_office'] },
    createdAt: at,
  };
}

async function notifyReady(tenantId: string, month: string, checks: readonly SpotCheck[], at: string): Promise<void> {
  const notified = new AppError('CONFLICT', 'notification already in the outbox');
  try {
    await runTransaction([putNotificationOp(readyNotification(tenantId, month, checks, at), notified)]);
  } catch (error) {
    // Already in the outbox (an earlier or a concurrent draw of the month): told once is enough.
    if (error !== notified && !(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
}

interface DrawCounts {
  month: string;
  drawn: number;
  existing: number;
  /** Active contact officers with a workstation (each drawn, kept, or without anything to sample). */
  candidates: number;
  checks: SpotCheck[];
}

/** The month's draw for every active contact officer; checks already stored are kept as they are. */
async function drawMonth(ctx: TenantScopedContext, month: string, timeZone: string, at: string, actor: string): Promise<DrawCounts> {
  const tenantId = ctx.tenantId;
  const [officers, villages, stored, rules] = await Promise.all([
    listAllRecords<Officer>(ctx, 'officer'),
    listAllRecords<Village>(ctx, 'village'),
    spotChecksOfMonth(tenantId, month),
    spotCheckRules(tenantId),
  ]);
  const contacts = officers.filter((o): o is Officer & { workstationId: string } => o.role === 'contact_officer' && o.status === 'active' && typeof o.workstationId === 'string');
  const villagesByWorkstation = new Map<string, Village[]>();
  for (const v of villages) {
    if (v.status !== 'active') continue;
    villagesByWorkstation.set(v.workstationId, [...(villagesByWorkstation.get(v.workstationId) ?? []), v]);
  }
  const storedIds = new Set(stored.map((c) => c.id));
  const draw: DrawContext = { tenantId, month, timeZone, range: assessmentPeriodRange(month, timeZone), rules, villagesByWorkstation, at, actor };

  const outcomes = await mapLimited(
    contacts.filter((o) => !storedIds.has(spotCheckId(month, o.id))),
    DRAW_CONCURRENCY,
    async (officer): Promise<DrawOutcome> => {
      const check = await buildCheck(draw, officer);
      return check ? writeCheck(check) : undefined;
    },
  );
  const written = outcomes.filter((o): o is NonNullable<DrawOutcome> => o !== undefined);
  const checks = [...stored, ...written.map((o) => o.check)].sort(byOfficerName);
  const drawn = written.filter((o) => o.written).length;
  // Also when a run that wrote checks stopped before its notification: the id makes it once only.
  if (checks.length > 0) await notifyReady(tenantId, month, checks, at);
  return { month, drawn, existing: checks.length - drawn, candidates: contacts.length, checks };
}

/** POST /assessment/spot-checks/draw: a finished month's draw now (the job does it on the 1st). */
export async function drawSpotChecks(ctxIn: TenantContext, input: SpotCheckDrawInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<{ month: string; drawn: number; existing: number; checks: SpotCheck[] }> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const { timeZone } = await countySetting(ctx.tenantId);
  if (!periodEnded(input.month, at, timeZone)) throw invalidField('month', `${input.month} 尚未结束，只能抽查已结束的月份 / only a finished month can be drawn`);
  const { month, drawn, existing, checks } = await drawMonth(ctx, input.month, timeZone, at, ctx.username);
  return { month, drawn, existing, checks };
}

/** Job spot-check-draw: the month before the one holding `at`, in the county's zone. */
export async function drawSpotChecksForTenant(tenantId: string, at: string): Promise<{ month: string; drawn: number; existing: number; candidates: number }> {
  const { timeZone } = await countySetting(tenantId);
  const ctx: TenantScopedContext = { ...systemContext(tenantId), username: SPOT_CHECK_ACTOR.username, name: SPOT_CHECK_ACTOR.name };
  const { month, drawn, existing, candidates } = await drawMonth(ctx, previousMonth(at, timeZone), timeZone, at, SPOT_CHECK_ACTOR.username);
  return { month, drawn, existing, candidates };
}
