import {
  MATTER_OUTCOME_LABELS,
  type MatterStatus,
  type PublicMatterUpdateInput,
  type PublicMatterView,
  type TransitionBody,
} from '@beatlink/shared';
import { getMatterRecord, listMatterEvents } from '../../data/matters';
import { AppError, forbidden, invalidField } from '../../lib/app-error';
import { agencyContextOf, integratorUsername, type Integrator } from '../../lib/integrator';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { loadVisibleStoredMatter, matterNotFound } from './matter-access';
import { loadPublicMatter } from './public-view';
import { transitionMatter } from './transitions';

/**
 * An agency's case system reports on a matter assigned to its agency (REST v1 updates, Open311
 * servicerequestupdates). It acts through the same state machine as the agency's staff in the
 * portal: the assignee check, the version and the timeline are theirs.
 */
type Step = 'accept' | 'feedback' | 'return';

/** A return's reason is at most this long (the transition's own limit). */
const MAX_REASON = 500;

/**
 * The transitions an update means from the matter's status. Accepting an accepted matter changes
 * nothing; feedback on a matter still only assigned accepts it first (two normal transitions).
 * Anything else is left to the state machine to refuse (422).
 */
export function stepsFor(action: PublicMatterUpdateInput['action'], status: MatterStatus): Step[] {
  if (action === 'accept') return status === 'accepted' ? [] : ['accept'];
  if (action === 'feedback') return status === 'assigned' ? ['accept', 'feedback'] : ['feedback'];
  return ['return'];
}

function bodyFor(step: Step, update: PublicMatterUpdateInput, version: number): TransitionBody<Step> {
  if (step === 'accept') return { version, ...(update.action === 'accept' && update.note ? { note: update.note } : {}) };
  if (step === 'feedback') {
    const outcome = update.outcome ?? 'resolved';
    return { version, outcome, note: update.note || `${MATTER_OUTCOME_LABELS[outcome].zh}（接口回传 / reported by the agency's system）` };
  }
  return { version, reason: update.note ?? '' };
}

/** One transition on the matter's current version; a concurrent change is re-read and tried once more. */
async function transitionCurrent(ctx: TenantScopedContext, step: Step, matterId: string, update: PublicMatterUpdateInput, deps: ServiceDeps): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const matter = await getMatterRecord(ctx.tenantId, matterId);
    if (!matter) throw matterNotFound();
    try {
      await transitionMatter(ctx, step, matterId, bodyFor(step, update, matter.version), deps);
      return;
    } catch (error) {
      if (attempt > 0 || !(error instanceof AppError) || error.code !== 'VERSION_CONFLICT') throw error;
    }
  }
}

export interface PublicMatterUpdated {
  /** The timeline entry that recorded the update (the last one when it took two steps). */
  updateId: string;
  /** The agency system's own id of the update, echoed. */
  externalId?: string;
  matter: PublicMatterView;
}

/**
 * Applies an agency's update. The key must act for an agency (403 otherwise); a matter the agency
 * does not hold (or another county's) is 404, a step the state machine refuses 422.
 */
export async function applyIntegratorUpdate(
  integrator: Integrator,
  matterId: string,
  update: PublicMatterUpdateInput,
  options: { noteField?: string; deps?: ServiceDeps } = {},
): Promise<PublicMatterUpdated> {
  const { agencyId } = integrator;
  if (!agencyId) throw forbidden('该接口密钥未绑定成员单位，不能回传办理结果 / the key acts for no agency');
  if (update.action === 'return' && (update.note ?? '').length > MAX_REASON) {
    throw invalidField(options.noteField ?? 'note', `退回理由最多 ${MAX_REASON} 字 / the reason is at most ${MAX_REASON} characters`);
  }
  const deps = options.deps ?? defaultDeps();
  const ctx = agencyContextOf({ ...integrator, agencyId });
  const { matter } = await loadVisibleStoredMatter(ctx, matterId);
  for (const step of stepsFor(update.action, matter.status)) await transitionCurrent(ctx, step, matterId, update, deps);

  const [loaded, events] = await Promise.all([loadPublicMatter(ctx.tenantId, matterId), listMatterEvents(ctx.tenantId, matterId)]);
  if (!loaded) throw matterNotFound();
  const username = integratorUsername(integrator);
  const latest = [...events].reverse();
  const recorded = latest.find((e) => e.by === username) ?? latest[0];
  return { updateId: recorded?.id ?? matterId, ...(update.externalId ? { externalId: update.externalId } : {}), matter: loaded.view };
}
