import { INITIAL_STATUS, INTAKE_ROLES, newId, type MatterCreated, type MatterIntakeInput, type Role, type Village } from '@beatlink/shared';
import { putDisputeOp, putEventOp, putMatterOp, type StoredMatter } from '../../data/matters';
import { runTransaction, type TxOp } from '../../data/repository';
import { forbidden } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { linkAttachmentOps } from '../attachments/attachments';
import { outsideReach, villageInReach } from '../directory/village-reach';
import { defaultDeps, type ServiceDeps } from '../deps';
import { requireVillage } from './directory-lookup';
import { initialDisputeRecord } from './disputes';
import { duplicatesOf } from './duplicates';
import { toMatterView, viewerOf } from './matter-access';
import { timelineEvent, userActor } from './matter-events';
import { loadMatterRules, requireCategory } from './matter-rules';
import { newStoredMatter } from './new-matter';
import { PHONE_PURPOSES, sealPhone } from './phones';

/** The village must lie in the caller's reach: his station, office or workstation, or anywhere for the offices. */
function checkVillageInReach(ctx: TenantScopedContext, village: Village): void {
  if (!villageInReach(ctx, village)) throw outsideReach(village);
}

function intakeRole(ctx: TenantScopedContext): Role {
  const role = ctx.roles.find((r) => (INTAKE_ROLES as readonly Role[]).includes(r));
  if (!role) throw forbidden();
  return role;
}

/**
 * 录入: a new matter in triage, with its timeline's first event, its dispute record (kind
 * `dispute`) and its attachments linked — one transaction. Answers with likely duplicates.
 */
export async function createMatter(ctxIn: TenantContext, input: MatterIntakeInput, deps: ServiceDeps = defaultDeps()): Promise<MatterCreated> {
  const ctx = requireTenant(ctxIn);
  const role = intakeRole(ctx);
  const [{ config }, village] = await Promise.all([loadMatterRules(ctx.tenantId), requireVillage(ctx, input.villageId)]);
  const category = requireCategory(config, input.categoryId, 'categoryId', { active: true });
  checkVillageInReach(ctx, village);

  const at = isoNow(deps.clock);
  const actor = await userActor(ctx, role, deps);
  const id = newId('matter', Date.parse(at));
  const severity = input.severity ?? input.dispute?.riskLevel ?? 'medium';
  const reporter = input.reporter ? { name: input.reporter.name, ...(await sealPhone(ctx.tenantId, input.reporter.phone, PHONE_PURPOSES.reporter)) } : undefined;
  const matter: StoredMatter = newStoredMatter(ctx.tenantId, id, { ...input, severity, reporter }, village, category, actor, at);

  // Looked up while the transaction runs; handled at once so a failed write leaves no stray rejection.
  const duplicates = duplicatesOf(ctx.tenantId, matter, config.duplicates, viewerOf(ctx));
  duplicates.catch(() => undefined);
  const ops: TxOp[] = [
    putMatterOp(matter, undefined),
    putEventOp(ctx.tenantId, timelineEvent(id, 'created', actor, at, { to: INITIAL_STATUS, data: { kind: matter.kind, categoryId: matter.categoryId, source: matter.source } })),
  ];
  if (matter.kind === 'dispute') {
    ops.push(putDisputeOp(ctx.tenantId, await initialDisputeRecord(ctx.tenantId, matter, input.dispute, input.reporter?.phone, at, ctx.username), undefined));
  }
  if (matter.attachmentIds.length > 0) ops.push(...(await linkAttachmentOps(ctx, matter.attachmentIds, { kind: 'matter', id }, 'attachmentIds')));

  await runTransaction(ops);
  return { ...toMatterView(matter), duplicates: await duplicates };
}
