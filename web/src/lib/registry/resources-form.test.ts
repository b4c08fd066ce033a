import { describe, expect, it } from 'vitest';
import { emptyResources, resourcesUpdateSchema, type VillageResources } from '@beatlink/shared/registry/households';
import { REQUIRED_MESSAGE } from '../form-errors';
import { isResourcesField, newPatrolTeam, RESOURCES_CONFLICT_MESSAGE, resourcesBody, resourcesErrorFields, resourcesFormValues, type ResourcesFormValues } from './resources-form';

const record: VillageResources = {
  villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  patrolTeams: [{ name: '东村义务巡逻队', members: 8, leader: '李建国' }],
  activists: 12,
  cameras: { enterprise: 4, village: 6, bureau: 2 },
  windowGuards: { enterprise: 0, village: 30, bureau: 10 },
  alarms: { enterprise: 2, village: 15, bureau: 5 },
  note: '村口新装高清探头 2 个',
  version: 3,
  updatedAt: '2026-05-12T01:00:00.000Z',
  updatedBy: 'program.370283',
};

function built(values: ResourcesFormValues, version: number) {
  const result = resourcesBody(values, version);
  if (!('body' in result)) throw new Error(`expected a body, got ${JSON.stringify(result.errors)}`);
  expect(resourcesUpdateSchema.safeParse(result.body).success).toBe(true);
  return result.body;
}

function errorsOf(values: ResourcesFormValues, version = 1) {
  const result = resourcesBody(values, version);
  if (!('errors' in result)) throw new Error('expected errors');
  return result.errors;
}

