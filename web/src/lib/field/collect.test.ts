import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@beatlink/shared/intel/id-number';
import { EXAMPLE_ID_NUMBER, intelCreateSchema } from '@beatlink/shared/intel/records';
import {
  addTags,
  collectErrorsFromApi,
  collectFieldOf,
  collectToBody,
  firstCollectError,
  idNumberError,
  newCollectDraft,
  normaliseId,
  validateCollect,
  type CollectDraft,
} from './collect';

const VILLAGE = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const LINKED = 'itl_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

function person(change: Partial<CollectDraft['person']> = {}): CollectDraft {
  const draft = newCollectDraft({ villageId: VILLAGE, type: 'person' });
  return {
    ...draft,
    person: { name: ' 张建华 ', gender: 'male', idNumber: ` ${EXAMPLE_ID_NUMBER.slice(0, 6)} ${EXAMPLE_ID_NUMBER.slice(6)} `, phone: '13800002222', address: '东街 12 号', occupation: '', ...change },
    tags: ['出租房房东'],
    reliability: 'B',
    note: '走访时本人提供',
    links: [{ recordId: LINKED, title: '东街小卖部', relation: '经营' }],
  };
}

describe('ID numbers on the phone', () => {
  it('accept a valid number typed with spaces, full-width digits or a small x', () => {
    expect(idNumberError(EXAMPLE_ID_NUMBER)).toBeUndefined();
    const withX = (first17: string) => first17 + idCheckDigit(first17);
    const first17 = Array.from({ length: 200 }, (_, i) => `3799011985031${String(1000 + i).slice(1)}0`.slice(0, 17)).find((f) => idCheckDigit(f) === 'X')!;
    expect(idNumberError(withX(first17).toLowerCase())).toBeUndefined();
    expect(normaliseId('３７９９ 01x')).toBe('379901X');
  });

  it('name a wrong check digit and a wrong shape, in the shared wording', () => {
    const wrong = EXAMPLE_ID_NUMBER.slice(0, 17) + (EXAMPLE_ID_NUMBER[17] === '1' ? '2' : '1');
    expect(idNumberError(wrong)).toBe('身份证号码校验码错误');
    expect(idNumberError('37990119850312')).toBe('身份证号码须为 17 位数字加 1 位数字或 X');
  });

  it('name a region or birth date that does not exist', () => {
    const noRegion = '00990119850312001';
    expect(idNumberError(noRegion + idCheckDigit(noRegion))).toBe('身份证号码的地址码不存在');
    const badDate = '37990119851332001';
    expect(idNumberError(badDate + idCheckDigit(badDate))).toBe('身份证号码中的出生日期无效');
  });

});

describe('validateCollect', () => {
  it('asks for type, village and reliability of an empty draft', () => {
    const errors = validateCollect(newCollectDraft());
    expect(errors).toEqual({ type: '请选择信息类型', village: '请选择村（社区）', reliability: '请选择来源可靠程度' });
    expect(firstCollectError(errors)).toBe('type');
  });

  it("checks the type's own details only", () => {
    expect(validateCollect(person())).toEqual({});
    expect(validateCollect(person({ name: '', gender: '', idNumber: '370283199001011230', phone: '12345' }))).toEqual({
      'person-name': '请填写姓名',
      'person-gender': '请选择性别',
      'person-idNumber': '身份证号码校验码错误',
      'person-phone': '请填写有效的手机号码或带区号的固定电话',
    });
    const thing = { ...newCollectDraft({ villageId: VILLAGE, type: 'thing' }), reliability: 'C' as const };
    expect(validateCollect(thing)).toEqual({ 'thing-name': '请填写物品名称', 'thing-category': '请填写物品类别' });
    const event = { ...newCollectDraft({ villageId: VILLAGE, type: 'event' }), reliability: 'F' as const };
    expect(Object.keys(validateCollect(event))).toEqual(['event-title', 'event-description']);
  });

  it('wants a relation for every link and at most 10 tags', () => {
    const draft = { ...person(), links: [{ recordId: LINKED, title: 'x', relation: ' ' }], tags: Array.from({ length: 11 }, (_, i) => `t${i}`) };
    expect(validateCollect(draft)).toEqual({ 'link-0-relation': '请填写关系，如：户主、经营、涉及', tags: '标签最多 10 个' });
    expect(firstCollectError(validateCollect(draft))).toBe('tags');
  });
});

