import { describe, expect, it } from 'vitest';
import { villageCreateSchema } from '@beatlink/shared';
import { detailsToFieldErrors, dottedToPath, issueMessage, issuesToFieldErrors, REQUIRED_MESSAGE, splitDetails, type FieldPath } from './form-errors';

const fields = (...names: string[]) => (path: FieldPath) => names.includes(path.join('.'));

describe('issuesToFieldErrors', () => {
  it('maps a real schema result onto the form: missing fields read 必填, bilingual messages keep Chinese', () => {
    const body = { name: '东风村', kind: 'hamlet', officeId: 'not-an-id' };
    const result = villageCreateSchema.safeParse(body);
    expect(result.success).toBe(false);
    const errors = issuesToFieldErrors(result.error!.issues, body, fields('name', 'kind', 'officeId', 'workstationId'));
    const byName = Object.fromEntries(errors.fields.map((f) => [f.name.join('.'), f.errors]));
    expect(byName.workstationId).toEqual([REQUIRED_MESSAGE]);
    expect(byName.officeId).toEqual(['须为有效的office编号']);
    expect(byName.kind).toEqual(['请选择有效的选项']);
    expect(byName.name).toBeUndefined();
    expect(errors.general).toEqual([]);
  });

  it('puts nested paths on nested fields and unknown paths in the general list', () => {
    const errors = issuesToFieldErrors(
      [
        { path: ['location', 'lat'], message: 'Too big: expected number to be <=90', code: 'too_big', origin: 'number', maximum: 90 },
        { path: [], message: 'Unrecognized key: "x"', code: 'unrecognized_keys' },
        { path: ['secret'], message: '不允许 / not allowed', code: 'custom' },
      ],
      { location: { lat: 120 }, secret: 1 },
      fields('location.lat'),
    );
    expect(errors.fields).toEqual([{ name: ['location', 'lat'], errors: ['不能大于 90'] }]);
    expect(errors.general).toEqual(['包含不允许的字段', 'secret：不允许']);
    const missingEnum = issuesToFieldErrors([{ path: ['kind'], message: 'Invalid option', code: 'invalid_value' }], {}, fields('kind'));
    expect(missingEnum.fields).toEqual([{ name: ['kind'], errors: [REQUIRED_MESSAGE] }]);
  });

  it('merges several issues of one field without repeating a message', () => {
    const issue = { path: ['name'], message: '过长 / too long', code: 'too_big' };
    const errors = issuesToFieldErrors([issue, issue, { ...issue, message: '含非法字符 / bad char' }], { name: 'x' }, fields('name'));
    expect(errors.fields).toEqual([{ name: ['name'], errors: ['过长', '含非法字符'] }]);
  });
});

describe('issueMessage', () => {
  it('words zod built-in issues in Chinese', () => {
    expect(issueMessage({ path: [], message: 'Too small', code: 'too_small', origin: 'string', minimum: 1 })).toBe(REQUIRED_MESSAGE);
    expect(issueMessage({ path: [], message: 'Too small', code: 'too_small', origin: 'string', minimum: 3 })).toBe('至少 3 个字符');
    expect(issueMessage({ path: [], message: 'Too big', code: 'too_big', origin: 'string', maximum: 60 })).toBe('最多 60 个字符');
    expect(issueMessage({ path: [], message: 'Too small', code: 'too_small', origin: 'number', minimum: 0 })).toBe('不能小于 0');
    expect(issueMessage({ path: [], message: 'Invalid email address', code: 'invalid_format', format: 'email' })).toBe('须为有效的电子邮箱地址');
    expect(issueMessage({ path: [], message: 'Invalid option', code: 'invalid_value' })).toBe('请选择有效的选项');
  });

  it('words built-in issues the same whatever zod locale is loaded; keeps custom Chinese messages', () => {
    expect(issueMessage({ path: [], message: '无效输入：期望 string', code: 'invalid_type' })).toBe('类型不正确');
    expect(issueMessage({ path: [], message: '该警务室不属于所选派出所', code: 'custom' })).toBe('该警务室不属于所选派出所');
    expect(issueMessage({ path: [], message: 'Invalid input', code: 'custom' })).toBe('格式不正确');
  });
});

describe('detailsToFieldErrors', () => {
  it('turns dotted API paths into antd name paths', () => {
    expect(dottedToPath('location.lat')).toEqual(['location', 'lat']);
    expect(dottedToPath('items.0.name')).toEqual(['items', 0, 'name']);
    expect(dottedToPath('')).toEqual([]);
    const errors = detailsToFieldErrors(
      [
        { path: 'policeNumber', message: '警号已被使用 / police number already in use' },
        { path: '', message: '请求无效 / bad request' },
      ],
      fields('policeNumber'),
    );
    expect(errors.fields).toEqual([{ name: ['policeNumber'], errors: ['警号已被使用'] }]);
    expect(errors.general).toEqual(['请求无效']);
  });
});

describe('splitDetails', () => {
  it("puts each field's first message on the field and the rest aside, in Chinese", () => {
    const details = [
      { path: 'reason', message: '必填 / required' },
      { path: 'reason', message: '太长 / too long' },
      { path: 'version', message: '版本冲突 / stale' },
    ];
    const { fields, rest } = splitDetails(details, (path) => (path === 'reason' ? path : undefined));
    expect(fields).toEqual({ reason: '必填' });
    expect(rest).toEqual(['版本冲突']);
    expect(splitDetails(details, () => undefined, (m) => m.toUpperCase()).rest).toHaveLength(3);
  });
});
