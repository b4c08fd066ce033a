import { describe, expect, it } from 'vitest';
import { activeFields, buildBody, fieldNamePaths, formValuesOf, isRequired, isShownField, validateBody } from './body';
import { RESOURCE_FORMS } from './forms';

const ID = (prefix: string, n: number) => `${prefix}_01J${String(n).padStart(23, '0')}`;
const stationId = ID('stn', 1);
const officeId = ID('ofc', 2);
const workstationId = ID('wks', 3);

describe('officer form follows ROLE_PLACEMENT', () => {
  const spec = RESOURCE_FORMS.officer;
  const names = (role: string, mode: 'create' | 'edit' = 'create') => activeFields(spec, mode, { role }).map((f) => f.name);

  it('shows only the placement fields the role allows', () => {
    expect(names('community_officer')).toEqual(['name', 'policeNumber', 'role', 'username', 'phone', 'email', 'stationId', 'officeId', 'grade']);
    expect(names('contact_officer')).toEqual(['name', 'policeNumber', 'role', 'username', 'phone', 'email', 'departmentId', 'workstationId']);
    expect(names('bureau_leader')).toEqual(['name', 'policeNumber', 'role', 'username', 'phone', 'email', 'departmentId']);
    expect(names('station_chief', 'edit')).toEqual(['name', 'policeNumber', 'phone', 'email', 'stationId']);
  });

  it('marks required what the role requires', () => {
    const field = (name: string) => spec.fields.find((f) => f.name === name)!;
    expect(isRequired(spec, 'create', field('stationId'), { role: 'auxiliary' })).toBe(true);
    expect(isRequired(spec, 'create', field('officeId'), { role: 'auxiliary' })).toBe(false);
    expect(isRequired(spec, 'create', field('departmentId'), { role: 'contact_officer' })).toBe(true);
    expect(isRequired(spec, 'create', field('name'), {})).toBe(true);
    expect(isRequired(spec, 'create', field('email'), {})).toBe(false);
  });

  it('validates with the API schema and reports the missing placement on its field', () => {
    const values = { name: '张三', policeNumber: '123456', role: 'community_officer', username: 'zhangsan', phone: '13800000000', email: '' };
    const body = buildBody(spec, 'create', values);
    expect(body).toEqual({ name: '张三', policeNumber: '123456', role: 'community_officer', username: 'zhangsan', phone: '13800000000' });
    const shown = activeFields(spec, 'create', values);
    const errors = validateBody(spec, 'create', body, shown);
    expect(errors?.fields).toEqual([{ name: ['stationId'], errors: ['必填'] }]);
    expect(validateBody(spec, 'create', { ...body, stationId }, shown)).toBeUndefined();
  });

  it('clears a placement with null on update and sends the version', () => {
    const record = { id: ID('ofr', 9), version: 3, role: 'community_officer', name: '张三', stationId, officeId, phone: '13800000000' };
    const body = buildBody(spec, 'edit', { ...formValuesOf(spec, record), officeId: undefined }, record);
    expect(body).toEqual({ officeId: null, version: 3 });
    expect(validateBody(spec, 'edit', body, activeFields(spec, 'edit', record))).toBeUndefined();
  });
});

describe('officer grade (社区民警分级)', () => {
  const spec = RESOURCE_FORMS.officer;
  const record = { id: ID('ofr', 9), version: 3, role: 'community_officer', name: '张三', stationId, phone: '13800000000', grade: 'second' };

  it('is a field of community officers only', () => {
    for (const role of ['contact_officer', 'station_chief', 'auxiliary']) expect(activeFields(spec, 'create', { role }).map((f) => f.name)).not.toContain('grade');
    expect(activeFields(spec, 'edit', record).map((f) => f.name)).toContain('grade');
    expect(formValuesOf(spec, record).grade).toBe('second');
  });

  it('is sent when chosen, cleared with null, and dropped when the role changes away', () => {
    expect(buildBody(spec, 'edit', { ...formValuesOf(spec, record), grade: 'first' }, record)).toEqual({ grade: 'first', version: 3 });
    const cleared = buildBody(spec, 'edit', { ...formValuesOf(spec, record), grade: undefined }, record);
    expect(cleared).toEqual({ grade: null, version: 3 });
    expect(validateBody(spec, 'edit', cleared, activeFields(spec, 'edit', record))).toBeUndefined();
    const values = { name: '李四', policeNumber: '123457', role: 'contact_officer', username: 'lisi', phone: '13800000001', grade: 'first' };
    expect(buildBody(spec, 'create', values)).not.toHaveProperty('grade');
  });
});

