import { describe, expect, it } from 'vitest';
import { buildOrgNodes, countOrg, filterOrgNodes, indexNodes, nodeKey, unitNames, unitOptions } from './org-tree';
import { sampleTree } from './org-tree.fixture';

describe('buildOrgNodes', () => {
  it('nests stations → offices → workstations → villages with the assigned officers', () => {
    const nodes = buildOrgNodes(sampleTree());
    expect(nodes.map((n) => n.name)).toEqual(['城关派出所', '南山派出所']);
    const station = nodes[0]!;
    expect(station.officer?.name).toBe('王所长');
    const office = station.children![0]!;
    expect(office).toMatchObject({ kind: 'office', key: 'office:ofc_a1', parentKey: 'station:stn_a' });
    expect(office.officer?.name).toBe('李社区');
    const workstation = office.children![0]!;
    expect(workstation.officer?.name).toBe('张包村');
    expect(workstation.children!.map((v) => v.key)).toEqual(['village:vil_1', 'village:vil_2']);
    expect(office.children![1]!.officer).toBeUndefined();
    const index = indexNodes(nodes);
    expect(index.size).toBe(2 + 3 + 3 + 5);
    expect(index.get(nodeKey('village', 'vil_3'))?.parentKey).toBe('workstation:wks_b1x');
  });
});

describe('filterOrgNodes', () => {
  const nodes = buildOrgNodes(sampleTree());

  it('keeps matches with their ancestors and expands the path to them', () => {
    const { nodes: kept, expandedKeys } = filterOrgNodes(nodes, '红旗');
    expect(kept.map((n) => n.name)).toEqual(['南山派出所']);
    const village = kept[0]!.children![0]!.children![0]!.children!;
    expect(village.map((v) => v.name)).toEqual(['红旗村']);
    expect(new Set(expandedKeys)).toEqual(new Set(['station:stn_b', 'office:ofc_b1', 'workstation:wks_b1x']));
  });

  it('keeps the whole subtree of a matching unit', () => {
    const { nodes: kept } = filterOrgNodes(nodes, '东关一站');
    const workstation = kept[0]!.children![0]!.children![0]!;
    expect(workstation.children!.map((v) => v.name)).toEqual(['东风村', '和平社区']);
  });

  it('finds units by their officer name or police number', () => {
    expect(filterOrgNodes(nodes, '张包村').nodes[0]!.children![0]!.children!.map((w) => w.name)).toEqual(['东关一站']);
    expect(filterOrgNodes(nodes, '100001').nodes.map((n) => n.name)).toEqual(['城关派出所']);
  });

  it('returns everything for an empty query and nothing for no match', () => {
    expect(filterOrgNodes(nodes, '  ').nodes).toHaveLength(2);
    expect(filterOrgNodes(nodes, '不存在').nodes).toEqual([]);
  });

  it('stays fast on a county-sized tree', () => {
    const tree = sampleTree();
    const template = tree.stations[1]!;
    tree.stations = Array.from({ length: 20 }, (_, s) => ({
      ...template,
      id: `stn_${s}`,
      offices: Array.from({ length: 4 }, (_, o) => ({
        ...template.offices[0]!,
        id: `ofc_${s}_${o}`,
        workstations: Array.from({ length: 4 }, (_, w) => ({
          ...template.offices[0]!.workstations[0]!,
          id: `wks_${s}_${o}_${w}`,
          name: `工作站${s}-${o}-${w}`,
          villages: Array.from({ length: 2 }, (_, v) => ({ ...template.offices[0]!.workstations[0]!.villages[0]!, id: `vil_${s}_${o}_${w}_${v}`, name: `村${s}-${o}-${w}-${v}` })),
        })),
      })),
    }));
    const big = buildOrgNodes(tree);
    const started = performance.now();
    const { nodes: kept } = filterOrgNodes(big, '村7-');
    expect(performance.now() - started).toBeLessThan(50);
    expect(kept).toHaveLength(1);
  });
});

describe('countOrg', () => {
  it('counts active units and staffing', () => {
    expect(countOrg(sampleTree())).toEqual({
      stations: 2,
      offices: 2,
      workstations: 3,
      villages: 3,
      communities: 1,
      officers: 3,
      officesWithCommunityOfficer: 1,
      workstationsWithContactOfficer: 1,
    });
  });
});

describe('unitOptions / unitNames', () => {
  it('lists active units with their parents, and names every unit', () => {
    const { stations, offices, workstations } = unitOptions(sampleTree());
    expect(stations.map((s) => s.value)).toEqual(['stn_a', 'stn_b']);
    expect(offices).toEqual([
      { value: 'ofc_a1', label: '东关警务室（城关派出所）', stationId: 'stn_a' },
      { value: 'ofc_b1', label: '南山警务室（南山派出所）', stationId: 'stn_b' },
    ]);
    expect(workstations.find((w) => w.value === 'wks_b1x')).toMatchObject({ stationId: 'stn_b', officeId: 'ofc_b1' });
    expect(unitNames(sampleTree()).get('ofc_a2')).toBe('西关警务室');
  });
});
