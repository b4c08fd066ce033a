import { INITIAL_STATUS, type MatterCategory, type MatterIntakeInput, type Severity, type Village } from '@beatlink/shared';
import type { StoredMatter, StoredReporter } from '../../data/matters';
import type { Actor } from './matter-events';

/**
 * A matter as it is first stored (录入, status `INITIAL_STATUS`): the one place that decides a new
 * matter's fields, for the field and office intake (intake.ts) and for an office's intake that is
 * triaged and assigned at once (assigned-intake.ts).
 */
export interface NewMatterFields extends Pick<MatterIntakeInput, 'kind' | 'source' | 'description' | 'occurredAt' | 'location' | 'address'> {
  title?: string;
  severity: Severity;
  /** Sealed already (the clear phone is never stored). */
  reporter?: StoredReporter;
  attachmentIds?: string[];
}

export function newStoredMatter(tenantId: string, id: string, fields: NewMatterFields, village: Village, category: Pick<MatterCategory, 'id' | 'name'>, actor: Actor, at: string): StoredMatter {
  return {
    id,
    tenantId,
    kind: fields.kind,
    source: fields.source,
    status: INITIAL_STATUS,
    title: fields.title || `${category.name}：${fields.description.length > 24 ? `${fields.description.slice(0, 24)}…` : fields.description}`,
    description: fields.description,
    categoryId: category.id,
    categoryName: category.name,
    severity: fields.severity,
    linkage: false,
    villageId: village.id,
    villageName: village.name,
    officeId: village.officeId,
    workstationId: village.workstationId,
    stationId: village.stationId,
    ...(fields.reporter ? { reporter: fields.reporter } : {}),
    ...(fields.location ? { location: fields.location } : {}),
    ...(fields.address ? { address: fields.address } : {}),
    occurredAt: fields.occurredAt,
    attachmentIds: fields.attachmentIds ?? [],
    mergedCount: 0,
    supervision: { escalationLevel: 0, urgeCount: 0 },
    returnCount: 0,
    reopenCount: 0,
    createdByName: actor.name,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.username,
    updatedBy: actor.username,
  };
}
