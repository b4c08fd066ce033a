import { INITIAL_STATUS, newId, open311TokenOf, type PublicMatterCreateInput, type PublicMatterCreated } from '@beatlink/shared';
import { putDisputeOp, putEventOp, putMatterOp, type StoredMatter } from '../../data/matters';
import { runTransaction, type TxOp } from '../../data/repository';
import { invalidField } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { integratorUsername, type Integrator } from '../../lib/integrator';
import { integratorContext } from '../../lib/integrator-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { countyVillages } from './county-villages';
import { initialDisputeRecord } from './disputes';
import type { Actor } from './matter-events';
import { timelineEvent } from './matter-events';
import { loadMatterRules, requireCategory } from './matter-rules';
import { newStoredMatter } from './new-matter';
import { PHONE_PURPOSES, sealPhone } from './phones';
import { publicMatterView } from './public-view';
import { VILLAGE_NOT_RESOLVED, resolveVillage, type VillageHintField } from './village-resolution';

/** The request fields errors name: v1's own by default; Open311 passes its form's names. */
export type IntakeFieldNames = Partial<Record<VillageHintField | 'categoryId', string>>;

/** Who an integrator's intake is recorded as: its key, by the key's name, in the role `integrator`. */
export function integratorActor(integrator: Integrator): Actor {
  return { username: integratorUsername(integrator), name: integrator.keyName, role: 'integrator' };
}

/**
 * 接口录入: a matter from an integrator's system (12345 hotline, grid platform) enters triage exactly
 * like one taken in by the office — the same new-matter fields, its `created` event in the same
 * transaction, its dispute record for kind `dispute`, the reporter's phone sealed — with source
 * `hotline`, the key as the actor, and the integrator's own reference kept as `externalId`. The
 * village comes from the id, the division code, the point (nearest within 5 km) or the address.
 */
export async function createMatterFromIntegrator(
  integrator: Integrator,
  input: PublicMatterCreateInput,
  options: { fields?: IntakeFieldNames; deps?: Pick<ServiceDeps, 'clock'> } = {},
): Promise<PublicMatterCreated> {
  const { clock } = options.deps ?? defaultDeps();
  const fields = options.fields ?? {};
  const ctx = integratorContext(integrator);
  const [{ config }, villages] = await Promise.all([loadMatterRules(ctx.tenantId), countyVillages(ctx, clock.now().getTime())]);
  const category = requireCategory(config, input.categoryId, fields.categoryId ?? 'categoryId', { active: true });
  const resolved = resolveVillage(villages, input);
  if ('field' in resolved) throw invalidField(fields[resolved.field] ?? resolved.field, VILLAGE_NOT_RESOLVED[resolved.field]);
  const { village } = resolved;

  const at = isoNow(clock);
  const actor = integratorActor(integrator);
  const id = newId('matter', Date.parse(at));
  const reporter = input.reporter ? { name: input.reporter.name, ...(await sealPhone(ctx.tenantId, input.reporter.phone, PHONE_PURPOSES.reporter)) } : undefined;
  const fieldsOfMatter = {
    kind: input.kind,
    source: 'hotline' as const,
    description: input.description,
    occurredAt: input.occurredAt ?? at,
    ...(input.title ? { title: input.title } : {}),
    ...(input.location ? { location: input.location } : {}),
    ...(input.address ? { address: input.address } : {}),
    severity: input.severity ?? 'medium',
    reporter,
  };
  const matter: StoredMatter = {
    ...newStoredMatter(ctx.tenantId, id, fieldsOfMatter, village, category, actor, at),
    ...(input.externalId ? { externalId: input.externalId } : {}),
  };

  const ops: TxOp[] = [
    putMatterOp(matter, undefined),
    putEventOp(ctx.tenantId, timelineEvent(id, 'created', actor, at, { to: INITIAL_STATUS, data: { kind: matter.kind, categoryId: matter.categoryId, source: matter.source } })),
  ];
  if (matter.kind === 'dispute') {
    ops.push(putDisputeOp(ctx.tenantId, await initialDisputeRecord(ctx.tenantId, matter, undefined, input.reporter?.phone, at, actor.username), undefined));
  }
  await runTransaction(ops);
  return { ...publicMatterView(matter, config), token: open311TokenOf(id) };
}