describe('collectToBody', () => {
  it('nests the details in the block named after the type, as intelCreateSchema takes it', () => {
    const body = collectToBody(person());
    expect(body).toEqual({
      type: 'person',
      villageId: VILLAGE,
      person: { name: '张建华', gender: 'male', idNumber: EXAMPLE_ID_NUMBER, phone: '13800002222', address: '东街 12 号' },
      tags: ['出租房房东'],
      links: [{ recordId: LINKED, relation: '经营' }],
      reliability: 'B',
      note: '走访时本人提供',
    });
    expect(intelCreateSchema.safeParse(body).success).toBe(true);
  });

  it('builds valid bodies of every type', () => {
    const base = { ...newCollectDraft({ villageId: VILLAGE }), reliability: 'A' as const };
    const drafts: CollectDraft[] = [
      { ...base, type: 'place', place: { name: '东街小卖部', address: '', location: { lat: 36.1234567, lng: 120.7654321, accuracy: 12 } } },
      { ...base, type: 'thing', thing: { name: '白色面包车', category: '车辆', identifier: '鲁B12345' } },
      { ...base, type: 'event', event: { title: '夜间可疑人员', occurredAt: '2026-05-12T21:30', description: '两名男子在村口徘徊' } },
      { ...base, type: 'organisation', organisation: { name: '东村合作社', contactPhone: '0532-88886666', address: '' } },
    ];
    for (const draft of drafts) {
      expect(validateCollect(draft)).toEqual({});
      const body = collectToBody(draft);
      expect(Object.keys(body).filter((k) => ['person', 'place', 'thing', 'event', 'organisation'].includes(k))).toEqual([draft.type]);
      expect(intelCreateSchema.safeParse(body).error?.issues).toBeUndefined();
    }
    expect(collectToBody(drafts[0]!).place?.location).toEqual({ lat: 36.123457, lng: 120.765432 });
  });
});

describe('the API 400s on the form', () => {
  it('land on the field named by the path', () => {
    expect(collectFieldOf('person.idNumber')).toBe('person-idNumber');
    expect(collectFieldOf('organisation.contactPhone')).toBe('organisation-contactPhone');
    expect(collectFieldOf('person')).toBe('type');
    expect(collectFieldOf('links.2.relation')).toBe('link-2-relation');
    expect(collectFieldOf('links.1.recordId')).toBe('links');
    expect(collectFieldOf('villageId')).toBe('village');
    expect(collectFieldOf('tags.3')).toBe('tags');
    expect(collectFieldOf('whatever')).toBeUndefined();
    expect(
      collectErrorsFromApi([
        { path: 'person.idNumber', message: '身份证号码中的出生日期无效 / the birth date in the ID number is not valid' },
        { path: '', message: 'Forbidden' },
      ]),
    ).toEqual({ fields: { 'person-idNumber': '身份证号码中的出生日期无效' }, general: ['Forbidden'] });
  });

  it('match what the schema itself says of a bad body', () => {
    const bad = { ...collectToBody(person()), person: { name: '张', gender: 'male', idNumber: '370283199001011230' } };
    const issues = intelCreateSchema.safeParse(bad).error?.issues ?? [];
    const { fields } = collectErrorsFromApi(issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    expect(fields['person-idNumber']).toBe('身份证号码校验码错误');
  });
});

describe('tags', () => {
  it('split typed text and keep each tag once', () => {
    expect(addTags(['出租房'], '出租房, 重点关注、留守 ')).toEqual(['出租房', '重点关注', '留守']);
    expect(addTags([], '  ')).toEqual([]);
  });
});
