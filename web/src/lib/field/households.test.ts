import { describe, expect, it } from 'vitest';
import { callbackCreateSchema, householdCreateSchema, householdUpdateSchema, type Household } from '@beatlink/shared/registry/households';
import {
  callbackBody,
  callbackErrorsFromApi,
  callbackOfficers,
  householdCreateBody,
  householdErrorsFromApi,
  householdToDraft,
  householdUpdateBody,
  newCallbackDraft,
  newHouseholdDraft,
  toggleTag,
  validateCallback,
  validateHousehold,
  type HouseholdDraft,
} from './households';

const VILLAGE = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const OFFICER = 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

const filled = (change: Partial<HouseholdDraft> = {}): HouseholdDraft => ({
  ...newHouseholdDraft(),
  address: ' 东街 12 号 ',
  headName: '王秀兰',
  headPhone: '13800001111',
  members: '2',
  tags: ['elderly_alone'],
  note: '子女在外地务工',
  ...change,
});

const stored: Household = {
  id: 'hh_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  villageId: VILLAGE,
  villageName: '东村',
  officeId: 'ofc_x',
  workstationId: 'wks_x',
  stationId: 'stn_x',
  address: '东街 12 号',
  headName: '王秀兰',
  headPhoneMasked: '138****1111',
  members: 1,
  tags: ['elderly_alone'],
  status: 'active',
  version: 3,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  createdBy: 'a',
  updatedBy: 'a',
};

describe('household form', () => {
  it('asks for address, head and a whole number of members', () => {
    expect(validateHousehold(filled())).toEqual({});
    expect(validateHousehold({ ...newHouseholdDraft(), members: '0', headPhone: '123' })).toEqual({
      address: '请填写门牌地址',
      headName: '请填写户主姓名',
      headPhone: '请填写有效的手机号码或带区号的固定电话',
      members: '人口须为 1–100 的整数',
    });
    expect(validateHousehold(filled({ members: '2.5' })).members).toBeDefined();
  });

  it('registers with the body householdCreateSchema takes', () => {
    const body = householdCreateBody(filled(), VILLAGE);
    expect(body).toEqual({ villageId: VILLAGE, address: '东街 12 号', headName: '王秀兰', headPhone: '13800001111', members: 2, tags: ['elderly_alone'], note: '子女在外地务工' });
    expect(householdCreateSchema.safeParse(body).success).toBe(true);
    expect(householdCreateBody(filled({ headPhone: '', note: '' }), VILLAGE)).not.toHaveProperty('headPhone');
  });

  it('updates with the version, keeping the stored phone unless one is typed or it is removed', () => {
    const draft = householdToDraft(stored);
    expect(draft.headPhone).toBe('');
    const keep = householdUpdateBody({ ...draft, members: '3' }, stored);
    expect(keep).toEqual({ villageId: VILLAGE, address: '东街 12 号', headName: '王秀兰', members: 3, tags: ['elderly_alone'], version: 3 });
    expect(householdUpdateSchema.safeParse(keep).success).toBe(true);
    expect(householdUpdateBody({ ...draft, removePhone: true }, stored).headPhone).toBeNull();
    expect(householdUpdateBody({ ...draft, headPhone: '13900002222' }, stored).headPhone).toBe('13900002222');
  });

  it('toggles tags and maps the 400s', () => {
    expect(toggleTag(['rental'], 'veteran')).toEqual(['rental', 'veteran']);
    expect(toggleTag(['rental', 'veteran'], 'rental')).toEqual(['veteran']);
    expect(householdErrorsFromApi([{ path: 'headPhone', message: '须为有效的电话号码 / must be a valid phone number' }, { path: 'villageId', message: '不在责任区' }])).toEqual({
      fields: { headPhone: '须为有效的电话号码', village: '不在责任区' },
      general: [],
    });
  });
});

describe('call-back survey', () => {
  const now = new Date(2026, 4, 12, 10, 0);

  it('asks both familiarity questions and the officer; no future dates', () => {
    expect(validateCallback(newCallbackDraft(now), now)).toEqual({
      knowsOfficer: '请选择群众是否认识民警',
      officerKnowsHousehold: '请选择民警是否熟悉该户',
      officerId: '请选择被回访的民警',
    });
    const draft = { ...newCallbackDraft(now, OFFICER), knowsOfficer: 'yes' as const, officerKnowsHousehold: 'no' as const, date: '2026-05-13' };
    expect(validateCallback(draft, now)).toEqual({ date: '回访日期不能晚于今天' });
  });

  it('sends the booleans callbackCreateSchema takes', () => {
    const draft = { ...newCallbackDraft(now, OFFICER), knowsOfficer: 'yes' as const, officerKnowsHousehold: 'no' as const, satisfied: 'yes' as const, note: ' 能说出民警姓名 ' };
    expect(draft.date).toBe('2026-05-12');
    const body = callbackBody(draft);
    expect(body).toEqual({ date: '2026-05-12', knowsOfficer: true, officerKnowsHousehold: false, officerId: OFFICER, satisfied: true, note: '能说出民警姓名' });
    expect(callbackCreateSchema.safeParse(body).success).toBe(true);
    expect(callbackBody({ ...draft, satisfied: '', note: '' })).not.toHaveProperty('satisfied');
    expect(callbackErrorsFromApi([{ path: 'date', message: '回访日期不能晚于今天 / must not be in the future' }]).fields).toEqual({ date: '回访日期不能晚于今天' });
  });
});

describe('the officers a call-back is about', () => {
  const fake = (answers: Record<string, unknown>) => ({
    get: <T>(path: string) => (path in answers ? Promise.resolve(answers[path] as T) : Promise.reject(new Error(`404 ${path}`))),
  });
  const household = { officeId: 'ofc_1', workstationId: 'wks_1' };

  it("are the office's community officer and the workstation's contact officer, the caller marked", async () => {
    const api = fake({
      '/directory/offices/ofc_1': { communityOfficerId: 'ofr_a' },
      '/directory/workstations/wks_1': { contactOfficerId: 'ofr_b' },
      '/directory/officers/ofr_a': { name: '李社区' },
    });
    expect(await callbackOfficers(api, household, { officerId: 'ofr_b', name: '王包村' })).toEqual([
      { id: 'ofr_a', name: '李社区（社区民警）' },
      { id: 'ofr_b', name: '王包村（包村民警，本人）' },
    ]);
  });

  it('fall back to the caller when the directory answers nothing', async () => {
    expect(await callbackOfficers(fake({}), household, { officerId: 'ofr_me', name: '赵辅警' })).toEqual([{ id: 'ofr_me', name: '赵辅警（本人）' }]);
    expect(await callbackOfficers(fake({}), household, { name: '无民警' })).toEqual([]);
  });
});
