import { mapLimited } from '../../lib/bounded-pool';
import {
  COMPLIANCE_STATUSES,
  DEFAULT_TENANT_CONFIG,
  isoWeekBounds,
  isoWeekOf,
  previousIsoWeek,
  type ComplianceBoard,
  type ComplianceEvaluation,
  type ComplianceListQuery,
  type ComplianceRecord,
  type ComplianceStatus,
} from '@beatlink/shared';
import type { AbsenceMakeUp } from '@beatlink/shared/duty/absences';
import { putAbsenceOp, type StoredAbsence } from '../../data/absences';
import { openMakeUpCompliance, putComplianceOp, weekCompliance, type StoredCompliance } from '../../data/compliance';
import type { TxOp } from '../../data/repository';
import { getConfigRecord } from '../../data/tenant-config';
import { invalidField } from '../../lib/app-error';
import { canonicalJson } from '../../lib/canonical-json';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { auditActor, commitAudited, MAX_AUDIT_ENTRIES_PER_APPEND, type AuditActor, type AuditEntryInput } from '../audit/audit-log';
import { assignedPosts, countyDutyOfficers, dutyUnits } from './duty-officers';
import { evaluateOfficerWeekFromTable, type DutyOfficer, type DutySetting } from './officer-week';

/**
 * The weekly duty evaluation (履职考核): every duty officer's finished week evaluated by the rules
 * and stored as his compliance record, the make-up state of the week's approved absences kept in
 * step. Re-running it is harmless: a record that did not change is not written again, so its
 * version and the audit log only move when something did (a visit sent late from a phone, a
 * make-up done, a make-up expired).
 */
export const DUTY_EVALUATOR: AuditActor = { username: 'system:duty-evaluator', name: '履职评估任务', roles: [] };

/** Evaluations run this many officers at a time; writes are batched (the audit head serialises them anyway). */
const CONCURRENCY = 8;

export async function dutySetting(tenantId: string, now: string): Promise<DutySetting> {
  const config = await getConfigRecord(tenantId);
  return { tenantId, rules: config?.duty ?? DEFAULT_TENANT_CONFIG.duty, timeZone: config?.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone, now, reads: { items: 0 } };
}

const emptyCounts = (): Record<ComplianceStatus, number> => Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<ComplianceStatus, number>;

/** What is compared to decide whether a record changed (not when it was evaluated, not its version). */
const substance = ({ evaluatedAt: _e, version: _v, ...rest }: StoredCompliance) => canonicalJson(rest);

interface OfficerChange {
  ops: TxOp[];
  entries: AuditEntryInput[];
}

/** The make-up an absence shows once its week is evaluated: the week's obligation, or nothing owed. */
export function absenceMakeUp(absence: Pick<StoredAbsence, 'makeUp'>, record: Pick<ComplianceRecord, 'makeUp'>): AbsenceMakeUp | undefined {
  if (!absence.makeUp) return undefined;
  const m = record.makeUp;
  return m ? { unit: m.unit, amount: m.amount, dueDate: m.dueDate, status: m.status } : { ...absence.makeUp, status: 'fulfilled' };
}

async function evaluateOne(setting: DutySetting, officer: DutyOfficer, week: string, existing: StoredCompliance | undefined, actor: AuditActor): Promise<{ record: StoredCompliance; change?: OfficerChange }> {
  const evaluation = await evaluateOfficerWeekFromTable(setting, officer, week);
  const record: StoredCompliance = {
    tenantId: setting.tenantId,
    ...evaluation.record,
    officerName: officer.name,
    ...(officer.stationId ? { stationId: officer.stationId } : {}),
    ...(officer.unitId ? { unitId: officer.unitId } : {}),
    evaluatedAt: setting.now,
    version: (existing?.version ?? 0) + 1,
  };
  if (existing && substance(existing) === substance(record)) return { record: existing };

  const ops: TxOp[] = [putComplianceOp(record, existing?.version)];
  const entries: AuditEntryInput[] = [
    {
      actor,
      action: existing ? 'update' : 'create',
      record: { kind: 'compliance', id: `${officer.id}:${week}` },
      summary: { status: record.status, ...(existing ? { previousStatus: existing.status } : {}), ...(record.makeUp ? { makeUpStatus: record.makeUp.status } : {}) },
    },
  ];
  for (const absence of evaluation.absences.filter((a) => a.status === 'approved')) {
    const makeUp = absenceMakeUp(absence, record);
    if (!makeUp || canonicalJson(makeUp) === canonicalJson(absence.makeUp)) continue;
    ops.push(putAbsenceOp({ ...absence, makeUp, version: absence.version + 1, updatedAt: setting.now, updatedBy: actor.username }, absence.version));
    entries.push({ actor, action: 'update', record: { kind: 'absence', id: absence.id }, summary: { changed: ['makeUp'], makeUpStatus: makeUp.status } });
  }
  return { record, change: { ops, entries } };
}

/** Groups changes into transactions of at most MAX_AUDIT_ENTRIES_PER_APPEND entries. */
function batches(changes: OfficerChange[]): OfficerChange[] {
  const out: OfficerChange[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && last.entries.length + c.entries.length <= MAX_AUDIT_ENTRIES_PER_APPEND) {
      last.ops.push(...c.ops);
      last.entries.push(...c.entries);
    } else {
      out.push({ ops: [...c.ops], entries: [...c.entries] });
    }
  }
  return out;
}

/**
 * Evaluates a county's week for `officers` (default: all its duty officers) and stores what
 * changed. A batch that loses a race with another evaluation is re-evaluated officer by officer.
 */
