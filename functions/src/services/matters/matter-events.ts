import { newId, type MatterActor, type MatterEvent, type MatterEventType, type MatterStatus, type Role, type TransitionName } from '@beatlink/shared';
import type { TenantScopedContext } from '../../lib/tenant-context';
import type { ServiceDeps } from '../deps';
import { displayNameOf } from '../identity/display-name';

/** Who makes a change: a signed-in user acting in one of his roles, or the supervision job. */
export interface Actor {
  username: string;
  name: string;
  role: MatterActor;
}

export const SYSTEM_ACTOR: Actor = { username: 'system', name: '督导系统', role: 'system' };

/** The caller acting in `role`, with the display name his timeline entries carry. */
export async function userActor(ctx: TenantScopedContext, role: Role, deps: Pick<ServiceDeps, 'identity'>): Promise<Actor> {
  return { username: ctx.username, name: await displayNameOf(ctx, deps.identity), role };
}

/** One immutable timeline entry, stamped with the time of the change it belongs to. */
export function timelineEvent(
  matterId: string,
  type: MatterEventType | TransitionName,
  actor: Actor,
  at: string,
  change: { from?: MatterStatus; to?: MatterStatus; note?: string; data?: Record<string, unknown> } = {},
): MatterEvent {
  return {
    matterId,
    id: newId('matterEvent', Date.parse(at)),
    type,
    at,
    by: actor.username,
    byName: actor.name,
    byRole: actor.role,
    ...(change.from ? { from: change.from } : {}),
    ...(change.to ? { to: change.to } : {}),
    ...(change.note ? { note: change.note } : {}),
    ...(change.data && Object.keys(change.data).length > 0 ? { data: change.data } : {}),
  };
}
