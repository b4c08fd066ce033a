import { describe, expect, it } from 'vitest';
import type { OrgTree } from '@beatlink/shared';
import { emptyResources } from '@beatlink/shared/registry/households';
import { familiarityRate } from '@beatlink/shared/intel/familiarity';
import { deviceRows, familiarityRows, filterVillages, resourceTotals, villageHref, villageRows, villagesInReach } from './villages';

const meta = { status: 'active' as const, version: 1, createdAt: '', updatedAt: '', createdBy: '', updatedBy: '' };
const village = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ ...meta, id, name, kind: 'village' as const, officeId: 'ofc_1', workstationId: 'wks_1', stationId: 'sta_1', ...extra });
const tree = {
  stations: [
    {
      ...meta,
      id: 'sta_1',
      name: '城关派出所',
      offices: [
        {
          ...meta,
          id: 'ofc_1',
          name: '东关警务室',
          workstations: [
            { ...meta, id: 'wks_1', name: '东村工作站', villages: [village('vil_1', '东村', { divisionCode: '370283101001', households: 420 }), village('vil_2', '西村', { status: 'inactive' })] },
          ],
        },
      ],
    },
  ],
  officers: {},
} as unknown as OrgTree;

describe('village list', () => {
  it('lists the villages of the tree with their units', () => {
    const rows = villageRows(tree);
    expect(rows.map((r) => r.name)).toEqual(['东村', '西村']);
    expect(rows[0]).toMatchObject({ id: 'vil_1', stationName: '城关派出所', officeName: '东关警务室', workstationName: '东村工作站', households: 420 });
    expect(villageRows(undefined)).toEqual([]);
  });

  it('searches names, codes and units; hides inactive villages unless asked', () => {
    const rows = villageRows(tree);
    expect(filterVillages(rows, '').map((r) => r.id)).toEqual(['vil_1']);
    expect(filterVillages(rows, '', true).map((r) => r.id)).toEqual(['vil_1', 'vil_2']);
    expect(filterVillages(rows, ' 东 ').map((r) => r.id)).toEqual(['vil_1']);
    expect(filterVillages(rows, '370283101').map((r) => r.id)).toEqual(['vil_1']);
    expect(filterVillages(rows, '城关 东关').map((r) => r.id)).toEqual(['vil_1']);
    expect(filterVillages(rows, '北村')).toEqual([]);
  });

  it('keeps the villages within the user\'s reach', () => {
    const rows = villageRows(tree);
    expect(villagesInReach(rows, 'tenant', undefined)).toHaveLength(2);
    expect(villagesInReach(rows, 'station', 'sta_1')).toHaveLength(2);
    expect(villagesInReach(rows, 'station', 'sta_2')).toHaveLength(0);
    expect(villagesInReach(rows, 'unit', 'wks_1')).toHaveLength(2);
    expect(villagesInReach(rows, 'unit', undefined)).toEqual([]);
    expect(villagesInReach(rows, undefined, 'sta_1')).toEqual([]);
  });

  it('links to the profile', () => {
    expect(villageHref('vil_1')).toBe('/villages/view?id=vil_1');
  });
});

describe('village profile figures', () => {
  it('puts the village first, then its officers by name', () => {
    const rate = familiarityRate([{ householdId: 'h', villageId: 'v', knowsOfficer: true, officerKnowsHousehold: true }]);
    const rows = familiarityRows({ villageId: 'v', callbacks: 1, village: rate, byOfficer: { ofr_2: rate, ofr_1: rate, ofr_9: rate } }, (id) => ({ ofr_1: '王', ofr_2: '李' })[id]);
    expect(rows.map((r) => r.label)).toEqual(['全村（社区）', '李', '王', '（已调离民警）']);
    expect(familiarityRows(undefined, () => undefined)).toEqual([]);
  });

  it('counts devices per funder and says whether anything was recorded', () => {
    const empty = emptyResources('v');
    expect(resourceTotals(empty)).toEqual({ recorded: false, teams: 0, teamMembers: 0, activists: 0 });
    const r = { ...empty, version: 2, activists: 12, patrolTeams: [{ name: '东村巡逻队', members: 8, leader: '李' }, { name: '夜巡', members: 4, leader: '王' }], cameras: { enterprise: 4, village: 6, bureau: 2 } };
    expect(resourceTotals(r)).toEqual({ recorded: true, teams: 2, teamMembers: 12, activists: 12 });
    expect(deviceRows(r)[0]).toEqual({ key: 'cameras', label: '监控探头', enterprise: 4, village: 6, bureau: 2, total: 12 });
    expect(deviceRows(r).map((d) => d.label)).toEqual(['监控探头', '气死贼', '电子狗']);
    expect(deviceRows(undefined)).toEqual([]);
  });
});
