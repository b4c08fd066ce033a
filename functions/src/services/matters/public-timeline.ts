import { publicTimelineEventOf, type PublicTimelineEvent } from '@beatlink/shared';
import { getMatterRecord, listMatterEvents, type StoredMatter } from '../../data/matters';
import { matterNotFound } from './matter-access';

/**
 * A matter's timeline as integrators see it (no names of residents, no notes), oldest first,
 * with the matter itself; another county's id finds nothing (404).
 */
export async function publicMatterTimeline(tenantId: string, matterId: string): Promise<{ matter: StoredMatter; events: PublicTimelineEvent[] }> {
  const [matter, events] = await Promise.all([getMatterRecord(tenantId, matterId), listMatterEvents(tenantId, matterId)]);
  if (!matter) throw matterNotFound();
  return { matter, events: events.map(publicTimelineEventOf) };
}