export async function evaluateCountyWeek(
  tenantId: string,
  week: string,
  now: string,
  options: { actor?: AuditActor; officerIds?: readonly string[] } = {},
): Promise<ComplianceEvaluation & { written: number }> {
  const actor = options.actor ?? DUTY_EVALUATOR;
  const setting = await dutySetting(tenantId, now);
  const ctx: TenantScopedContext = { tenantId, username: actor.username, name: actor.name, roles: [], scope: 'tenant' };
  const [all, stored] = await Promise.all([countyDutyOfficers(ctx, setting.reads), weekCompliance(tenantId, week)]);
  setting.reads.items += stored.length;
  const officers = options.officerIds ? all.filter((o) => options.officerIds!.includes(o.id)) : all;
  const existing = new Map(stored.map((c) => [c.officerId, c]));

  const results = await mapLimited(officers, CONCURRENCY, (officer) => evaluateOne(setting, officer, week, existing.get(officer.id), actor));
  const changed = results.flatMap((r, i) => (r.change ? [{ officer: officers[i]!, change: r.change }] : []));
  let written = 0;
  for (const batch of batches(changed.map((c) => c.change))) {
    try {
      await commitAudited(tenantId, batch.ops, batch.entries);
      written += batch.entries.filter((e) => e.record.kind === 'compliance').length;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'CONFLICT' && code !== 'VERSION_CONFLICT') throw error;
      // Another evaluation wrote some of these meanwhile: redo them one by one on fresh reads.
      const fresh = new Map((await weekCompliance(tenantId, week)).map((c) => [c.officerId, c]));
      for (const { officer } of changed.filter((c) => batch.ops.includes(c.change.ops[0]!))) {
        const again = await evaluateOne(setting, officer, week, fresh.get(officer.id), actor);
        if (again.change) await commitAudited(tenantId, again.change.ops, again.change.entries);
        results[officers.indexOf(officer)] = again;
        written += again.change ? 1 : 0;
      }
    }
  }
  const counts = emptyCounts();
  for (const r of results) counts[r.record.status] += 1;
  return { week, officers: officers.length, counts, itemsRead: setting.reads.items, written };
}

/** POST /duty/compliance/evaluate: a finished week, now (the job does it daily). */
export async function evaluateWeekNow(ctxIn: TenantContext, week: string, now: string): Promise<ComplianceEvaluation> {
  const ctx = requireTenant(ctxIn);
  const setting = await dutySetting(ctx.tenantId, now);
  if (isoWeekBounds(week, setting.timeZone).end >= Date.parse(now)) throw invalidField('week', `${week} 尚未结束，只能评估已结束的周 / only a finished week can be evaluated`);
  const { written: _w, ...result } = await evaluateCountyWeek(ctx.tenantId, week, now, { actor: auditActor(ctx) });
  return result;
}

const SEVERITY: Record<ComplianceStatus, number> = { violation: 0, short: 1, excused: 2, met: 3 };

/** GET /duty/compliance: the week's stored records the caller may see, worst first, with counts. */
export async function complianceBoard(ctxIn: TenantContext, query: ComplianceListQuery): Promise<ComplianceBoard> {
  const ctx = requireTenant(ctxIn);
  const [stored, units] = await Promise.all([weekCompliance(ctx.tenantId, query.week), ctx.scope === 'own' ? undefined : dutyUnits(ctx)]);
  const visible = (c: { officerId: string; stationId?: string }) =>
    (ctx.scope === 'tenant' || (ctx.scope === 'station' && c.stationId === ctx.unitId) || c.officerId === ctx.officerId) && (!query.stationId || c.stationId === query.stationId);
  const seen = stored.filter(visible);
  const counts = emptyCounts();
  for (const c of seen) counts[c.status] += 1;
  const evaluated = new Set(seen.map((c) => c.officerId));
  const posts = units ? assignedPosts(units).filter(visible) : [];
  const items = seen
    .filter((c) => !query.status || c.status === query.status)
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.officerName.localeCompare(b.officerName, 'zh-CN'))
    .map(({ tenantId: _t, ...entry }) => entry);
  return { week: query.week, counts, notEvaluated: new Set(posts.map((p) => p.officerId).filter((id) => !evaluated.has(id))).size, items };
}

export interface DutyRunCounts {
  week: string;
  officers: number;
  counts: Record<ComplianceStatus, number>;
  written: number;
  /** Earlier officer-weeks re-checked because their make-up was still open. */
  rechecked: number;
  itemsRead: number;
}

/**
 * The daily run for one county (job evaluate-duty): last week for every duty officer (again each
 * day, so visits sent late from a phone — up to a week — still count), then the earlier weeks
 * whose make-up was still open (made up since, or expired: the week becomes a violation).
 */
export async function evaluateDutyForTenant(tenantId: string, at: string): Promise<DutyRunCounts> {
  const { timeZone } = await dutySetting(tenantId, at);
  const week = previousIsoWeek(isoWeekOf(at, timeZone));
  const last = await evaluateCountyWeek(tenantId, week, at);
  const open = (await openMakeUpCompliance(tenantId)).filter((c) => c.week < week);
  const byWeek = new Map<string, string[]>();
  for (const c of open) byWeek.set(c.week, [...(byWeek.get(c.week) ?? []), c.officerId]);
  let written = last.written;
  let itemsRead = last.itemsRead + open.length;
  for (const [earlier, officerIds] of [...byWeek].sort((a, b) => a[0].localeCompare(b[0]))) {
    const again = await evaluateCountyWeek(tenantId, earlier, at, { officerIds });
    written += again.written;
    itemsRead += again.itemsRead;
  }
  return { week, officers: last.officers, counts: last.counts, written, rechecked: open.length, itemsRead };
}
