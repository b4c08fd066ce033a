import { UNIT_LABELS } from '@beatlink/shared';
import type { RecordQuery } from '../../data/directory-records';
import { invalidField } from '../../lib/app-error';
import { defaultDeps } from '../deps';
import type { OfficeRecord, VillageRecord, WorkstationRecord } from './records';
import type { ListInput, ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

function villageListQuery(query: ListInput): RecordQuery {
  const officeId = typeof query.officeId === 'string' ? query.officeId : undefined;
  if (typeof query.workstationId === 'string') {
    return {
      under: { index: 'gsi2', parent: 'workstation', parentId: query.workstationId },
      filter: officeId ? { attr: 'officeId', eq: officeId } : undefined,
    };
  }
  return officeId ? { under: { index: 'gsi1', parent: 'office', parentId: officeId } } : {};
}

/** Every village is covered by exactly one office and one of that office's workstations. */
export const villageDefinition: ResourceDefinition<VillageRecord> = {
  kind: 'village',
  label: UNIT_LABELS.village,
  async resolve(village, io) {
    const [office, workstation] = await Promise.all([
      io.units.requireActive<OfficeRecord>('office', village.officeId, 'officeId'),
      io.units.requireActive<WorkstationRecord>('workstation', village.workstationId, 'workstationId'),
    ]);
    if (workstation.officeId !== office.id) {
      throw invalidField('workstationId', '该警务工作站不属于所选警务室 / the workstation does not belong to the office');
    }
    return { ...village, stationId: office.stationId };
  },
  claims: (village) => [
    { type: 'count', unit: 'office', unitId: village.officeId, attr: 'activeVillageCount', holder: village.id, path: 'officeId' },
    { type: 'count', unit: 'workstation', unitId: village.workstationId, attr: 'activeVillageCount', holder: village.id, path: 'workstationId' },
  ],
  listQuery: villageListQuery,
};

export const villages = resourceService(villageDefinition, defaultDeps);
