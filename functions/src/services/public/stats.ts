import { isOpenStatus, zonedDayEnd, zonedDayStart, type Matter, type MatterConfig, type PublicStats, type PublicStatsQuery } from '@beatlink/shared';
import type { Integrator } from '../../lib/integrator';
import { loadMatterRules } from '../matters/matter-rules';
import { allMattersTakenIn } from '../matters/public-listing';

type Counted = Pick<Matter, 'status' | 'categoryId' | 'categoryName' | 'source' | 'linkage' | 'feedbackBy' | 'feedback' | 'closedAt'>;

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The county's figures of the matters taken in during a range — counts only. On time: of the
 * matters with a feedback deadline whose work ended (feedback given, or closed), those that ended
 * by the deadline.
 */
export function publicStatsOf(matters: readonly Counted[], config: Pick<MatterConfig, 'categories'>, range: { county: string; from: string; to: string }): PublicStats {
  const byStatus: PublicStats['byStatus'] = {};
  const byCategory = new Map<string, { categoryId: string; categoryName: string; count: number }>();
  const bySource: Record<string, number> = {};
  const onTime = { count: 0, of: 0 };
  let open = 0;
  let linkage = 0;
  for (const m of matters) {
    bump(byStatus, m.status);
    bump(bySource, m.source);
    const name = config.categories.find((c) => c.id === m.categoryId)?.name ?? m.categoryName;
    const entry = byCategory.get(m.categoryId) ?? { categoryId: m.categoryId, categoryName: name, count: 0 };
    entry.count += 1;
    byCategory.set(m.categoryId, entry);
    if (isOpenStatus(m.status)) open += 1;
    if (m.linkage) linkage += 1;
    const ended = m.feedback?.at ?? m.closedAt;
    if (m.feedbackBy && ended) {
      onTime.of += 1;
      if (ended <= m.feedbackBy) onTime.count += 1;
    }
  }
  return {
    ...range,
    total: matters.length,
    byStatus,
    byCategory: [...byCategory.values()].sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId)),
    bySource,
    open,
    closedResolved: byStatus.closed_resolved ?? 0,
    closedUnresolved: byStatus.closed_unresolved ?? 0,
    onTime: { ...onTime, rate: onTime.of > 0 ? Math.round((onTime.count / onTime.of) * 1000) / 1000 : null },
    linkage,
  };
}

/** `GET /v1/stats`: the matters taken in between two county days (the county's time zone), at most 92 days. */
export async function getPublicStats(integrator: Pick<Integrator, 'tenantId'>, query: PublicStatsQuery): Promise<PublicStats> {
  const { config, timeZone } = await loadMatterRules(integrator.tenantId);
  const matters = await allMattersTakenIn(integrator.tenantId, zonedDayStart(query.from, timeZone), zonedDayEnd(query.to, timeZone));
  return publicStatsOf(matters, config, { county: integrator.tenantId, from: query.from, to: query.to });
}
