import type { Village } from '@beatlink/shared';
import { getRecord } from '../../data/directory-records';
import { forbidden, notFound } from '../../lib/app-error';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * Which villages a caller reaches — the one rule for matter intake, the registry and the 非标库:
 * the county for the offices and leaders (scope `tenant`), his station for a chief (`station`), his
 * office's or workstation's villages for the field (`unit`); nothing for `own`.
 */
export function villageInReach(ctx: Pick<TenantScopedContext, 'scope' | 'unitId'>, village: Pick<Village, 'stationId' | 'officeId' | 'workstationId'>): boolean {
  if (ctx.scope === 'tenant') return true;
  if (!ctx.unitId) return false;
  if (ctx.scope === 'station') return village.stationId === ctx.unitId;
  if (ctx.scope === 'unit') return village.officeId === ctx.unitId || village.workstationId === ctx.unitId;
  return false;
}

export const outsideReach = (village: Pick<Village, 'name'>) => forbidden(`${village.name}不在您的责任区内 / the village is outside your area`);

const villageNotFound = (path: string) => notFound(path, '村（社区）不存在或已停用 / village not found or inactive');

/**
 * An active village of the caller's county: 404 naming `path` when it does not exist or is
 * inactive; outside his reach 404 too when reading (`hide`: its existence is not disclosed), 403
 * when writing there (`refuse`).
 */
export async function loadVillageInReach(ctx: TenantScopedContext, villageId: string, options: { path: string; outsideReach: 'hide' | 'refuse' }): Promise<Village> {
  const village = await getRecord<Village>(ctx, 'village', villageId);
  if (!village || village.status !== 'active') throw villageNotFound(options.path);
  if (!villageInReach(ctx, village)) {
    if (options.outsideReach === 'hide') throw villageNotFound(options.path);
    throw outsideReach(village);
  }
  return village;
}
