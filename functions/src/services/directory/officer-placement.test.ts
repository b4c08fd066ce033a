import { describe, expect, it } from 'vitest';
import { officerClaims, placementIssues, unitOf } from './officer-placement';

const rules = { minWorkstationsPerOffice: 1, maxWorkstationsPerOffice: 6, auxiliariesPerOffice: 2 };
const keys = (claims: ReturnType<typeof officerClaims>) => claims.map((c) => `${c.unit}:${c.unitId}:${c.attr}`);

describe('officerClaims', () => {
  it('a station chief holds his station and its chief slot', () => {
    expect(keys(officerClaims({ id: 'o', role: 'station_chief', stationId: 's' }, rules))).toEqual(['station:s:activeOfficerCount', 'station:s:chiefOfficerId']);
  });
  it('a community officer holds his office slot only when posted', () => {
    expect(keys(officerClaims({ id: 'o', role: 'community_officer', stationId: 's' }, rules))).toEqual(['station:s:activeOfficerCount']);
    expect(keys(officerClaims({ id: 'o', role: 'community_officer', stationId: 's', officeId: 'f' }, rules))).toContain('office:f:communityOfficerId');
  });
  it("an auxiliary takes one of the office's limited places", () => {
    const aux = officerClaims({ id: 'o', role: 'auxiliary', stationId: 's', officeId: 'f' }, rules).find((c) => c.attr === 'auxiliaryCount');
    expect(aux).toMatchObject({ type: 'count', max: 2, path: 'officeId' });
  });
  it('a contact officer belongs to his department and holds his workstation', () => {
    expect(keys(officerClaims({ id: 'o', role: 'contact_officer', departmentId: 'd', workstationId: 'w' }, rules))).toEqual([
      'department:d:activeOfficerCount',
      'workstation:w:contactOfficerId',
    ]);
  });
  it('a bureau leader without a department holds nothing', () => {
    expect(officerClaims({ id: 'o', role: 'bureau_leader' }, rules)).toEqual([]);
  });
});

describe('placementIssues', () => {
  it('names missing and forbidden placement fields by role', () => {
    expect(placementIssues('station_chief', {}).map((d) => d.path)).toEqual(['stationId']);
    expect(placementIssues('contact_officer', { departmentId: 'd', stationId: 's' }).map((d) => d.path)).toEqual(['stationId']);
    expect(placementIssues('community_officer', { stationId: 's', officeId: 'f' })).toEqual([]);
  });
});

describe('unitOf', () => {
  it('is the most specific post', () => {
    expect(unitOf({ departmentId: 'd', workstationId: 'w' })).toBe('w');
    expect(unitOf({ stationId: 's', officeId: 'f' })).toBe('f');
    expect(unitOf({ stationId: 's' })).toBe('s');
    expect(unitOf({})).toBeUndefined();
  });
});
