import { describe, expect, it } from 'vitest';
import { DUTY_ROLES } from '@beatlink/shared/duty/labels';
import { PERMISSIONS } from '@beatlink/shared/permissions';
import type { Role } from '@beatlink/shared/roles';
import { DUTY_ROLE_NAMES, DUTY_TAB, FIELD_TABS, activeTab, collectLinks, dutyLinks, fieldTabs } from './nav';

const as = (role: Role) => ({ roles: [role], permissions: PERMISSIONS[role] });

describe('field tabs', () => {
  it('lead to 录入, 我的事项 and 我的, and light up the right one', () => {
    expect(FIELD_TABS.map((t) => t.href)).toEqual(['/m/intake', '/m/matters', '/m']);
    expect(activeTab('/m/intake')).toBe('/m/intake');
    expect(activeTab('/m/matters')).toBe('/m/matters');
    expect(activeTab('/m/matter')).toBe('/m/matters');
    expect(activeTab('/m')).toBe('/m');
    expect(activeTab('/m/other')).toBe('/m');
  });

  it('add 本周 for officers with village duty, which lights up on the duty pages', () => {
    const tabs = fieldTabs(as('community_officer'));
    expect(tabs.map((t) => t.href)).toEqual(['/m/intake', '/m/matters', '/m/duty', '/m']);
    expect(fieldTabs(as('contact_officer'))).toContainEqual(DUTY_TAB);
    expect(fieldTabs(as('station_chief')).map((t) => t.href)).toEqual(['/m/intake', '/m/matters', '/m']);
    expect(fieldTabs(undefined)).toHaveLength(3);
    for (const page of ['/m/duty', '/m/visit', '/m/absence']) expect(activeTab(page, tabs)).toBe('/m/duty');
    expect(activeTab('/m/visit', FIELD_TABS)).toBe('/m');
  });
});

describe('duty links on the field home', () => {
  it('give officers their week, check-in and 报备; a station chief check-in only; others nothing', () => {
    expect(dutyLinks(as('community_officer')).map((l) => l.href)).toEqual(['/m/duty', '/m/visit', '/m/absence']);
    expect(dutyLinks(as('contact_officer')).map((l) => l.href)).toEqual(['/m/duty', '/m/visit', '/m/absence']);
    expect(dutyLinks(as('station_chief')).map((l) => l.href)).toEqual(['/m/visit']);
    expect(dutyLinks({ roles: ['station_chief'], permissions: {} })).toEqual([]);
    expect(dutyLinks(as('auxiliary'))).toEqual([]);
    expect(dutyLinks(as('program_office'))).toEqual([]);
  });

  it('know the same duty roles as the shared vocabulary', () => {
    expect([...DUTY_ROLE_NAMES]).toEqual([...DUTY_ROLES]);
  });
});

describe('collection links on the field home', () => {
  it('give officers and auxiliaries 信息采集 and 住户登记 by the permission matrix; others nothing', () => {
    for (const role of ['community_officer', 'contact_officer', 'auxiliary'] as const) {
      expect(collectLinks(as(role)).map((l) => l.href)).toEqual(['/m/collect', '/m/households']);
    }
    expect(collectLinks(as('station_chief'))).toEqual([]);
    expect(collectLinks({ roles: ['auxiliary'], permissions: { 'registry.write': 'unit' } }).map((l) => l.href)).toEqual(['/m/households']);
  });

  it('belong to the 我的 tab', () => {
    expect(activeTab('/m/collect', fieldTabs(as('community_officer')))).toBe('/m');
    expect(activeTab('/m/households')).toBe('/m');
  });
});
