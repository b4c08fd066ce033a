import {
  newId,
  type Page,
  type SensitivePeriodCancelInput,
  type SensitivePeriodCreateInput,
  type SensitivePeriodListQuery,
  type SensitivePeriodUpdateInput,
} from '@beatlink/shared';
import { scopeReportPeriods } from '../../data/reports';
import { runTransaction } from '../../data/repository';
import {
  getSensitivePeriodRecord,
  putSensitivePeriodOp,
  querySensitivePeriods,
  querySensitivePeriodsEndingFrom,
  type StoredSensitivePeriod,
} from '../../data/sensitive-periods';
import { AppError, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';

/**
 * Sensitive periods (特殊敏感时期、节点): the program office declares a date range, and every day
 * in it gets a daily dispatch (日调度) the next morning. Versioned like every record (a stale
 * version is a 409); cancelling stops future dispatches and keeps those produced.
 */
export type SensitivePeriodView = Omit<StoredSensitivePeriod, 'tenantId'>;
export type SensitivePeriodDetail = SensitivePeriodView & { dispatches: Array<{ id: string; period: string }> };

const periodNotFound = () => notFound('id', '敏感时期不存在 / sensitive period not found');
const view = ({ tenantId: _t, ...rest }: StoredSensitivePeriod): SensitivePeriodView => rest;

async function loadPeriod(ctxIn: TenantContext, id: string) {
  const ctx = requireTenant(ctxIn);
  const period = await getSensitivePeriodRecord(ctx.tenantId, id);
  if (!period) throw periodNotFound();
  return { ctx, period };
}

export async function createSensitivePeriod(ctxIn: TenantContext, input: SensitivePeriodCreateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<SensitivePeriodView> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const period: StoredSensitivePeriod = {
    tenantId: ctx.tenantId,
    id: newId('sensitivePeriod', Date.parse(at)),
    name: input.name,
    startDate: input.startDate,
    endDate: input.endDate,
    ...(input.note ? { note: input.note } : {}),
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: ctx.username,
    updatedBy: ctx.username,
  };
  await runTransaction([putSensitivePeriodOp(period, undefined)]);
  return view(period);
}

/**
 * GET /analysis/sensitive-periods: newest declared first; with `from`, the periods ending on or
 * after that date, latest end first. `status` active (default), inactive (= cancelled) or all.
 */
export async function listSensitivePeriods(ctxIn: TenantContext, query: SensitivePeriodListQuery): Promise<Page<SensitivePeriodView>> {
  const ctx = requireTenant(ctxIn);
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const status = query.status === 'all' ? undefined : query.status === 'active' ? 'active' : 'cancelled';
  const result = query.from ? await querySensitivePeriodsEndingFrom(ctx.tenantId, query.from, status, page) : await querySensitivePeriods(ctx.tenantId, status, page);
  return { ...result, items: result.items.map(view) };
}

/** GET /analysis/sensitive-periods/{id}: with the county dispatches produced within its dates. */
export async function getSensitivePeriod(ctxIn: TenantContext, id: string): Promise<SensitivePeriodDetail> {
  const { ctx, period } = await loadPeriod(ctxIn, id);
  const dispatches = await scopeReportPeriods(ctx.tenantId, 'daily', ctx.tenantId, { between: [period.startDate, period.endDate] });
  return { ...view(period), dispatches };
}

function requireChangeable(period: StoredSensitivePeriod, version: number): void {
  if (period.version !== version) throw versionConflict();
  if (period.status === 'cancelled') throw new AppError('TRANSITION_NOT_ALLOWED', '敏感时期已取消，不能再修改 / the sensitive period was cancelled');
}

export async function updateSensitivePeriod(ctxIn: TenantContext, id: string, input: SensitivePeriodUpdateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<SensitivePeriodView> {
  const { ctx, period } = await loadPeriod(ctxIn, id);
  requireChangeable(period, input.version);
  const { note: _note, ...rest } = period;
  const next: StoredSensitivePeriod = {
    ...rest,
    name: input.name,
    startDate: input.startDate,
    endDate: input.endDate,
    ...(input.note ? { note: input.note } : {}),
    version: period.version + 1,
    updatedAt: isoNow(deps.clock),
    updatedBy: ctx.username,
  };
  await runTransaction([putSensitivePeriodOp(next, period.version)]);
  return view(next);
}

/** POST …/cancel: no further dispatches; those already produced stay. */
export async function cancelSensitivePeriod(ctxIn: TenantContext, id: string, input: SensitivePeriodCancelInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<SensitivePeriodView> {
  const { ctx, period } = await loadPeriod(ctxIn, id);
  requireChangeable(period, input.version);
  const next: StoredSensitivePeriod = {
    ...period,
    status: 'cancelled',
    ...(input.reason ? { cancelReason: input.reason } : {}),
    version: period.version + 1,
    updatedAt: isoNow(deps.clock),
    updatedBy: ctx.username,
  };
  await runTransaction([putSensitivePeriodOp(next, period.version)]);
  return view(next);
}
