import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, bestScope, can, scopeFor } from './permissions';
import { ROLES } from './roles';

describe('permission matrix', () => {
  it('names only known actions for every role', () => {
    for (const role of ROLES) {
      for (const action of Object.keys(PERMISSIONS[role])) expect(ACTIONS).toContain(action);
    }
  });
  it('lets only the platform admin onboard counties', () => {
    expect(ROLES.filter((r) => can(r, 'platform.tenant.create'))).toEqual(['platform_admin']);
  });
  it('keeps provincial analysts and agency staff out of the police directory', () => {
    expect(can('province_viewer', 'directory.read')).toBe(false);
    expect(can('agency_staff', 'directory.read')).toBe(false);
    expect(scopeFor('agency_staff', 'directory.agency.read')).toBe('unit');
  });
  it('lets auxiliaries read but never write the directory', () => {
    expect(can('auxiliary', 'directory.read')).toBe(true);
    expect(can('auxiliary', 'directory.unit.write')).toBe(false);
    expect(can('auxiliary', 'directory.officer.write')).toBe(false);
  });
  it('takes the widest scope over several roles', () => {
    expect(bestScope(['agency_staff', 'program_office'], 'directory.agency.read')).toBe('tenant');
    expect(bestScope(['agency_staff'], 'directory.read')).toBeUndefined();
  });
});
