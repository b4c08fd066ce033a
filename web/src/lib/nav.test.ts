import { describe, expect, it } from 'vitest';
import { INTEGRATIONS_GROUP, NAV_ITEMS, allowed, navEntries, navFor, selectedNav } from './nav';

const paths = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((item) => item.path);

describe('navFor', () => {
  it('shows each role the pages the permission matrix grants it', () => {
    const directory = ['/', '/org', '/officers', '/departments', '/agencies'];
    const duty = ['/duty/absences', '/duty/compliance'];
    const registry = ['/villages', '/intel'];
    const analysis = ['/reports', '/sensitive-periods'];
    const assessment = ['/assessment/scores', '/assessment/appeals', '/assessment/spot-checks', '/assessment/rules', '/assessment/agencies'];
    const integrations = ['/integrations/api-keys', '/integrations/webhooks', '/integrations/docs'];
    expect(paths(['program_office'])).toEqual([...directory, '/matters', '/matters/overdue', '/agency', '/disputes', ...registry, ...duty, ...analysis, ...assessment, '/notifications', '/settings/matters', ...integrations, '/dev/outbox']);
    expect(paths(['bureau_leader'])).toEqual([...directory, '/matters', '/matters/overdue', '/disputes', ...registry, ...duty, ...analysis, '/assessment/scores', '/assessment/appeals', '/assessment/rules', '/assessment/agencies', '/notifications', '/settings/matters', ...integrations]);
    expect(paths(['governance_office'])).toEqual([...directory, '/matters', '/matters/overdue', '/agency', '/disputes', '/villages', ...analysis, '/assessment/agencies', '/notifications']);
    expect(paths(['station_chief'])).toEqual([...directory, '/matters', '/matters/overdue', ...registry, ...duty, ...analysis, '/assessment/scores', '/assessment/appeals', '/assessment/rules', '/notifications']);
    expect(paths(['community_officer'])).toEqual([...directory, '/matters', '/reports', '/assessment/scores', '/assessment/appeals', '/notifications']);
    expect(paths(['auxiliary'])).toEqual([...directory, '/matters', '/notifications']);
    expect(paths(['agency_staff'])).toEqual(['/', '/agencies', '/agency', '/assessment/agencies', '/notifications']);
    expect(paths(['province_viewer'])).toEqual(['/', '/province']);
    expect(paths(['platform_admin'])).toEqual(['/']);
  });

  it('labels the linkage workspace for the offices and the agencies', () => {
    const label = (roles: Parameters<typeof navFor>[0]) => navFor(roles).find((item) => item.path === '/agency')?.label;
    expect(label(['agency_staff'])).toBe('成员单位工作台');
    expect(label(['governance_office'])).toBe('综治联动');
    expect(label(['program_office'])).toBe('综治联动');
  });

  it('shows the duty pages to the offices that follow duty, not to the officers (their week is on the phone)', () => {
    const label = (path: string) => NAV_ITEMS.find((item) => item.path === path)?.label;
    expect(label('/duty/absences')).toBe('报备审批');
    expect(label('/duty/compliance')).toBe('履职考核');
    for (const role of ['community_officer', 'contact_officer', 'governance_office', 'auxiliary'] as const) {
      expect(paths([role]).filter((p) => p.startsWith('/duty'))).toEqual([]);
    }
    // Every role the duty pages are shown to may read duty.
    for (const role of ['program_office', 'bureau_leader', 'station_chief'] as const) expect(allowed([role], 'duty.read')).toBe(true);
  });

  it('shows the village profiles and the information store to the offices that may read them, not to the officers (they collect on the phone)', () => {
    const label = (path: string) => NAV_ITEMS.find((item) => item.path === path)?.label;
    expect(label('/villages')).toBe('村情档案');
    expect(label('/intel')).toBe('信息采集');
    for (const role of ['community_officer', 'contact_officer', 'auxiliary', 'agency_staff', 'province_viewer'] as const) {
      expect(paths([role]).filter((p) => p === '/villages' || p === '/intel')).toEqual([]);
    }
    // The menu follows the matrix: every role shown a page may read what it lists.
    for (const role of ['program_office', 'bureau_leader', 'station_chief', 'governance_office'] as const) {
      expect(allowed([role], 'registry.read')).toBe(true);
      expect(paths([role]).includes('/intel')).toBe(allowed([role], 'intel.read'));
    }
  });

  it('answers the reveal permissions from the matrix (auxiliaries never see a number in clear)', () => {
    expect(allowed(['program_office'], 'intel.reveal')).toBe(true);
    expect(allowed(['station_chief'], 'registry.reveal')).toBe(true);
    expect(allowed(['auxiliary'], 'intel.reveal')).toBe(false);
    expect(allowed(['auxiliary'], 'registry.reveal')).toBe(false);
    expect(allowed(['governance_office'], 'registry.reveal')).toBe(false);
    expect(allowed(['bureau_leader'], 'intel.verify')).toBe(false);
    expect(allowed(['station_chief'], 'intel.verify')).toBe(true);
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

describe('the analysis and notification pages', () => {
  it('follow the matrix: reports for analysis.read, the outbox for the program office only', () => {
    for (const role of ['program_office', 'bureau_leader', 'governance_office', 'station_chief', 'community_officer', 'contact_officer'] as const) {
      expect(allowed([role], 'analysis.read')).toBe(true);
      expect(paths([role])).toContain('/reports');
    }
    expect(allowed(['bureau_leader'], 'analysis.manage')).toBe(true);
    expect(allowed(['program_office'], 'analysis.manage')).toBe(true);
    expect(allowed(['station_chief'], 'analysis.manage')).toBe(false);
    expect(paths(['contact_officer'])).not.toContain('/sensitive-periods');
    expect(paths(['bureau_leader'])).not.toContain('/dev/outbox');
  });

  it('select their entries for their detail pages', () => {
    expect(selectedNav('/reports/view')).toBe('/reports');
    expect(selectedNav('/sensitive-periods')).toBe('/sensitive-periods');
    expect(selectedNav('/notifications')).toBe('/notifications');
    expect(selectedNav('/dev/outbox')).toBe('/dev/outbox');
  });
});

describe('the assessment pages', () => {
  it('follow the matrix: rankings and appeals for assessment.read, spot checks for the office, the rules page not for officers', () => {
    expect(paths(['contact_officer'])).toEqual(expect.arrayContaining(['/assessment/scores', '/assessment/appeals']));
    expect(paths(['contact_officer'])).not.toContain('/assessment/rules');
    expect(paths(['contact_officer'])).not.toContain('/assessment/spot-checks');
    expect(paths(['bureau_leader'])).not.toContain('/assessment/spot-checks');
    expect(paths(['agency_staff'])).toContain('/assessment/agencies');
    expect(paths(['auxiliary']).filter((p) => p.startsWith('/assessment'))).toEqual([]);
    expect(paths(['province_viewer']).filter((p) => p.startsWith('/assessment'))).toEqual([]);
  });

  it('select their entries', () => {
    expect(selectedNav('/assessment/scores')).toBe('/assessment/scores');
    expect(selectedNav('/assessment/spot-checks')).toBe('/assessment/spot-checks');
    expect(selectedNav('/assessment')).toBe('/');
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

  it('selects the village profiles and the information store for their detail pages', () => {
    expect(selectedNav('/villages')).toBe('/villages');
    expect(selectedNav('/villages/view')).toBe('/villages');
    expect(selectedNav('/intel')).toBe('/intel');
    expect(selectedNav('/intel/view')).toBe('/intel');
    expect(selectedNav('/intelligence')).toBe('/');
  });

  it('selects the board for one officer\'s week', () => {
    expect(selectedNav('/duty/absences')).toBe('/duty/absences');
    expect(selectedNav('/duty/compliance')).toBe('/duty/compliance');
    expect(selectedNav('/duty/officer')).toBe('/duty/compliance');
    expect(selectedNav('/duty/officers')).toBe('/');
  });
});

describe('the integration pages', () => {
  it('are one menu group, shown to the roles granted integration.manage only', () => {
    const entries = navEntries(navFor(['program_office']));
    const group = entries.find((e) => e.kind === 'group');
    expect(group).toEqual({ kind: 'group', label: INTEGRATIONS_GROUP, items: expect.any(Array) });
    expect(group?.kind === 'group' && group.items.map((i) => [i.path, i.label])).toEqual([
      ['/integrations/api-keys', '接口密钥'],
      ['/integrations/webhooks', '事件推送'],
      ['/integrations/docs', '接口文档'],
    ]);
    // Ungrouped items stay single entries, in order.
    expect(entries.filter((e) => e.kind === 'item').map((e) => e.kind === 'item' && e.item.path)).toEqual(navFor(['program_office']).filter((i) => !i.group).map((i) => i.path));
    for (const role of ['station_chief', 'governance_office', 'community_officer', 'agency_staff', 'province_viewer', 'platform_admin'] as const) {
      expect(paths([role]).filter((p) => p.startsWith('/integrations'))).toEqual([]);
      expect(allowed([role], 'integration.manage')).toBe(false);
    }
    expect(selectedNav('/integrations/webhooks')).toBe('/integrations/webhooks');
  });
});
