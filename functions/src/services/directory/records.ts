import type { Agency, AgencyStaff, Department, Office, Officer, Station, Village, Workstation } from '@beatlink/shared';

/**
 * The directory records as stored and returned: the shared API shapes plus the counters the
 * services keep in the same transactions as the records they count.
 */
export type StationRecord = Station & { activeOfficeCount: number; activeOfficerCount: number };
export type OfficeRecord = Office & { activeVillageCount: number; auxiliaryCount: number };
export type WorkstationRecord = Workstation & { activeVillageCount: number };
export type VillageRecord = Village;
export type DepartmentRecord = Department & { activeOfficerCount: number };
export type OfficerRecord = Officer;
export type AgencyRecord = Agency & { activeStaffCount: number };
export type AgencyStaffRecord = AgencyStaff;