describe('village form', () => {
  const spec = RESOURCE_FORMS.village;

  it('builds a create body from the tree preset and typed values', () => {
    const body = buildBody(spec, 'create', { officeId, workstationId, name: ' 东风村 ', kind: 'village', households: 120, population: null, divisionCode: '', location: { lat: null, lng: null } });
    expect(body).toEqual({ officeId, workstationId, name: ' 东风村 ', kind: 'village', households: 120 });
    expect(validateBody(spec, 'create', body, spec.fields)).toBeUndefined();
  });

  it('maps errors of the geo point to its latitude / longitude inputs', () => {
    const body = buildBody(spec, 'create', { officeId, workstationId, name: '东风村', kind: 'village', location: { lat: 95 } });
    const errors = validateBody(spec, 'create', body, spec.fields);
    const names = errors?.fields.map((f) => f.name.join('.'));
    expect(names).toEqual(['location.lat', 'location.lng']);
    expect(errors?.fields[1]?.errors).toEqual(['必填']);
  });

  it('moves a village with office and workstation together', () => {
    const record = { id: ID('vil', 7), version: 2, name: '东风村', kind: 'village', officeId, workstationId };
    const otherWorkstation = ID('wks', 8);
    expect(buildBody(spec, 'edit', { ...formValuesOf(spec, record), workstationId: otherWorkstation }, record)).toEqual({
      workstationId: otherWorkstation,
      officeId,
      version: 2,
    });
  });

  it('sends nothing but the version when nothing changed', () => {
    const record = { id: ID('vil', 7), version: 2, name: '东风村', kind: 'village', officeId, workstationId, households: 5 };
    expect(buildBody(spec, 'edit', formValuesOf(spec, record), record)).toEqual({ version: 2 });
  });
});

describe('station form', () => {
  const spec = RESOURCE_FORMS.station;

  it('clears an optional text with an empty string, where the schema takes one', () => {
    const record = { id: stationId, version: 4, name: '城关派出所', address: '人民路 1 号', phone: '0532-88888888' };
    const body = buildBody(spec, 'edit', { ...formValuesOf(spec, record), address: '', phone: undefined }, record);
    // phone cannot be cleared (the schema takes neither null nor ''), so it is left out.
    expect(body).toEqual({ address: '', version: 4 });
  });

  it('rejects a bad phone on the phone field, in Chinese', () => {
    const body = buildBody(spec, 'create', { name: '城关派出所', phone: '12345' });
    expect(validateBody(spec, 'create', body, spec.fields)?.fields).toEqual([{ name: ['phone'], errors: ['须为有效的电话号码'] }]);
  });
});

describe('form field paths', () => {
  it('knows which inputs a form renders', () => {
    const shown = RESOURCE_FORMS.village.fields;
    expect(fieldNamePaths(shown.find((f) => f.input === 'geo')!)).toEqual([
      ['location', 'lat'],
      ['location', 'lng'],
    ]);
    const isField = isShownField(shown);
    expect(isField(['location', 'lat'])).toBe(true);
    expect(isField(['location'])).toBe(false);
    expect(isField(['stationId'])).toBe(false);
    expect(isField(['name'])).toBe(true);
  });

  it('has a form for every resource, using only fields its create or update schema knows', () => {
    for (const [key, spec] of Object.entries(RESOURCE_FORMS)) {
      for (const field of spec.fields) {
        const known = field.name in spec.schemas.create.shape || field.name in spec.schemas.update.shape;
        expect(known, `${key}.${field.name}`).toBe(true);
      }
    }
  });
});
