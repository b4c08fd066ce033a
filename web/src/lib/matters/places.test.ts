import { describe, expect, it } from 'vitest';
import { sampleTree } from '../org-tree.fixture';
import { policeUnitOptions, postedOfficer, villageOptions } from './places';

describe('places from the org tree', () => {
  it('lists active villages, searchable by the units above them', () => {
    const options = villageOptions(sampleTree());
    expect(options.length).toBeGreaterThan(0);
    const first = options[0]!;
    expect(first.label).toMatch(/（.+ · .+）$/);
    expect(first.search).toContain('城关派出所');
    expect(villageOptions(undefined)).toEqual([]);
  });

  it('lists active police units of one type with their parents', () => {
    const tree = sampleTree();
    expect(policeUnitOptions(tree, 'station').map((o) => o.label)).toContain('城关派出所');
    expect(policeUnitOptions(tree, 'office').find((o) => o.value === 'ofc_a1')?.label).toBe('东关警务室（城关派出所）');
    expect(policeUnitOptions(tree, 'workstation').find((o) => o.value === 'wks_a1x')?.label).toBe('东关一站（东关警务室）');
  });

  it('finds the officer posted in a unit', () => {
    const tree = sampleTree();
    expect(postedOfficer(tree, 'station', 'stn_a')).toEqual({ id: 'ofr_chief', name: '王所长' });
    expect(postedOfficer(tree, 'office', 'ofc_a1')).toEqual({ id: 'ofr_comm', name: '李社区' });
    expect(postedOfficer(tree, 'workstation', 'wks_a1x')).toEqual({ id: 'ofr_cont', name: '张包村' });
    expect(postedOfficer(tree, 'agency', 'x')).toBeUndefined();
  });
});
