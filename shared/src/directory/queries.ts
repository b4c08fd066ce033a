import * as z from 'zod';
import { listQuerySchema } from '../fields';
import { idSchema } from '../ids';
import { OFFICER_ROLES } from '../roles';

/** Query strings of the directory lists: paging, status, and the parent to list under. */
export const stationListQuerySchema = listQuerySchema;
export const officeListQuerySchema = listQuerySchema.extend({ stationId: idSchema('station').optional() });
export const workstationListQuerySchema = listQuerySchema.extend({ officeId: idSchema('office').optional() });
export const villageListQuerySchema = listQuerySchema.extend({
  officeId: idSchema('office').optional(),
  workstationId: idSchema('workstation').optional(),
});
export const departmentListQuerySchema = listQuerySchema;
export const officerListQuerySchema = listQuerySchema.extend({
  role: z.enum(OFFICER_ROLES).optional(),
  stationId: idSchema('station').optional(),
  departmentId: idSchema('department').optional(),
});
export const agencyListQuerySchema = listQuerySchema;
export const agencyStaffListQuerySchema = listQuerySchema;
