import type { Matter, Report, ReportAction, ReportActionAssignInput, Role } from '@beatlink/shared';
import { getReportRecord, putReportChangeOp } from '../../data/reports';
import { runTransaction } from '../../data/repository';
import { AppError, conflict, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import type { TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { assignedIntakeOps } from '../matters/assigned-intake';
import { toMatterView } from '../matters/matter-access';
import { userActor } from '../matters/matter-events';
import { loadVisibleReport } from './report-access';

/**
 * POST /analysis/reports/{id}/actions/{actionId}/assign (研判结论交办): an action item tied to a
 * village becomes a matter taken in by the office, triaged and assigned; the action records the
 * matter. The matter, its timeline and the report change are one transaction conditional on the
 * report's version, so an action is assigned once: a second call (or a concurrent one) is a 409
 * naming the matter it already became.
 */
export interface AssignedAction {
  action: ReportAction;
  matter: Matter;
}

const alreadyAssigned = (action: ReportAction) =>
  conflict('actionId', `该研判事项已交办，事项编号 ${action.assignedMatterId} / the action was already assigned as matter ${action.assignedMatterId}`);

/** The caller's role the timeline records: the office's or the leader's (both may assign from a report). */
const actingRole = (roles: readonly Role[]): Role => roles.find((r) => r === 'program_office') ?? roles.find((r) => r === 'bureau_leader') ?? roles[0]!;

const TITLE_MAX = 60;

export async function assignReportAction(ctxIn: TenantContext, reportId: string, actionId: string, input: ReportActionAssignInput, deps: ServiceDeps = defaultDeps()): Promise<AssignedAction> {
  const { ctx, report } = await loadVisibleReport(ctxIn, reportId);
  const action = report.actions.find((a) => a.id === actionId);
  if (!action) throw notFound('actionId', '研判事项不存在 / action not found');
  if (action.assignedMatterId) throw alreadyAssigned(action);
  if (!action.villageId) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '该研判事项不涉及具体村（社区），不能交办为事项 / the action concerns no village and cannot become a matter', {
      details: [{ path: 'actionId', message: `${actionId} 不涉及具体村（社区） / ${actionId} concerns no village` }],
    });
  }

  const at = isoNow(deps.clock);
  const actor = await userActor(ctx, actingRole(ctx.roles), deps);
  const { matter, ops } = await assignedIntakeOps(
    ctx,
    {
      kind: input.kind,
      categoryId: input.categoryId,
      severity: input.severity,
      policeBusiness: input.policeBusiness,
      villageId: input.villageId ?? action.villageId,
      title: input.title || action.title.slice(0, TITLE_MAX),
      description: input.description || `${action.title}。${action.detail}（来源：${report.period}${report.scope.name}研判报告 ${action.id}）`,
      assignee: input.assignee,
      ...(input.acceptBy ? { acceptBy: input.acceptBy } : {}),
      ...(input.feedbackBy ? { feedbackBy: input.feedbackBy } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
    actor,
    at,
  );

  const assigned: ReportAction = { ...action, assignedMatterId: matter.id, assignedAt: at, assignedBy: ctx.username };
  const updated: Report = { ...report, actions: report.actions.map((a) => (a.id === actionId ? assigned : a)), version: report.version + 1 };
  // Lost the race: say which matter the action became, if that is what happened.
  const onReportChanged = async () => {
    const fresh = (await getReportRecord(ctx.tenantId, reportId))?.actions.find((a) => a.id === actionId);
    return fresh?.assignedMatterId ? alreadyAssigned(fresh) : versionConflict();
  };
  await runTransaction([putReportChangeOp(updated, report.version, onReportChanged), ...ops]);
  return { action: assigned, matter: toMatterView(matter) };
}
