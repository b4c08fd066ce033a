import { describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber, syntheticIdNumber } from './id-number';
import { ID_NUMBER_PROBLEM_MESSAGES } from './labels';
import { EXAMPLE_ID_NUMBER, intelCreateSchema, intelLookupSchema, intelTitle, intelUpdateSchema, normaliseLookupValue } from './records';

const village = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const person = (p: Record<string, unknown>) => ({ type: 'person', villageId: village, reliability: 'B', person: { name: '张三', gender: 'male', ...p } });
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('GB 11643 in the intel schemas', () => {
  // Real check digits (worked by hand: 4·7+4·9+0·10+5·5+2·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 196, 196 mod 11 = 9 → '3').
  it.each([
    ['11010519491231002', 'X'],
    ['44052419800101001', '3'],
    ['37028319900101123', '5'],
  ])('%s → check digit %s', (first17, check) => {
    expect(idCheckDigit(first17)).toBe(check);
    expect(intelCreateSchema.safeParse(person({ idNumber: first17 + check })).success).toBe(true);
  });

  it('normalises a lower-case x and refuses a wrong check digit naming person.idNumber', () => {
    const parsed = intelCreateSchema.parse(person({ idNumber: '11010519491231002x' }));
    expect(parsed.person?.idNumber).toBe('11010519491231002X');
    const wrong = intelCreateSchema.safeParse(person({ idNumber: '110105194912310021' }));
    expect(issues(wrong)).toEqual([['person.idNumber', ID_NUMBER_PROBLEM_MESSAGES.check_digit]]);
    expect(ID_NUMBER_PROBLEM_MESSAGES.check_digit).toMatch(/校验码.*check digit/);
  });

  it('says which part of a number is wrong', () => {
    expect(issues(intelCreateSchema.safeParse(person({ idNumber: '1101051949123100' })))).toEqual([['person.idNumber', ID_NUMBER_PROBLEM_MESSAGES.format]]);
    const feb30 = '11010519490230002';
    expect(issues(intelCreateSchema.safeParse(person({ idNumber: feb30 + idCheckDigit(feb30) })))).toEqual([['person.idNumber', ID_NUMBER_PROBLEM_MESSAGES.birth_date]]);
  });

  it('has an example with a valid synthetic number', () => {
    expect(EXAMPLE_ID_NUMBER.slice(0, 6)).toBe('379901');
    expect(intelLookupSchema.safeParse({ idNumber: EXAMPLE_ID_NUMBER }).success).toBe(true);
    expect(maskIdNumber(EXAMPLE_ID_NUMBER)).toBe(`379901********${EXAMPLE_ID_NUMBER.slice(-4)}`);
  });
});

describe('record schemas', () => {
  it('requires the block of the type and refuses the others', () => {
    expect(issues(intelCreateSchema.safeParse({ type: 'place', villageId: village, reliability: 'A' }))[0]?.[0]).toBe('place');
    const both = intelCreateSchema.safeParse({ ...person({}), place: { name: '超市' } });
    expect(issues(both).map(([path]) => path)).toEqual(['place']);
  });

  it('defaults tags and links, refuses repeated ones and more than 10 tags', () => {
    expect(intelCreateSchema.parse(person({}))).toMatchObject({ tags: [], links: [] });
    expect(intelCreateSchema.safeParse({ ...person({}), tags: ['a', 'a'] }).success).toBe(false);
    expect(intelCreateSchema.safeParse({ ...person({}), tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }).success).toBe(false);
    const link = { recordId: 'itl_01JD3Z6Q9V8C2M4N5P6R7S8T9V', relation: '同住' };
    expect(intelCreateSchema.safeParse({ ...person({}), links: [link, link] }).success).toBe(false);
    expect(issues(intelCreateSchema.safeParse({ ...person({}), links: [{ recordId: 'hhd_01JD3Z6Q9V8C2M4N5P6R7S8T9V', relation: '同住' }] }))[0]?.[0]).toBe('links.0.recordId');
  });

  it('lets an update remove a secret with null and keep it by leaving it out', () => {
    expect(intelUpdateSchema.safeParse({ ...person({ idNumber: null, phone: null }), version: 2 }).success).toBe(true);
    expect(intelCreateSchema.safeParse(person({ phone: null })).success).toBe(false);
  });

  it('looks up by exactly one of ID number and phone', () => {
    expect(intelLookupSchema.safeParse({}).success).toBe(false);
    expect(intelLookupSchema.safeParse({ phone: '13800001111', idNumber: EXAMPLE_ID_NUMBER }).success).toBe(false);
    expect(intelLookupSchema.safeParse({ phone: '0532-88885678' }).success).toBe(true);
  });

  it('titles a record by its name or, for events, its title', () => {
    expect(intelTitle({ type: 'event', event: { title: '电动车被盗' } })).toBe('电动车被盗');
    expect(intelTitle({ type: 'thing', thing: { name: '小型轿车' } })).toBe('小型轿车');
  });
});

describe('normaliseLookupValue', () => {
  it('upper-cases X and strips spaces of ID numbers', () => {
    expect(normaliseLookupValue('idNumber', ' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it('keeps digits only of phones, without a +86 prefix', () => {
    expect(normaliseLookupValue('phone', '0532-88885678')).toBe('053288885678');
    expect(normaliseLookupValue('phone', '+86 138 0000 1111')).toBe('13800001111');
    expect(normaliseLookupValue('phone', '１３８００００１１１１')).toBe('13800001111');
  });
  it('finds synthetic numbers equal in any spelling', () => {
    const id = syntheticIdNumber(() => 0.42, { regionCode: '379902', birthYearRange: [1960, 1990] });
    expect(normaliseLookupValue('idNumber', id.toLowerCase())).toBe(id);
  });
});
