import { describe, expect, it } from 'vitest';
import { allowed, navFor, selectedNav } from './nav';

const paths = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((item) => item.path);

describe('navFor', () => {
  it('shows each role the pages the permission matrix grants it', () => {
    expect(paths(['program_office'])).toEqual(['/', '/org', '/officers', '/departments', '/agencies']);
    expect(paths(['auxiliary'])).toEqual(['/', '/org', '/officers', '/departments', '/agencies']);
    expect(paths(['agency_staff'])).toEqual(['/', '/agencies']);
    expect(paths(['province_viewer'])).toEqual(['/']);
    expect(paths(['platform_admin'])).toEqual(['/']);
  });

  it('unions the grants of several roles', () => {
    expect(paths(['agency_staff', 'community_officer'])).toContain('/org');
  });

  it('answers write permissions from the matrix', () => {
    expect(allowed(['program_office'], 'directory.unit.write')).toBe(true);
    expect(allowed(['bureau_leader'], 'directory.unit.write')).toBe(false);
    expect(allowed(['governance_office'], 'directory.agency.write')).toBe(true);
    expect(allowed(['station_chief'], 'directory.officer.write')).toBe(false);
  });
});

describe('selectedNav', () => {
  it('selects the menu entry of a path', () => {
    expect(selectedNav('/')).toBe('/');
    expect(selectedNav('/org')).toBe('/org');
    expect(selectedNav('/officers/x')).toBe('/officers');
    expect(selectedNav('/organisation')).toBe('/');
  });
});
