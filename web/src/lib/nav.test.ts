import { describe, expect, it } from 'vitest';
import { allowed, navFor, selectedNav } from './nav';

const paths = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((item) => item.path);

describe('navFor', () => {
  it('shows each role the pages the permission matrix grants it', () => {
    const directory = ['/', '/org', '/officers', '/departments', '/agencies'];
    expect(paths(['program_office'])).toEqual([...directory, '/matters', '/matters/overdue', '/agency', '/disputes', '/settings/matters']);
    expect(paths(['bureau_leader'])).toEqual([...directory, '/matters', '/matters/overdue', '/disputes', '/settings/matters']);
    expect(paths(['governance_office'])).toEqual([...directory, '/matters', '/matters/overdue', '/agency', '/disputes']);
    expect(paths(['station_chief'])).toEqual([...directory, '/matters', '/matters/overdue']);
    expect(paths(['community_officer'])).toEqual([...directory, '/matters']);
    expect(paths(['auxiliary'])).toEqual([...directory, '/matters']);
    expect(paths(['agency_staff'])).toEqual(['/', '/agencies', '/agency']);
    expect(paths(['province_viewer'])).toEqual(['/']);
    expect(paths(['platform_admin'])).toEqual(['/']);
  });

  it('labels the linkage workspace for the offices and the agencies', () => {
    const label = (roles: Parameters<typeof navFor>[0]) => navFor(roles).find((item) => item.path === '/agency')?.label;
    expect(label(['agency_staff'])).toBe('成员单位工作台');
    expect(label(['governance_office'])).toBe('综治联动');
    expect(label(['program_office'])).toBe('综治联动');
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

  it('prefers the most specific entry', () => {
    expect(selectedNav('/matters')).toBe('/matters');
    expect(selectedNav('/matters/view')).toBe('/matters');
    expect(selectedNav('/matters/overdue')).toBe('/matters/overdue');
    expect(selectedNav('/settings/matters')).toBe('/settings/matters');
    expect(selectedNav('/agency')).toBe('/agency');
    expect(selectedNav('/agencies')).toBe('/agencies');
  });
});
