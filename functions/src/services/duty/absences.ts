import { DEFAULT_TENANT_CONFIG, DUTY_ROLES, newId, zonedDate, isoWeekMonday, addDays, type DutyRole, type Page, type Role } from '@beatlink/shared';
import {
  absenceDate,
  makeUpForAbsence,
  type Absence,
  type AbsenceCreateInput,
  type AbsenceDecisionInput,
  type AbsenceListQuery,
} from '@beatlink/shared/duty/absences';
import { claimAbsenceSlotOp, getAbsenceRecord, putAbsenceOp, queryAbsences, releaseAbsenceSlotOp, type AbsenceIndex, type StoredAbsence } from '../../data/absences';
import { all, type Condition } from '../../data/conditions';
import { getRecord } from '../../data/directory-records';
import { getConfigRecord } from '../../data/tenant-config';
import { conflict, forbidden, invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { auditActor, commitAudited } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { displayNameOf } from '../identity/display-name';

/**
 * 报备: a community or contact officer reports beforehand that he cannot go to his villages on a
 * day (a contact officer: his weekly session); the program office approves or rejects it while it
 * is pending. An approval creates the make-up obligation (补课) in the same write: a contact
 * officer owes the session's minimum hours, a community officer one day, due `makeUpDueDays`
 * after the date. One pending or approved report per officer and date.
 */
const absenceNotFound = () => notFound('id', '报备记录不存在 / absence not found');

const dutyRoleOf = (roles: readonly Role[]): DutyRole | undefined => DUTY_ROLES.find((r) => roles.includes(r));

/** Own absences for officers; the station's for a chief; the county's for the offices. */
function maySee(ctx: TenantScopedContext, absence: Pick<StoredAbsence, 'officerId' | 'stationId'>): boolean {
  if (ctx.scope === 'tenant') return true;
  if (ctx.scope === 'station') return absence.stationId === ctx.unitId || absence.officerId === ctx.officerId;
  return absence.officerId === ctx.officerId;
}

async function loadVisible(ctxIn: TenantContext, id: string): Promise<{ ctx: TenantScopedContext; absence: StoredAbsence }> {
  const ctx = requireTenant(ctxIn);
  const absence = await getAbsenceRecord(ctx.tenantId, id);
  if (!absence || !maySee(ctx, absence)) throw absenceNotFound();
  return { ctx, absence };
}

const toView = ({ tenantId: _t, ...absence }: StoredAbsence): Absence => absence;

async function rulesOf(tenantId: string) {
  const config = await getConfigRecord(tenantId);
  return { timeZone: config?.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone, rules: config?.duty ?? DEFAULT_TENANT_CONFIG.duty };
}

/** The station of the officer's office (community) or workstation (contact), when known. */
async function stationOf(ctx: TenantScopedContext, role: DutyRole): Promise<string | undefined> {
  if (!ctx.unitId) return undefined;
  const unit = await getRecord<{ stationId?: string }>(ctx, role === 'community_officer' ? 'office' : 'workstation', ctx.unitId);
  return unit?.stationId;
}

export async function fileAbsence(ctxIn: TenantContext, input: AbsenceCreateInput, deps: ServiceDeps = defaultDeps()): Promise<Absence> {
  const ctx = requireTenant(ctxIn);
  const role = dutyRoleOf(ctx.roles);
  if (!ctx.officerId || !role) throw forbidden('只有社区民警和包村民警可以报备 / only community and contact officers file absences');
  const now = isoNow(deps.clock);
  const [{ timeZone, rules }, name, stationId] = await Promise.all([rulesOf(ctx.tenantId), displayNameOf(ctx, deps.identity), stationOf(ctx, role)]);
  const resolved = absenceDate(role, input.week, input.date, rules);
  if ('error' in resolved) throw invalidField('date', resolved.error);
  // Beforehand: the day must not have passed in the county's time zone.
  if (resolved.date < zonedDate(now, timeZone)) throw invalidField('date', '须在缺勤之前报备，日期已过 / must be filed beforehand: the date has passed');
  const absence: StoredAbsence = {
    tenantId: ctx.tenantId,
    id: newId('absence', Date.parse(now)),
    officerId: ctx.officerId,
    officerName: name,
    role,
    ...(stationId ? { stationId } : {}),
    week: input.week,
    date: resolved.date,
    reason: input.reason,
    status: 'pending',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.username,
    updatedBy: ctx.username,
  };
  // The audit entry names the week and date, not the reason (free text).
  const entry = { actor: auditActor(ctx), action: 'create' as const, record: { kind: 'absence', id: absence.id }, summary: { week: absence.week, date: absence.date, status: absence.status } };
  await commitAudited(ctx.tenantId, [putAbsenceOp(absence, undefined), claimAbsenceSlotOp(absence, now)], [entry], deps.clock);
  return toView(absence);
}

export async function decideAbsence(ctxIn: TenantContext, id: string, input: AbsenceDecisionInput, deps: ServiceDeps = defaultDeps()): Promise<Absence> {
  const { ctx, absence } = await loadVisible(ctxIn, id);
  if (ctx.scope !== 'tenant') throw forbidden('只有县局勤务管理部门可以审批报备 / only the program office decides absences');
  if (absence.version !== input.version) throw versionConflict();
  if (absence.status !== 'pending') throw conflict('id', '该报备已审批 / the absence has been decided already');
  if (input.decision === 'reject' && !input.note) throw invalidField('note', '驳回须说明理由 / a rejection needs a note');
  const now = isoNow(deps.clock);
  const [{ rules }, name] = await Promise.all([rulesOf(ctx.tenantId), displayNameOf(ctx, deps.identity)]);
  const next: StoredAbsence = {
    ...absence,
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: ctx.username,
    decidedByName: name,
    decidedAt: now,
    ...(input.note ? { note: input.note } : {}),
    ...(input.decision === 'approve' ? { makeUp: makeUpForAbsence(absence.role, absence.date, rules) } : {}),
    version: absence.version + 1,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  const entry = {
    actor: auditActor(ctx),
    action: input.decision,
    record: { kind: 'absence', id: absence.id },
    summary: { status: next.status, ...(next.makeUp ? { makeUpUnit: next.makeUp.unit, makeUpAmount: next.makeUp.amount, makeUpDueDate: next.makeUp.dueDate } : {}) },
  };
  // A rejected report frees its date for another report.
  await commitAudited(ctx.tenantId, [putAbsenceOp(next, absence.version), ...(input.decision === 'reject' ? [releaseAbsenceSlotOp(absence)] : [])], [entry], deps.clock);
  return toView(next);
}

export async function getAbsence(ctx: TenantContext, id: string): Promise<Absence> {
  return toView((await loadVisible(ctx, id)).absence);
}

/**
 * An officer's absences (his own unless he may see others'), or, for the offices and chiefs, the
 * county's (a chief: his station's), optionally of one status and one ISO week; newest first.
 */
export async function listAbsences(ctxIn: TenantContext, query: AbsenceListQuery): Promise<Page<Absence>> {
  const ctx = requireTenant(ctxIn);
  const officerId = query.officerId ?? (ctx.scope === 'own' ? ctx.officerId : undefined);
  if (ctx.scope === 'own' && (!officerId || officerId !== ctx.officerId)) return { items: [] };
  const range = query.week ? { between: [isoWeekMonday(query.week), `${addDays(isoWeekMonday(query.week), 6)}~`] as [string, string] } : undefined;
  const index: AbsenceIndex = officerId ? { by: 'officer', officerId } : query.status ? { by: 'status', status: query.status } : { by: 'tenant' };
  const filter: Condition | undefined = all(
    officerId && query.status ? { attr: 'status', eq: query.status } : undefined,
    index.by === 'tenant' && query.week ? { attr: 'week', eq: query.week } : undefined,
    ctx.scope === 'station' && !officerId && ctx.unitId ? { attr: 'stationId', eq: ctx.unitId } : undefined,
  );
  const page = await queryAbsences(ctx.tenantId, index, index.by === 'tenant' ? undefined : range, filter, { limit: query.limit, cursor: query.cursor });
  return { ...page, items: page.items.filter((a) => maySee(ctx, a)).map(toView) };
}
