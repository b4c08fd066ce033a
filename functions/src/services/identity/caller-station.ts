import type { Office, Officer, Workstation } from '@beatlink/shared';
import { getRecord } from '../../data/directory-records';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * The caller's station: the chief's unit; an officer's station, or (a contact officer seconded
 * from HQ) the station of his workstation or office.
 */
export async function callerStation(ctx: TenantScopedContext): Promise<string | undefined> {
  if (ctx.roles.includes('station_chief') && ctx.unitId?.startsWith('stn_')) return ctx.unitId;
  const officer = ctx.officerId ? await getRecord<Officer>(ctx, 'officer', ctx.officerId) : undefined;
  if (officer?.stationId) return officer.stationId;
  if (officer?.workstationId) return (await getRecord<Workstation>(ctx, 'workstation', officer.workstationId))?.stationId;
  if (officer?.officeId) return (await getRecord<Office>(ctx, 'office', officer.officeId))?.stationId;
  return undefined;
}
