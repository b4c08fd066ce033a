import type { OrgTree } from '@beatlink/shared';

const meta = (id: string, status: 'active' | 'inactive' = 'active') => ({
  id,
  status,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  createdBy: 'admin',
  updatedBy: 'admin',
});

/** A small county: two stations, three offices, four workstations, five villages. */
export function sampleTree(): OrgTree {
  return {
    officers: {
      ofr_chief: { id: 'ofr_chief', name: '王所长', role: 'station_chief', policeNumber: '100001' },
      ofr_comm: { id: 'ofr_comm', name: '李社区', role: 'community_officer', policeNumber: '100002' },
      ofr_cont: { id: 'ofr_cont', name: '张包村', role: 'contact_officer', policeNumber: '200003' },
    },
    stations: [
      {
        ...meta('stn_a'),
        name: '城关派出所',
        chiefOfficerId: 'ofr_chief',
        offices: [
          {
            ...meta('ofc_a1'),
            name: '东关警务室',
            stationId: 'stn_a',
            areaKind: 'urban',
            communityOfficerId: 'ofr_comm',
            activeWorkstationCount: 2,
            workstations: [
              {
                ...meta('wks_a1x'),
                name: '东关一站',
                officeId: 'ofc_a1',
                stationId: 'stn_a',
                contactOfficerId: 'ofr_cont',
                villages: [
                  { ...meta('vil_1'), name: '东风村', kind: 'village', officeId: 'ofc_a1', workstationId: 'wks_a1x', stationId: 'stn_a' },
                  { ...meta('vil_2'), name: '和平社区', kind: 'community', officeId: 'ofc_a1', workstationId: 'wks_a1x', stationId: 'stn_a' },
                ],
              },
              { ...meta('wks_a1y'), name: '东关二站', officeId: 'ofc_a1', stationId: 'stn_a', villages: [] },
            ],
          },
          {
            ...meta('ofc_a2', 'inactive'),
            name: '西关警务室',
            stationId: 'stn_a',
            areaKind: 'urban',
            activeWorkstationCount: 0,
            workstations: [],
          },
        ],
      },
      {
        ...meta('stn_b'),
        name: '南山派出所',
        offices: [
          {
            ...meta('ofc_b1'),
            name: '南山警务室',
            stationId: 'stn_b',
            areaKind: 'rural',
            activeWorkstationCount: 1,
            workstations: [
              {
                ...meta('wks_b1x'),
                name: '南山一站',
                officeId: 'ofc_b1',
                stationId: 'stn_b',
                villages: [
                  { ...meta('vil_3'), name: '红旗村', kind: 'village', officeId: 'ofc_b1', workstationId: 'wks_b1x', stationId: 'stn_b' },
                  { ...meta('vil_4'), name: '向阳村', kind: 'village', officeId: 'ofc_b1', workstationId: 'wks_b1x', stationId: 'stn_b' },
                  { ...meta('vil_5', 'inactive'), name: '旧村', kind: 'village', officeId: 'ofc_b1', workstationId: 'wks_b1x', stationId: 'stn_b' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
