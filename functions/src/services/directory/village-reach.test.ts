import { describe, expect, it } from 'vitest';
import { villageInReach } from './village-reach';

const village = { stationId: 'stn_A', officeId: 'ofc_A', workstationId: 'wks_A' };

describe('villageInReach', () => {
  it('reaches the county for tenant scope, the station for station scope, the office or workstation for unit scope', () => {
    expect(villageInReach({ scope: 'tenant' }, village)).toBe(true);
    expect(villageInReach({ scope: 'station', unitId: 'stn_A' }, village)).toBe(true);
    expect(villageInReach({ scope: 'station', unitId: 'stn_B' }, village)).toBe(false);
    expect(villageInReach({ scope: 'unit', unitId: 'ofc_A' }, village)).toBe(true);
    expect(villageInReach({ scope: 'unit', unitId: 'wks_A' }, village)).toBe(true);
    expect(villageInReach({ scope: 'unit', unitId: 'stn_A' }, village)).toBe(false);
    expect(villageInReach({ scope: 'unit' }, village)).toBe(false);
    expect(villageInReach({ scope: 'own', unitId: 'ofc_A' }, village)).toBe(false);
  });
});
