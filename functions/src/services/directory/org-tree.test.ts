import { describe, expect, it } from 'vitest';
import { assembleOrgTree } from './org-tree';
import type { OfficeRecord, OfficerRecord, StationRecord, VillageRecord, WorkstationRecord } from './records';

const meta = { status: 'active' as const, version: 1, createdAt: '', updatedAt: '', createdBy: '', updatedBy: '' };

describe('assembleOrgTree', () => {
  it('nests stations → offices → workstations → villages and names the post holders', () => {
    const stations = [
      { ...meta, id: 's2', name: '乙所', activeOfficeCount: 0, activeOfficerCount: 0 },
      { ...meta, id: 's1', name: '甲所', chiefOfficerId: 'o1', activeOfficeCount: 1, activeOfficerCount: 1 },
    ] as StationRecord[];
    const offices = [{ ...meta, id: 'f1', name: '一室', stationId: 's1', areaKind: 'rural', activeWorkstationCount: 1, activeVillageCount: 1, auxiliaryCount: 0 }] as OfficeRecord[];
    const workstations = [{ ...meta, id: 'w1', name: '一站', officeId: 'f1', stationId: 's1', contactOfficerId: 'o2', activeVillageCount: 1 }] as WorkstationRecord[];
    const villages = [{ ...meta, id: 'v1', name: '东村', kind: 'village', officeId: 'f1', workstationId: 'w1', stationId: 's1' }] as VillageRecord[];
    const officers = [
      { ...meta, id: 'o1', name: '王', role: 'station_chief', policeNumber: '1001', phone: '', username: 'w' },
      { ...meta, id: 'o2', name: '李', role: 'contact_officer', policeNumber: '1002', phone: '', username: 'l' },
      { ...meta, id: 'o3', name: '赵', role: 'auxiliary', policeNumber: '1003', phone: '', username: 'z' },
    ] as OfficerRecord[];
    const tree = assembleOrgTree(stations, offices, workstations, villages, officers);
    expect(tree.stations.map((s) => s.id)).toEqual(['s1', 's2']);
    const s1 = tree.stations.find((s) => s.id === 's1')!;
    expect(s1.offices[0]!.workstations[0]!.villages.map((v) => v.id)).toEqual(['v1']);
    expect(Object.keys(tree.officers).sort()).toEqual(['o1', 'o2']);
    expect(tree.officers.o2).toEqual({ id: 'o2', name: '李', role: 'contact_officer', policeNumber: '1002' });
  });
});
