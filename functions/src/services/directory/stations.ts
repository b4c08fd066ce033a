import { UNIT_LABELS } from '@beatlink/shared';
import { defaultDeps } from '../deps';
import type { StationRecord } from './records';
import type { ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

export const stationDefinition: ResourceDefinition<StationRecord> = {
  kind: 'station',
  label: UNIT_LABELS.station,
  initial: { activeOfficeCount: 0, activeOfficerCount: 0 },
  blockers: [
    { attr: 'activeOfficeCount', type: 'count', message: '该派出所下仍有启用的警务室 / the station still has active offices' },
    { attr: 'activeOfficerCount', type: 'count', message: '仍有在岗民警隶属该派出所 / active officers still belong to the station' },
  ],
  listQuery: () => ({}),
};

export const stations = resourceService(stationDefinition, defaultDeps);
