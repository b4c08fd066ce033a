import { issuesToFieldErrors, type FieldErrors, type FieldPath } from '../lib/form-errors';
import type { FieldSpec, FormMode, FormSpec, FormValues, ObjectSchemaLike } from './model';

/** The fields a form shows in this mode for these values. */
export function activeFields(spec: FormSpec, mode: FormMode, values: FormValues): FieldSpec[] {
  return spec.fields.filter((field) => (!field.only || field.only === mode) && (!field.visible || field.visible(values)));
}

/** Whether the form marks the field required: the field's rule, else whether the schema accepts it missing. */
export function isRequired(spec: FormSpec, mode: FormMode, field: FieldSpec, values: FormValues): boolean {
  if (field.required) return field.required(values);
  if (mode === 'edit') return false;
  const schema = spec.schemas.create.shape[field.name];
  return !!schema && !schema.safeParse(undefined).success;
}

/** A form value as the API wants it: empty strings and empty numbers are "not given". */
export function normalizeValue(field: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (field.input === 'geo') {
    const point = value as { lat?: number | null; lng?: number | null };
    const lat = point.lat ?? undefined;
    const lng = point.lng ?? undefined;
    if (lat === undefined && lng === undefined) return undefined;
    return { ...(lat !== undefined ? { lat } : {}), ...(lng !== undefined ? { lng } : {}) };
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What an update sends to clear an optional field: `null` where accepted, else `''`, else nothing. */
function clearValue(schema: ObjectSchemaLike, name: string): null | '' | undefined {
  const field = schema.shape[name];
  if (!field) return undefined;
  if (field.safeParse(null).success) return null;
  if (field.safeParse('').success) return '';
  return undefined;
}

/**
 * The request body of a create (every given field) or an update (the changed fields, cleared
 * ones as null/'' where the schema allows it, and the version the form was opened with).
 */
export function buildBody(spec: FormSpec, mode: FormMode, values: FormValues, initial?: FormValues): Record<string, unknown> {
  const merged = { ...initial, ...values };
  const body: Record<string, unknown> = {};
  for (const field of activeFields(spec, mode, merged)) {
    const value = normalizeValue(field, values[field.name]);
    if (mode === 'create') {
      if (value !== undefined) body[field.name] = value;
      continue;
    }
    const before = initial?.[field.name];
    if (same(value, before)) continue;
    if (value === undefined) {
      const cleared = clearValue(spec.schemas.update, field.name);
      if (cleared !== undefined) body[field.name] = cleared;
      continue;
    }
    body[field.name] = value;
  }
  if (mode === 'edit') {
    for (const group of spec.together ?? []) {
      if (!group.some((name) => name in body)) continue;
      for (const name of group) {
        if (!(name in body) && merged[name] !== undefined && merged[name] !== '') body[name] = merged[name];
      }
    }
    body.version = initial?.version;
  }
  return body;
}

/** Validates a body with the resource's own zod schema; issues are mapped to the form's fields. */
export function validateBody(spec: FormSpec, mode: FormMode, body: Record<string, unknown>, shown: readonly FieldSpec[]): FieldErrors | undefined {
  const schema = mode === 'create' ? spec.schemas.create : spec.schemas.update;
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  return issuesToFieldErrors(result.error.issues, body, isShownField(shown));
}

/** The antd name paths a field renders (a geo field renders latitude and longitude inputs). */
export function fieldNamePaths(field: FieldSpec): FieldPath[] {
  return field.input === 'geo' ? [[field.name, 'lat'], [field.name, 'lng']] : [[field.name]];
}

/** Whether an error path lands on an input the form renders (else it is shown as a general error). */
export function isShownField(shown: readonly FieldSpec[]): (path: FieldPath) => boolean {
  const keys = new Set(shown.flatMap(fieldNamePaths).map((path) => JSON.stringify(path)));
  return (path) => keys.has(JSON.stringify(path));
}

/** The form's starting values: the record's values of the resource's fields. */
export function formValuesOf(spec: FormSpec, record: FormValues | undefined): FormValues {
  const values: FormValues = {};
  if (!record) return values;
  for (const field of spec.fields) {
    if (record[field.name] !== undefined) values[field.name] = record[field.name];
  }
  return values;
}
