import { describe, expect, it, vi } from 'vitest';
import type { OrgTree } from '@beatlink/shared';
import { loadVillagesInReach, villageSourceFor, villagesOfStation } from './reach';

describe('villageSourceFor', () => {
  it('follows the API rule: the offices anywhere, the others in their unit', () => {
    expect(villageSourceFor({ roles: ['program_office'], unitId: undefined })).toEqual({ type: 'all' });
    expect(villageSourceFor({ roles: ['governance_office'] })).toEqual({ type: 'all' });
    expect(villageSourceFor({ roles: ['station_chief'], unitId: 'stn_1' })).toEqual({ type: 'station', stationId: 'stn_1' });
    expect(villageSourceFor({ roles: ['community_officer'], unitId: 'ofc_1' })).toEqual({ type: 'office', officeId: 'ofc_1' });
    expect(villageSourceFor({ roles: ['auxiliary'], unitId: 'ofc_1' })).toEqual({ type: 'office', officeId: 'ofc_1' });
    expect(villageSourceFor({ roles: ['contact_officer'], unitId: 'wks_1' })).toEqual({ type: 'workstation', workstationId: 'wks_1' });
    expect(villageSourceFor({ roles: ['contact_officer'], unitId: 'dep_1' })).toEqual({ type: 'none' });
    expect(villageSourceFor({ roles: ['agency_staff'] })).toEqual({ type: 'none' });
  });
});

const village = (id: string, name: string, status = 'active') => ({ id, name, status }) as never;

describe('loadVillagesInReach', () => {
  it('pages through the directory list with the unit filter, active only, by name', async () => {
    const get = vi.fn(async (_path: string, query?: Record<string, unknown>) =>
      (query?.cursor
        ? { items: [village('v3', '北村')] }
        : { items: [village('v1', '西村'), village('v2', '东村', 'inactive')], nextCursor: 'c1' }) as never,
    );
    const villages = await loadVillagesInReach({ get }, { type: 'office', officeId: 'ofc_1' });
    expect(villages).toEqual([
      { id: 'v3', name: '北村' },
      { id: 'v1', name: '西村' },
    ]);
    expect(get.mock.calls[0]).toEqual(['/directory/villages', { officeId: 'ofc_1', limit: 200, cursor: undefined }]);
    expect(get.mock.calls[1]![1]).toMatchObject({ officeId: 'ofc_1', cursor: 'c1' });
  });

  it("takes a station chief's villages from the org tree", async () => {
    const tree = {
      stations: [
        { id: 'stn_1', offices: [{ workstations: [{ villages: [village('v1', '西村'), village('v2', '东村')] }, { villages: [village('v9', '旧村', 'inactive')] }] }] },
        { id: 'stn_2', offices: [{ workstations: [{ villages: [village('v5', '南村')] }] }] },
      ],
      officers: {},
    } as unknown as OrgTree;
    expect(villagesOfStation(tree, 'stn_1').map((v) => v.id)).toEqual(['v2', 'v1']);
    const get = vi.fn(async () => tree as never);
    expect(await loadVillagesInReach({ get }, { type: 'station', stationId: 'stn_2' })).toEqual([{ id: 'v5', name: '南村' }]);
    expect(get).toHaveBeenCalledWith('/directory/tree');
    expect(await loadVillagesInReach({ get }, { type: 'none' })).toEqual([]);
  });
});
