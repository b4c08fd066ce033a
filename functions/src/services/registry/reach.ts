import type { Village } from '@beatlink/shared';
import { getRecord } from '../../data/directory-records';
import { forbidden, notFound } from '../../lib/app-error';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { villageInReach } from './rules';

/** Villages for the registry services: found in the caller's county, active and within his reach (rules.ts). */
const villageNotFound = (path: string) => notFound(path, '村（社区）不存在或已停用 / village not found or inactive');

/** A village of the county; 404 when it does not exist, is inactive or (for reads) lies outside the caller's reach. */
export async function loadVillage(ctx: TenantScopedContext, villageId: string, options: { path: string; outsideReach: 'hide' | 'refuse' }): Promise<Village> {
  const village = await getRecord<Village>(ctx, 'village', villageId);
  if (!village || village.status !== 'active') throw villageNotFound(options.path);
  if (!villageInReach(ctx, village)) {
    if (options.outsideReach === 'hide') throw villageNotFound(options.path);
    throw forbidden(`${village.name}不在您的责任区内 / the village is outside your area`);
  }
  return village;
}
