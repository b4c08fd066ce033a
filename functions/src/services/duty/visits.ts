import {
  DEFAULT_TENANT_CONFIG,
  checkInFlag,
  isoWeekBounds,
  newId,
  type CheckInInput,
  type CheckOutInput,
  type Page,
  type Village,
  type Visit,
  type VisitListQuery,
} from '@beatlink/shared';
import { getRecord } from '../../data/directory-records';
import { getConfigRecord } from '../../data/tenant-config';
import type { SortKeyRange } from '../../data/repository';
import { checkInRange, getVisitRecord, putVisitOp, queryVisits, type StoredVisit, type VisitIndex } from '../../data/visits';
import { conflict, forbidden, invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { auditActor, changedFieldNames, commitAudited, type AuditEntryInput, type AuditSummary } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { displayNameOf } from '../identity/display-name';

/**
 * 入村走访: check in at a village from the phone, check out when leaving. The phone's own times
 * are kept (a visit recorded offline is sent later with its Idempotency-Key and stored once),
 * within limits: not in the future (beyond clock skew), not older than a week.
 */
const SKEW_MS = 5 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3_600_000;

const visitNotFound = () => notFound('id', '走访记录不存在 / visit not found');

function checkTime(at: string, now: string, path: string): void {
  const ms = Date.parse(at);
  if (ms > Date.parse(now) + SKEW_MS) throw invalidField(path, '时间不能晚于当前时间 / must not be in the future');
  if (ms < Date.parse(now) - MAX_AGE_MS) throw invalidField(path, '只能补录 7 天内的走访 / visits older than 7 days cannot be recorded');
}

/** Own visits for officers; the station's for a chief; the county's for the offices. */
function maySee(ctx: TenantScopedContext, visit: Pick<StoredVisit, 'officerId' | 'stationId'>): boolean {
  if (ctx.scope === 'tenant') return true;
  if (ctx.scope === 'station') return visit.stationId === ctx.unitId || visit.officerId === ctx.officerId;
  return visit.officerId === ctx.officerId;
}

async function loadVisible(ctxIn: TenantContext, id: string): Promise<{ ctx: TenantScopedContext; visit: StoredVisit }> {
  const ctx = requireTenant(ctxIn);
  const visit = await getVisitRecord(ctx.tenantId, id);
  if (!visit || !maySee(ctx, visit)) throw visitNotFound();
  return { ctx, visit };
}

const toView = ({ tenantId: _t, ...visit }: StoredVisit): Visit => visit;

/** The audit entry of a visit's change: ids, flags and counts only, never the notes. */
function visitAudit(ctx: TenantScopedContext, before: StoredVisit | undefined, after: StoredVisit): AuditEntryInput {
  const summary: AuditSummary = before
    ? { changed: changedFieldNames({ ...before }, { ...after }, ['version', 'updatedAt', 'updatedBy']), status: after.status, minutes: after.minutes }
    : { villageId: after.villageId, makeUp: after.makeUp, flagged: after.checkInFlag.flagged };
  return { actor: auditActor(ctx), action: before ? 'update' : 'create', record: { kind: 'visit', id: after.id }, summary };
}

export async function checkIn(ctxIn: TenantContext, input: CheckInInput, deps: ServiceDeps = defaultDeps()): Promise<Visit> {
  const ctx = requireTenant(ctxIn);
  if (!ctx.officerId) throw forbidden('只有民警可以登记走访 / only officers record visits');
  const now = isoNow(deps.clock);
  checkTime(input.at, now, 'at');
  const [village, config, name] = await Promise.all([getRecord<Village>(ctx, 'village', input.villageId), getConfigRecord(ctx.tenantId), displayNameOf(ctx, deps.identity)]);
  if (!village || village.status !== 'active') throw notFound('villageId', '村（社区）不存在或已停用 / village not found or inactive');
  const rules = config?.duty ?? DEFAULT_TENANT_CONFIG.duty;
  // Far from the village is flagged for the office to review, never refused.
  const flag = input.position
    ? checkInFlag({ villagePosition: village.location, position: input.position, accuracyMetres: input.position.accuracy, maxDistanceMetres: rules.checkInMaxDistanceMetres })
    : { flagged: true, reason: 'no_position' as const };
  const visit: StoredVisit = {
    tenantId: ctx.tenantId,
    id: newId('visit', Date.parse(input.at)),
    officerId: ctx.officerId,
    officerName: name,
    role: ctx.roles[0]!,
    villageId: village.id,
    villageName: village.name,
    officeId: village.officeId,
    workstationId: village.workstationId,
    stationId: village.stationId,
    checkedInAt: input.at,
    ...(input.position ? { checkInPosition: input.position } : {}),
    checkInFlag: flag,
    makeUp: input.makeUp ?? false,
    householdsVisited: 0,
    peopleTalkedTo: 0,
    ...(input.note ? { notes: input.note } : {}),
    matterIds: [],
    minutes: 0,
    status: 'open',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.username,
    updatedBy: ctx.username,
  };
  await commitAudited(ctx.tenantId, [putVisitOp(visit, undefined)], [visitAudit(ctx, undefined, visit)], deps.clock);
  return toView(visit);
}

export async function checkOut(ctxIn: TenantContext, id: string, input: CheckOutInput, deps: ServiceDeps = defaultDeps()): Promise<Visit> {
  const { ctx, visit } = await loadVisible(ctxIn, id);
  // Only the officer himself checks out of his visit.
  if (visit.officerId !== ctx.officerId) throw visitNotFound();
  if (visit.version !== input.version) throw versionConflict();
  if (visit.status === 'closed') throw conflict('id', '该走访已签退 / the visit is already checked out');
  const now = isoNow(deps.clock);
  checkTime(input.at, now, 'at');
  if (Date.parse(input.at) <= Date.parse(visit.checkedInAt)) throw invalidField('at', '签退时间须晚于签到时间 / must be after the check-in');
  const next: StoredVisit = {
    ...visit,
    checkedOutAt: input.at,
    ...(input.position ? { checkOutPosition: input.position } : {}),
    householdsVisited: input.householdsVisited,
    peopleTalkedTo: input.peopleTalkedTo,
    ...(input.notes ? { notes: input.notes } : {}),
    matterIds: input.matterIds,
    minutes: Math.round((Date.parse(input.at) - Date.parse(visit.checkedInAt)) / 60_000),
    status: 'closed',
    version: visit.version + 1,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  await commitAudited(ctx.tenantId, [putVisitOp(next, visit.version)], [visitAudit(ctx, visit, next)], deps.clock);
  return toView(next);
}

export async function getVisit(ctx: TenantContext, id: string): Promise<Visit> {
  return toView((await loadVisible(ctx, id)).visit);
}

/** An officer's visits (his own unless he may see others'), or a village's, optionally one ISO week. */
export async function listVisits(ctxIn: TenantContext, query: VisitListQuery): Promise<Page<Visit>> {
  const ctx = requireTenant(ctxIn);
  const officerId = query.officerId ?? (query.villageId ? undefined : ctx.officerId);
  if (officerId && officerId !== ctx.officerId && ctx.scope === 'own') return { items: [] };
  const index: VisitIndex | undefined = officerId ? { by: 'officer', officerId } : query.villageId ? { by: 'village', villageId: query.villageId } : undefined;
  if (!index) return { items: [] };
  let range: SortKeyRange | undefined;
  if (query.week) {
    const config = await getConfigRecord(ctx.tenantId);
    const { start, end } = isoWeekBounds(query.week, config?.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone);
    range = checkInRange(start, end);
  }
  const page = await queryVisits(ctx.tenantId, index, range, { limit: query.limit, cursor: query.cursor });
  const items = page.items.filter((v) => maySee(ctx, v) && (!query.villageId || v.villageId === query.villageId)).map(toView);
  return { ...page, items };
}
