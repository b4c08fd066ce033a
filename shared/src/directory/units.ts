import { AREA_KINDS, VILLAGE_KINDS } from './labels';
export { UNIT_KINDS, UNIT_LABELS, AREA_KINDS, VILLAGE_KINDS, type UnitKind } from './labels';
import * as z from 'zod';
import { villageCodeSchema } from '../division-code';
import { deactivateSchema, geoPointSchema, optionalText, phoneSchema, text, versionSchema, withExample, type RecordMeta } from '../fields';
import { idSchema } from '../ids';

/** The four levels of the organisation tree plus the bureau's HQ departments. */



const place = {
  address: optionalText(120),
  location: geoPointSchema.optional(),
  phone: phoneSchema.optional(),
};

export const stationCreateSchema = withExample(z.strictObject({ name: text(60), ...place }), {
  name: '城关派出所',
  address: '城关镇人民路 1 号',
  phone: '0532-87654321',
});
export const officeCreateSchema = withExample(
  z.strictObject({ name: text(60), stationId: idSchema('station'), areaKind: z.enum(AREA_KINDS), ...place }),
  { name: '东村警务室', stationId: 'stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V', areaKind: 'rural', location: { lat: 36.28, lng: 120.01 } },
);
export const workstationCreateSchema = withExample(
  z.strictObject({ name: text(60), officeId: idSchema('office'), ...place }),
  { name: '东村警务工作站', officeId: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V' },
);
export const villageCreateSchema = withExample(
  z.strictObject({
    name: text(60),
    kind: z.enum(VILLAGE_KINDS),
    officeId: idSchema('office'),
    workstationId: idSchema('workstation'),
    divisionCode: villageCodeSchema.optional(),
    households: z.number().int().min(0).max(1_000_000).optional(),
    population: z.number().int().min(0).max(10_000_000).optional(),
    location: geoPointSchema.optional(),
  }),
  {
    name: '东村',
    kind: 'village',
    officeId: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    workstationId: 'wks_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    divisionCode: '370283101001',
    households: 420,
    population: 1380,
  },
);
export const departmentCreateSchema = withExample(z.strictObject({ name: text(60), phone: phoneSchema.optional() }), {
  name: '治安管理大队',
  phone: '0532-87650000',
});

/** Updates: any subset of the create fields, with the version the client last read. */
const withVersion = <T extends z.core.$ZodLooseShape>(shape: T, example: Record<string, unknown>) =>
  withExample(z.strictObject({ ...shape, version: versionSchema }), { version: 1, ...example } as never);

export const stationUpdateSchema = withVersion(stationCreateSchema.partial().shape, { address: '城关镇人民路 2 号' });
export const officeUpdateSchema = withVersion(officeCreateSchema.omit({ stationId: true }).partial().shape, {
  address: '东村村委会西侧',
});
export const workstationUpdateSchema = withVersion(workstationCreateSchema.omit({ officeId: true }).partial().shape, {
  address: '东村村委会一楼',
});
/** Moving a village to another office/workstation is an update of both ids together. */
export const villageUpdateSchema = withVersion(villageCreateSchema.partial().shape, { households: 431 });
export const departmentUpdateSchema = withVersion(departmentCreateSchema.partial().shape, { phone: '0532-87650001' });

export { deactivateSchema };

export type StationInput = z.infer<typeof stationCreateSchema>;
export type OfficeInput = z.infer<typeof officeCreateSchema>;
export type WorkstationInput = z.infer<typeof workstationCreateSchema>;
export type VillageInput = z.infer<typeof villageCreateSchema>;
export type DepartmentInput = z.infer<typeof departmentCreateSchema>;

export interface Station extends RecordMeta, StationInput {
  /** Officer id of the 所长, set by assigning a station_chief. */
  chiefOfficerId?: string;
}
export interface Office extends RecordMeta, OfficeInput {
  /** 1 community officer per office at a time. */
  communityOfficerId?: string;
  activeWorkstationCount: number;
}
export interface Workstation extends RecordMeta, WorkstationInput {
  stationId: string;
  /** 1 contact officer per workstation at a time. */
  contactOfficerId?: string;
}
export interface Village extends RecordMeta, VillageInput {
  stationId: string;
}
export interface Department extends RecordMeta, DepartmentInput {}

/** GET /directory/tree: stations → offices → workstations → villages, with who is assigned. */
export interface OrgTree {
  stations: Array<
    Station & {
      offices: Array<Office & { workstations: Array<Workstation & { villages: Village[] }> }>;
    }
  >;
  officers: Record<string, { id: string; name: string; role: string; policeNumber: string }>;
}
