import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS } from '../directory/labels';
import { DEFAULT_MATTER_CONFIG, matterConfigSchema, routeFor, type MatterConfig } from './config';
import { SEVERITIES } from './kinds';

function paths(config: unknown): string[] {
  const result = matterConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}
const clone = (): MatterConfig => structuredClone(DEFAULT_MATTER_CONFIG);

describe('default matter configuration', () => {
  it('is valid', () => {
    expect(paths(DEFAULT_MATTER_CONFIG)).toEqual([]);
  });
  it('has the Chinese categories of the seed county, each routed with an SLA per severity', () => {
    const names = DEFAULT_MATTER_CONFIG.categories.map((c) => c.name);
    for (const name of ['治安', '交通', '邻里纠纷', '婚姻家庭', '土地山林', '劳资', '民政救助', '户籍证件', '环境卫生', '基础设施']) {
      expect(names).toContain(name);
    }
    for (const { id } of DEFAULT_MATTER_CONFIG.categories) {
      const route = routeFor(DEFAULT_MATTER_CONFIG, id);
      expect(route).toBeDefined();
      if (route?.target === 'agency') expect(AGENCY_KINDS).toContain(route.agencyKind);
      for (const severity of SEVERITIES) expect(DEFAULT_MATTER_CONFIG.sla[id]?.[severity]?.acceptHours).toBeGreaterThan(0);
    }
  });
  it('escalates officer → station chief → program office → governance office / bureau leader', () => {
    expect(DEFAULT_MATTER_CONFIG.escalation.police.map((l) => l.roles)).toEqual([
      ['community_officer', 'contact_officer'],
      ['station_chief'],
      ['program_office'],
      ['governance_office', 'bureau_leader'],
    ]);
  });
});

describe('matter configuration validation names the field', () => {
  it('a category without a route or SLA', () => {
    const config = clone();
    config.categories.push({ id: 'fire_safety', name: '消防安全', active: true });
    expect(paths(config)).toEqual(['routing.fire_safety', 'sla.fire_safety']);
  });
  it('a route or SLA for an unknown category', () => {
    const config = clone();
    config.routing.ghost = { target: 'police', unitType: 'station' };
    expect(paths(config)).toEqual(['routing.ghost']);
  });
  it('a duplicate category id', () => {
    const config = clone();
    config.categories.push({ ...config.categories[0]!, name: '治安2' });
    expect(paths(config)).toEqual([`categories.${config.categories.length - 1}.id`]);
  });
  it('hours that are not positive, and feedback before acceptance', () => {
    const config = clone();
    config.sla.traffic!.high = { acceptHours: 0, feedbackHours: 12 };
    config.sla.labour!.low = { acceptHours: 48, feedbackHours: 24 };
    expect(paths(config)).toEqual(['sla.traffic.high.acceptHours', 'sla.labour.low.feedbackHours']);
  });
  it('a missing severity', () => {
    const config = clone() as unknown as { sla: Record<string, Record<string, unknown>> };
    delete config.sla.traffic!.medium;
    expect(paths(config)).toEqual(['sla.traffic.medium']);
  });
  it('an unknown agency kind, a bad category id, a descending ladder', () => {
    const config = clone() as unknown as Record<string, unknown> & MatterConfig;
    (config.routing as Record<string, unknown>).labour = { target: 'agency', agencyKind: 'police' };
    config.escalation.police[2]!.afterOverdueHours = 100;
    expect(paths(config)).toEqual(['routing.labour.agencyKind', 'escalation.police.3.afterOverdueHours']);
    expect(paths({ ...clone(), categories: [{ id: 'Public Order', name: '治安', active: true }] })).toContain('categories.0.id');
  });
});
