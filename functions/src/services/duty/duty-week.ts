import { isoWeekOf, type DutyWeek, type DutyWeekQuery } from '@beatlink/shared';
import { queryVisits } from '../../data/visits';
import { invalidField, notFound } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { absenceMakeUp, dutySetting } from './compliance';
import { dutyOfficer } from './duty-officers';
import { evaluateOfficerWeekFromTable } from './officer-week';

/**
 * GET /duty/week ("我的本周"): an officer's week evaluated live — right after he checks out, not
 * only after the weekly job — from the same reads and rules as the job. Officers see their own
 * week; a station chief his station's officers; the county's offices everyone.
 */
const officerNotFound = () => notFound('officerId', '民警不存在 / officer not found');

export async function getDutyWeek(ctxIn: TenantContext, query: DutyWeekQuery, deps: ServiceDeps = defaultDeps()): Promise<DutyWeek> {
  const ctx = requireTenant(ctxIn);
  const officerId = query.officerId ?? ctx.officerId;
  if (!officerId) throw invalidField('officerId', '请指定民警 / officerId is required');
  if (ctx.scope === 'own' && officerId !== ctx.officerId) throw officerNotFound();
  const now = isoNow(deps.clock);
  const [found, setting] = await Promise.all([dutyOfficer(ctx, officerId), dutySetting(ctx.tenantId, now)]);
  if (!found) throw officerNotFound();
  if (ctx.scope === 'station' && found.officer.stationId !== ctx.unitId && officerId !== ctx.officerId) throw officerNotFound();
  const duty = found.duty;
  if (!duty) throw invalidField('officerId', '该民警没有驻村勤务要求（仅社区民警、包村民警） / this officer has no village duty');

  const week = query.week ?? isoWeekOf(now, setting.timeZone);
  const [evaluation, latest] = await Promise.all([
    evaluateOfficerWeekFromTable(setting, duty, week),
    // An officer has at most one visit open: it is among his latest.
    queryVisits(ctx.tenantId, { by: 'officer', officerId }, undefined, { limit: 3 }),
  ]);
  const openVisit = latest.items.find((v) => v.status === 'open');
  const view = <T extends { tenantId: string }>({ tenantId: _t, ...rest }: T) => rest;
  return {
    officerId,
    officerName: duty.name,
    role: duty.role,
    week,
    timeZone: setting.timeZone,
    evaluatedAt: now,
    villages: duty.villages,
    record: evaluation.record,
    visits: evaluation.visits.map(view),
    // An approved absence shows its make-up as the live evaluation sees it (stored: as of the last job).
    absences: evaluation.absences.map((a) => {
      const makeUp = a.status === 'approved' ? absenceMakeUp(a, evaluation.record) : undefined;
      return view(makeUp ? { ...a, makeUp } : a);
    }),
    makeUps: evaluation.makeUps,
    ...(openVisit ? { openVisit: view(openVisit) } : {}),
  };
}
