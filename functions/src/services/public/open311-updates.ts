import {
  OPEN311_MAX_WINDOW_DAYS,
  open311UpdateOf,
  open311Window,
  publicUpdateOfOpen311,
  type Open311ListUpdatesQuery,
  type Open311PostUpdateInput,
  type Open311Update,
  type Open311UpdatePosted,
} from '@beatlink/shared';
import { invalidField } from '../../lib/app-error';
import { mapLimited } from '../../lib/bounded-pool';
import type { Integrator } from '../../lib/integrator';
import { applyIntegratorUpdate } from '../matters/integrator-updates';
import { mattersTakenIn } from '../matters/public-listing';
import { publicMatterTimeline } from '../matters/public-timeline';

/**
 * mySociety's servicerequestupdates: the updates of the county's requests in a window, and an
 * agency's system posting its own.
 *
 * Bounds of the listing: there is no county-wide index of timeline events, so the updates come
 * from the timelines of the matters updated in the window that were taken in at most
 * `UPDATES_LOOKBACK_DAYS` before it (a matter open longer than that is missing here — its
 * updates still reach webhooks), at most `MAX_MATTERS_SCANNED` matters (the newest), each
 * timeline one Query. Systems that need every change should subscribe to webhooks.
 */
export const UPDATES_LOOKBACK_DAYS = OPEN311_MAX_WINDOW_DAYS;
export const MAX_MATTERS_SCANNED = 500;
const TIMELINE_CONCURRENCY = 8;
const DAY_MS = 86_400_000;

export async function listOpen311Updates(integrator: Integrator, query: Open311ListUpdatesQuery, nowMs: number): Promise<Open311Update[]> {
  const window = open311Window(query, nowMs);
  if ('path' in window) throw invalidField(window.path, window.message);
  const since = new Date(window.from).toISOString();
  const matters = await mattersTakenIn(integrator.tenantId, window.from - UPDATES_LOOKBACK_DAYS * DAY_MS, window.to, MAX_MATTERS_SCANNED, { attr: 'updatedAt', gte: since });
  const perMatter = await mapLimited(matters, TIMELINE_CONCURRENCY, async (matter) => {
    const { events } = await publicMatterTimeline(integrator.tenantId, matter.id);
    return events
      .filter((e) => Date.parse(e.at) >= window.from && Date.parse(e.at) <= window.to)
      .map((e) => open311UpdateOf(matter.id, e, matter.outcome))
      .filter((u): u is Open311Update => u !== undefined);
  });
  return perMatter.flat().sort((a, b) => a.updated_datetime.localeCompare(b.updated_datetime) || a.update_id.localeCompare(b.update_id));
}

/** An agency's update becomes the matter's accept, feedback or return (see publicUpdateOfOpen311). */
export async function postOpen311Update(integrator: Integrator, body: Open311PostUpdateInput): Promise<Open311UpdatePosted[]> {
  const result = await applyIntegratorUpdate(integrator, body.service_request_id, publicUpdateOfOpen311(body), { noteField: 'description' });
  return [{ update_id: result.updateId }];
}
