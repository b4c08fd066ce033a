import { UNIT_LABELS } from '@beatlink/shared';
import { defaultDeps } from '../deps';
import type { OfficeRecord, WorkstationRecord } from './records';
import type { ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

export const workstationDefinition: ResourceDefinition<WorkstationRecord> = {
  kind: 'workstation',
  label: UNIT_LABELS.workstation,
  initial: { activeVillageCount: 0 },
  // A workstation never changes office; on creation it takes its office's station.
  async resolve(workstation, io) {
    if (io.previous) return workstation;
    const office = await io.units.requireActive<OfficeRecord>('office', workstation.officeId, 'officeId');
    return { ...workstation, stationId: office.stationId };
  },
  claims: (workstation, rules) => [
    {
      type: 'count',
      unit: 'office',
      unitId: workstation.officeId,
      attr: 'activeWorkstationCount',
      holder: workstation.id,
      path: 'officeId',
      max: rules.maxWorkstationsPerOffice,
      limitMessage: `该警务室的警务工作站已达上限（${rules.maxWorkstationsPerOffice} 个） / the office already has ${rules.maxWorkstationsPerOffice} workstations`,
      min: rules.minWorkstationsPerOffice,
      minMessage: `警务室至少需要 ${rules.minWorkstationsPerOffice} 个启用的警务工作站 / an office needs at least ${rules.minWorkstationsPerOffice} active workstations`,
    },
  ],
  blockers: [
    { attr: 'activeVillageCount', type: 'count', message: '该警务工作站仍覆盖启用的村/社区 / the workstation still covers active villages' },
    { attr: 'contactOfficerId', type: 'slot', message: '该警务工作站仍有包村民警 / the workstation still has a contact officer' },
  ],
  listQuery: (query) =>
    typeof query.officeId === 'string' ? { under: { index: 'gsi1', parent: 'office', parentId: query.officeId } } : {},
};

export const workstations = resourceService(workstationDefinition, defaultDeps);
