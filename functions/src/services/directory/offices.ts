import { UNIT_LABELS } from '@beatlink/shared';
import { listAllRecords, updateRecordOp } from '../../data/directory-records';
import { conflict } from '../../lib/app-error';
import { defaultDeps } from '../deps';
import type { OfficeRecord, WorkstationRecord } from './records';
import type { Cascade, ResolveIo, ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

/**
 * An office's workstations go with it: they may not be left below the office's minimum while it
 * is active, so deactivating an office (without villages or officers) deactivates its empty
 * workstations in the same transaction.
 */
async function deactivateWorkstations(office: OfficeRecord, io: ResolveIo<OfficeRecord>): Promise<Cascade> {
  const workstations = await listAllRecords<WorkstationRecord>(io.ctx, 'workstation', {
    under: { index: 'gsi1', parent: 'office', parentId: office.id },
    filter: { attr: 'status', eq: 'active' },
  });
  const staffed = workstations.find((w) => w.contactOfficerId !== undefined);
  if (staffed) {
    throw conflict('activeWorkstationCount', `警务工作站「${staffed.name}」仍有包村民警 / workstation ${staffed.id} still has a contact officer`);
  }
  const changed = conflict('activeWorkstationCount', '警务工作站已被同时修改，请重试 / a workstation changed concurrently, retry');
  const ops = workstations.map((w) =>
    updateRecordOp(
      io.ctx,
      'workstation',
      w.id,
      { set: { status: 'inactive', version: w.version + 1, updatedAt: io.now, updatedBy: io.ctx.username } },
      {
        and: [
          { attr: 'version', eq: w.version },
          { attr: 'status', eq: 'active' },
          { attr: 'contactOfficerId', exists: false },
          { or: [{ attr: 'activeVillageCount', exists: false }, { attr: 'activeVillageCount', eq: 0 }] },
        ],
      },
      changed,
    ),
  );
  const undo = workstations.map((w) =>
    updateRecordOp(
      io.ctx,
      'workstation',
      w.id,
      { set: { status: 'active', version: w.version, updatedAt: w.updatedAt, updatedBy: w.updatedBy } },
      { attr: 'version', eq: w.version + 1 },
      changed,
    ),
  );
  return { ops, undo, set: { activeWorkstationCount: 0 }, conditions: [{ attr: 'activeWorkstationCount', eq: workstations.length }] };
}

export const officeDefinition: ResourceDefinition<OfficeRecord> = {
  kind: 'office',
  label: UNIT_LABELS.office,
  initial: { activeWorkstationCount: 0, activeVillageCount: 0, auxiliaryCount: 0 },
  claims: (office) => [
    { type: 'count', unit: 'station', unitId: office.stationId, attr: 'activeOfficeCount', holder: office.id, path: 'stationId' },
  ],
  blockers: [
    { attr: 'activeVillageCount', type: 'count', message: '该警务室仍覆盖启用的村/社区 / the office still covers active villages' },
    { attr: 'communityOfficerId', type: 'slot', message: '该警务室仍有社区民警 / the office still has a community officer' },
    { attr: 'auxiliaryCount', type: 'count', message: '该警务室仍有辅警 / the office still has auxiliaries' },
  ],
  cascade: deactivateWorkstations,
  listQuery: (query) =>
    typeof query.stationId === 'string' ? { under: { index: 'gsi1', parent: 'station', parentId: query.stationId } } : {},
};

export const offices = resourceService(officeDefinition, defaultDeps);