describe('resources form', () => {
  it('sends the record read back unchanged, with its version', () => {
    const body = built(resourcesFormValues(record), record.version);
    expect(body).toEqual({
      version: 3,
      patrolTeams: record.patrolTeams,
      activists: 12,
      cameras: record.cameras,
      windowGuards: record.windowGuards,
      alarms: record.alarms,
      note: record.note,
    });
  });

  it('creates the record of a village without one with version 0', () => {
    const values = resourcesFormValues(emptyResources('vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V'));
    expect(values.patrolTeams).toEqual([]);
    const body = built(values, 0);
    expect(body).toEqual({
      version: 0,
      patrolTeams: [],
      activists: 0,
      cameras: { enterprise: 0, village: 0, bureau: 0 },
      windowGuards: { enterprise: 0, village: 0, bureau: 0 },
      alarms: { enterprise: 0, village: 0, bureau: 0 },
    });
    expect(built(resourcesFormValues(undefined), 0)).toEqual(body);
  });

  it('adds and removes teams, trims texts and leaves an empty note out', () => {
    const values = resourcesFormValues(record);
    values.patrolTeams.push({ ...newPatrolTeam(), name: ' 西村巡逻队 ', leader: ' 王强 ', members: 5 });
    values.patrolTeams.splice(0, 1);
    values.cameras.bureau = 9;
    values.activists = 0;
    values.note = '   ';
    const body = built(values, 3);
    expect(body.patrolTeams).toEqual([{ name: '西村巡逻队', leader: '王强', members: 5 }]);
    expect(body.cameras).toEqual({ enterprise: 4, village: 6, bureau: 9 });
    expect(body.activists).toBe(0);
    expect('note' in body).toBe(false);
  });

  it('accepts the limits of the schema', () => {
    const values = resourcesFormValues(record);
    values.patrolTeams = Array.from({ length: 50 }, (_, i) => ({ name: `队${i}`.padEnd(100, '队'), leader: '长'.repeat(50), members: i % 2 ? 1 : 1000 }));
    values.activists = 100_000;
    values.alarms = { enterprise: 0, village: 100_000, bureau: 0 };
    values.note = '注'.repeat(1000);
    built(values, 7);
  });

  it('finds what the schema would refuse, on the fields that caused it', () => {
    const values = resourcesFormValues(record);
    values.patrolTeams = [
      { name: '  ', leader: '李', members: 0 },
      { name: '队', leader: '长'.repeat(51), members: 2.5 },
      { name: '队', leader: '长', members: null },
    ];
    values.activists = -1;
    values.cameras.village = null;
    values.windowGuards.bureau = 100_001;
    values.note = '注'.repeat(1001);
    const errors = errorsOf(values);
    expect(errors.general).toEqual([]);
    expect(errors.fields).toEqual([
      { name: ['patrolTeams', 0, 'name'], errors: [REQUIRED_MESSAGE] },
      { name: ['patrolTeams', 0, 'members'], errors: ['不能小于 1'] },
      { name: ['patrolTeams', 1, 'leader'], errors: ['最多 50 个字符'] },
      { name: ['patrolTeams', 1, 'members'], errors: ['须为整数'] },
      { name: ['patrolTeams', 2, 'members'], errors: [REQUIRED_MESSAGE] },
      { name: ['activists'], errors: ['不能小于 0'] },
      { name: ['cameras', 'village'], errors: [REQUIRED_MESSAGE] },
      { name: ['windowGuards', 'bureau'], errors: ['不能大于 100000'] },
      { name: ['note'], errors: ['最多 1000 个字符'] },
    ]);
    for (const field of errors.fields) expect(isResourcesField(field.name)).toBe(true);
  });

  it('refuses more than 50 teams on the list itself', () => {
    const values = resourcesFormValues(record);
    values.patrolTeams = Array.from({ length: 51 }, () => ({ name: '队', leader: '长', members: 1 }));
    expect(errorsOf(values).fields).toEqual([{ name: ['patrolTeams'], errors: ['最多 50 支巡逻队'] }]);
  });

  it('refuses a version that is not a whole number ≥ 0', () => {
    expect(errorsOf(resourcesFormValues(record), -1).general).toHaveLength(1);
    expect(errorsOf(resourcesFormValues(record), 1.5).general).toHaveLength(1);
  });

  it('maps the API details onto the fields, the rest to the general errors', () => {
    const mapped = resourcesErrorFields([
      { path: 'patrolTeams.1.name', message: '必填 / required' },
      { path: 'patrolTeams', message: '最多 50 项 / too many' },
      { path: 'cameras.bureau', message: '不能大于 100000 / too big' },
      { path: 'activists', message: '不能小于 0 / too small' },
      { path: 'note', message: '最多 1000 个字符 / too long' },
      { path: 'cameras', message: '包含不允许的字段 / unrecognized key' },
      { path: 'version', message: '版本号无效 / bad version' },
      { path: '', message: '请求体无效 / bad body' },
    ]);
    expect(mapped.fields).toEqual([
      { name: ['patrolTeams', 1, 'name'], errors: ['必填'] },
      { name: ['patrolTeams'], errors: ['最多 50 项'] },
      { name: ['cameras', 'bureau'], errors: ['不能大于 100000'] },
      { name: ['activists'], errors: ['不能小于 0'] },
      { name: ['note'], errors: ['最多 1000 个字符'] },
    ]);
    expect(mapped.general).toEqual(['cameras：包含不允许的字段', 'version：版本号无效', '请求体无效']);
  });

  it('says how a stale version is handled', () => {
    expect(RESOURCES_CONFLICT_MESSAGE).toBe('资源信息已被他人修改，已重新加载');
  });

  it('agrees with the schema on every field it checks', () => {
    const base = resourcesFormValues(record);
    const cases: Array<(v: ResourcesFormValues) => void> = [
      (v) => (v.patrolTeams[0]!.members = 1001),
      (v) => (v.patrolTeams[0]!.name = 'a'.repeat(101)),
      (v) => (v.activists = 100_001),
      (v) => (v.alarms.enterprise = -3),
      (v) => (v.cameras.bureau = 0.5),
    ];
    for (const change of cases) {
      const values = structuredClone(base);
      change(values);
      expect('errors' in resourcesBody(values, 3)).toBe(true);
      // The same values sent as they are would be refused by the API too.
      const raw = { version: 3, patrolTeams: values.patrolTeams, activists: values.activists, cameras: values.cameras, windowGuards: values.windowGuards, alarms: values.alarms, note: values.note };
      expect(resourcesUpdateSchema.safeParse(raw).success).toBe(false);
    }
  });
});
