import type { PublicMatterView, PublicTimelineEvent } from '@beatlink/shared';
import type { Integrator } from '../../lib/integrator';
import { matterNotFound } from '../matters/matter-access';
import { loadPublicMatter } from '../matters/public-view';
import { publicMatterTimeline } from '../matters/public-timeline';

/** REST v1: a matter of the key's county as integrators see it (another county's id: 404). */
export async function getPublicMatter(integrator: Pick<Integrator, 'tenantId'>, matterId: string): Promise<PublicMatterView> {
  const loaded = await loadPublicMatter(integrator.tenantId, matterId);
  if (!loaded) throw matterNotFound();
  return loaded.view;
}

/** REST v1: its timeline, oldest first (roles, units and outcomes; no names of residents, no notes). */
export async function getPublicTimeline(integrator: Pick<Integrator, 'tenantId'>, matterId: string): Promise<{ items: PublicTimelineEvent[] }> {
  const { events } = await publicMatterTimeline(integrator.tenantId, matterId);
  return { items: events };
}
