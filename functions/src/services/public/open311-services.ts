import { open311ServiceDefinitionOf, open311ServicesOf, type Open311Service, type Open311ServiceDefinition } from '@beatlink/shared';
import { notFound } from '../../lib/app-error';
import type { Integrator } from '../../lib/integrator';
import { loadMatterRules } from '../matters/matter-rules';

/** Open311 services: the key's county's active matter categories. */
export async function listOpen311Services(integrator: Pick<Integrator, 'tenantId'>): Promise<Open311Service[]> {
  const { config } = await loadMatterRules(integrator.tenantId);
  return open311ServicesOf(config);
}

/** A service definition: an active category's attributes; an unknown or inactive code is 404. */
export async function getOpen311ServiceDefinition(integrator: Pick<Integrator, 'tenantId'>, serviceCode: string): Promise<Open311ServiceDefinition> {
  const { config } = await loadMatterRules(integrator.tenantId);
  const category = config.categories.find((c) => c.id === serviceCode && c.active);
  if (!category) throw notFound('service_code', '没有该服务类型 / service_code was not found');
  return open311ServiceDefinitionOf(category);
}
