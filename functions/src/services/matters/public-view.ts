import {
  MATTER_STATUS_LABELS,
  activeDeadline,
  addHours,
  open311StatusOf,
  type MatterConfig,
  type PublicMatterView,
} from '@beatlink/shared';
import { getMatterRecord, type StoredMatter } from '../../data/matters';
import { loadMatterRules } from './matter-rules';

/** Who answers for a matter nobody holds yet: the county's program office triages it. */
const UNASSIGNED_RESPONSIBLE = '县公安局“一村一警”活动办';

/**
 * The matter as integrators see it (REST v1, Open311, webhook payloads): status, category,
 * village, who is responsible and when it is expected — never the reporter, the description or
 * a party. `expectedAt` is the running deadline, or for a matter not yet assigned the SLA's
 * feedback hours counted from its intake (an estimate).
 */
export function publicMatterView(matter: StoredMatter & { externalId?: string }, config: Pick<MatterConfig, 'sla'>): PublicMatterView {
  const running = activeDeadline(matter);
  const sla = config.sla[matter.categoryId]?.[matter.severity];
  const estimate = matter.status === 'triage' || matter.status === 'reopened' ? (sla ? addHours(matter.createdAt, sla.feedbackHours) : undefined) : undefined;
  const expectedAt = running ?? (matter.status === 'feedback_given' || matter.status === 'verified' ? matter.feedbackBy : estimate);
  return {
    id: matter.id,
    status: matter.status,
    open311Status: open311StatusOf(matter.status),
    statusLabel: MATTER_STATUS_LABELS[matter.status].zh,
    kind: matter.kind,
    categoryId: matter.categoryId,
    categoryName: matter.categoryName,
    severity: matter.severity,
    villageId: matter.villageId,
    villageName: matter.villageName,
    agencyResponsible: matter.holder?.name ?? UNASSIGNED_RESPONSIBLE,
    ...(expectedAt ? { expectedAt } : {}),
    ...(matter.outcome ? { outcome: matter.outcome } : {}),
    ...(matter.mergedInto ? { mergedInto: matter.mergedInto } : {}),
    ...(matter.externalId ? { externalId: matter.externalId } : {}),
    createdAt: matter.createdAt,
    updatedAt: matter.updatedAt,
    ...(matter.closedAt ? { closedAt: matter.closedAt } : {}),
  };
}

/** One matter of a county as integrators see it, or undefined (another county's id finds nothing). */
export async function loadPublicMatter(tenantId: string, matterId: string): Promise<{ view: PublicMatterView; matter: StoredMatter } | undefined> {
  const [matter, rules] = await Promise.all([getMatterRecord(tenantId, matterId), loadMatterRules(tenantId)]);
  return matter ? { view: publicMatterView(matter, rules.config), matter } : undefined;
}
