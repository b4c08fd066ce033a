import type { Action, RecordMeta } from '@beatlink/shared';
import type { SchemaIssue } from '../lib/form-errors';

/** The part of a zod schema the portal uses (structurally, so web needs no zod import). */
export interface SchemaLike {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };
}
export interface ObjectSchemaLike extends SchemaLike {
  shape: Record<string, SchemaLike>;
}

export interface SelectOption {
  value: string;
  label: string;
  stationId?: string;
  officeId?: string;
}

/** Select options that come from the county's directory rather than from a fixed list. */
export type OptionSource = 'stations' | 'offices' | 'workstations' | 'departments';

export type FormMode = 'create' | 'edit';
export type FormValues = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'select' | 'geo';
  options?: readonly SelectOption[];
  source?: OptionSource;
  /** Narrows the options to those whose `key` equals the value of `field` (office → its station). */
  narrowBy?: { field: string; key: 'stationId' | 'officeId' };
  /** Only in this mode (e.g. the parent of a unit is chosen on creation only). */
  only?: FormMode;
  /** Shown only when this holds for the record's current values (initial record + edits). */
  visible?: (values: FormValues) => boolean;
  /** Overrides "required" as read from the schema (for rules such as ROLE_PLACEMENT). */
  required?: (values: FormValues) => boolean;
  placeholder?: string;
  min?: number;
  max?: number;
}

export interface Lookups {
  unitName(id: string | undefined): string | undefined;
  departmentName(id: string | undefined): string | undefined;
  officerName(id: string | undefined): string | undefined;
}

export interface ColumnSpec<T> {
  key: string;
  title: string;
  value(record: T, lookups: Lookups): string | number | undefined;
  width?: number;
}

export interface FilterSpec {
  name: string;
  label: string;
  options?: readonly SelectOption[];
  source?: OptionSource;
}

export type ResourceKey = 'station' | 'office' | 'workstation' | 'village' | 'department' | 'officer' | 'agency' | 'agencyStaff';

/** The zod schemas of a resource's bodies (kept apart so that zod loads with the form only). */
export interface ResourceSchemas {
  create: ObjectSchemaLike;
  update: ObjectSchemaLike;
}

/** What tables, the tree and the editor need of a record type (loaded with every page). */
export interface ResourceDef<T extends RecordMeta = RecordMeta> {
  key: ResourceKey;
  /** 派出所, 警务室 … */
  label: string;
  writeAction: Action;
  /** Collection path for create and list; `parentId` for records created under another. */
  collectionPath: (parentId?: string) => string;
  itemPath: (id: string) => string;
  columns?: readonly ColumnSpec<T>[];
  filters?: readonly FilterSpec[];
  /** Creating one makes a sign-in account whose initial credentials are shown once. */
  createsAccount?: boolean;
}

/** The form of a record type: its fields and the API's schemas (loaded with the form only). */
export interface FormSpec {
  fields: readonly FieldSpec[];
  schemas: ResourceSchemas;
  /** Fields the API wants together on update (a village moves with office and workstation). */
  together?: readonly (readonly string[])[];
}
