import type { Village } from '@beatlink/shared';
import type { SortKeyRange } from '../../data/repository';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * Pure rules of the registry. Which villages it reaches for a caller: the county for the
 * offices, his station for a chief, his office's or workstation's villages for the field officers
 * (scope `unit`). The same rule as matter intake (services/matters/intake.ts `checkVillageInReach`).
 */
export function villageInReach(ctx: Pick<TenantScopedContext, 'scope' | 'unitId'>, village: Pick<Village, 'stationId' | 'officeId' | 'workstationId'>): boolean {
  if (ctx.scope === 'tenant') return true;
  if (!ctx.unitId) return false;
  if (ctx.scope === 'station') return village.stationId === ctx.unitId;
  if (ctx.scope === 'unit') return village.officeId === ctx.unitId || village.workstationId === ctx.unitId;
  return false;
}

/** Call-backs from `from` to `to` (dates, both included) as a condition on `<date>#<id>` sort keys. */
export function callbackDateRange(from: string | undefined, to: string | undefined): SortKeyRange | undefined {
  const upper = to ? `${to}#~` : undefined;
  if (from && upper) return { between: [from, upper] };
  if (from) return { gte: from };
  if (upper) return { lte: upper };
  return undefined;
}
