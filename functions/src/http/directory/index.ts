import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { agencies } from '../../services/directory/agencies';
import { agencyStaff } from '../../services/directory/agency-staff';
import { departments } from '../../services/directory/departments';
import { getMe } from '../../services/directory/me';
import { offices } from '../../services/directory/offices';
import { officers } from '../../services/directory/officers';
import { getOrgTree } from '../../services/directory/org-tree';
import { stations } from '../../services/directory/stations';
import { villages } from '../../services/directory/villages';
import { workstations } from '../../services/directory/workstations';
import { crudHandlers } from './crud-handlers';

/** The directory context: who am I, the org tree, and the county's units, officers and agencies. */
export const handler = contextRouter(
  'directory',
  {
    getMe: handle(({ ctx }) => getMe(ctx)),
    getOrgTree: handle(({ ctx }) => getOrgTree(ctx)),
    ...crudHandlers('Station', 'Stations', stations),
    ...crudHandlers('Office', 'Offices', offices),
    ...crudHandlers('Workstation', 'Workstations', workstations),
    ...crudHandlers('Village', 'Villages', villages),
    ...crudHandlers('Department', 'Departments', departments),
    ...crudHandlers('Officer', 'Officers', officers),
    ...crudHandlers('Agency', 'Agencies', agencies),
    ...crudHandlers('AgencyStaff', 'AgencyStaff', agencyStaff, { parentField: 'agencyId' }),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
