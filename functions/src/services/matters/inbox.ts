import { idRange, matterVisibleTo, zonedDayEnd, zonedDayStart, type Matter, type MatterListQuery, type Page } from '@beatlink/shared';
import type { Condition } from '../../data/conditions';
import { MATTER_INDEXES, queryMatters, type MatterQuery } from '../../data/matters';
import type { SortKeyRange } from '../../data/repository';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { toMatterView, viewerOf } from './matter-access';
import { loadMatterRules } from './matter-rules';

type Index = (typeof MATTER_INDEXES)[keyof typeof MATTER_INDEXES];
const on = (index: Index, partition: string): Pick<MatterQuery, 'index'> => ({ index: { name: index.index, partition } });

/** How far the caller reaches, as the index that holds exactly his matters and the filter that narrows any other index to them. */
interface Reach {
  /** The index partition of everything he may see, or undefined for the whole county. */
  home?: Pick<MatterQuery, 'index'>;
  filter?: Condition;
}

function reachOf(ctx: TenantScopedContext): Reach | 'nothing' {
  const t = ctx.tenantId;
  const roles = ctx.roles;
  if (roles.includes('bureau_leader') || roles.includes('program_office')) return {};
  if (roles.includes('governance_office')) return { filter: { attr: 'linkage', eq: true } };
  const unit = ctx.unitId;
  if (roles.includes('station_chief') && unit) return { home: on(MATTER_INDEXES.station, MATTER_INDEXES.station.partition(t, unit)), filter: { attr: 'stationId', eq: unit } };
  if ((roles.includes('community_officer') || roles.includes('auxiliary')) && unit) {
    return { home: on(MATTER_INDEXES.office, MATTER_INDEXES.office.partition(t, unit)), filter: { attr: 'officeId', eq: unit } };
  }
  if (roles.includes('contact_officer') && unit) {
    return { home: on(MATTER_INDEXES.workstation, MATTER_INDEXES.workstation.partition(t, unit)), filter: { attr: 'workstationId', eq: unit } };
  }
  if (roles.includes('agency_staff') && ctx.agencyId) {
    const partition = MATTER_INDEXES.holder.partition(t, ctx.agencyId);
    return { home: on(MATTER_INDEXES.holder, partition), filter: { attr: 'gsi3pk', eq: partition } };
  }
  return 'nothing';
}

/** Picks the one index that answers the inbox; the rest of the query becomes a filter. */
function plan(ctx: TenantScopedContext, q: MatterListQuery, reach: Reach, now: string, timeRange?: [number, number]): MatterQuery | 'nothing' {
  const t = ctx.tenantId;
  const byTime: SortKeyRange | undefined = timeRange && { between: [new Date(timeRange[0]).toISOString(), `${new Date(timeRange[1]).toISOString()}~`] };
  const filters: Condition[] = [];
  if (q.categoryId) filters.push({ attr: 'categoryId', eq: q.categoryId });
  if (q.kind) filters.push({ attr: 'kind', eq: q.kind });
  if (q.status) filters.push({ attr: 'status', eq: q.status });
  const reverse = q.order === 'newest';
  const withFilters = (query: MatterQuery, extra: Array<Condition | undefined> = []): MatterQuery => {
    const all = [...filters, ...extra.filter((c): c is Condition => c !== undefined)];
    return { ...query, ...(all.length ? { filter: all.length === 1 ? all[0] : { and: all } } : {}) };
  };
  const villageFilter = q.villageId ? { attr: 'villageId', eq: q.villageId } : undefined;

  switch (q.inbox) {
    case 'triage':
      return withFilters({ ...on(MATTER_INDEXES.stage, MATTER_INDEXES.stage.partition(t, 'triage')), range: byTime, reverse }, [reach.filter, villageFilter]);
    case 'mine': {
      const holderId = ctx.roles.includes('agency_staff') ? ctx.agencyId : ctx.unitId;
      if (!holderId) return 'nothing';
      return withFilters({ ...on(MATTER_INDEXES.holder, MATTER_INDEXES.holder.partition(t, holderId)), range: byTime, reverse }, [villageFilter]);
    }
    case 'reported':
      return withFilters({ ...on(MATTER_INDEXES.reporter, MATTER_INDEXES.reporter.partition(t, ctx.username)), range: byTime, reverse }, [villageFilter]);
    case 'overdue': {
      // Running deadlines before now, most overdue first; the date range still means intake time.
      const created: Condition | undefined = timeRange && {
        and: [
          { attr: 'createdAt', gte: new Date(timeRange[0]).toISOString() },
          { attr: 'createdAt', lte: new Date(timeRange[1]).toISOString() },
        ],
      };
      return withFilters({ ...on(MATTER_INDEXES.deadline, MATTER_INDEXES.deadline.partition(t)), range: { lte: `${now}#` } }, [reach.filter, villageFilter, created]);
    }
    case 'linkage':
      return withFilters({ range: timeRange && { between: idRange('matter', timeRange[0], timeRange[1]) }, reverse }, [{ attr: 'linkage', eq: true }, reach.filter, villageFilter]);
    case 'all':
    default:
      if (q.villageId) return withFilters({ ...on(MATTER_INDEXES.village, MATTER_INDEXES.village.partition(t, q.villageId)), range: byTime, reverse }, [reach.filter]);
      if (reach.home) return withFilters({ ...reach.home, range: byTime, reverse });
      return withFilters({ range: timeRange && { between: idRange('matter', timeRange[0], timeRange[1]) }, reverse }, [reach.filter]);
  }
}

/**
 * Inboxes and filtered lists (GET /matters): one Query of the index that answers the inbox,
 * paged by cursor. The visibility rule is applied once more to what comes back, so a list never
 * shows more than GET /matters/{id} would.
 */
export async function listMatters(ctxIn: TenantContext, q: MatterListQuery, deps: ServiceDeps = defaultDeps()): Promise<Page<Matter>> {
  const ctx = requireTenant(ctxIn);
  const reach = reachOf(ctx);
  if (reach === 'nothing') return { items: [] };
  // The county's time zone is read only when a date range needs it.
  let timeRange: [number, number] | undefined;
  if (q.from || q.to) {
    const { timeZone } = await loadMatterRules(ctx.tenantId);
    timeRange = [q.from ? zonedDayStart(q.from, timeZone) : 0, q.to ? zonedDayEnd(q.to, timeZone) : Date.parse('2999-12-31T00:00:00Z')];
  }
  const query = plan(ctx, q, reach, isoNow(deps.clock), timeRange);
  if (query === 'nothing') return { items: [] };
  const page = await queryMatters(ctx.tenantId, query, { limit: q.limit, cursor: q.cursor });
  const viewer = viewerOf(ctx);
  return { ...page, items: page.items.filter((m) => matterVisibleTo(viewer, m)).map(toMatterView) };
}
