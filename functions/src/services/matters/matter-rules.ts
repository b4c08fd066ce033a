import { DEFAULT_TENANT_CONFIG, type MatterConfig } from '@beatlink/shared';
import { getConfigRecord } from '../../data/tenant-config';
import { invalidField } from '../../lib/app-error';

export interface MatterRules {
  config: MatterConfig;
  timeZone: string;
}

/** The county's matter rules (categories, routing, SLA, escalation) and its time zone. */
export async function loadMatterRules(tenantId: string): Promise<MatterRules> {
  const record = await getConfigRecord(tenantId);
  return { config: record?.matters ?? DEFAULT_TENANT_CONFIG.matters, timeZone: record?.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone };
}

/** A category of the county's table; at intake it must also be active. */
export function requireCategory(config: MatterConfig, categoryId: string, path: string, options: { active: boolean }) {
  const category = config.categories.find((c) => c.id === categoryId);
  if (!category) throw invalidField(path, `未知的事项分类：${categoryId} / unknown category`);
  if (options.active && !category.active) throw invalidField(path, `事项分类“${category.name}”已停用 / the category is no longer used`);
  return category;
}
