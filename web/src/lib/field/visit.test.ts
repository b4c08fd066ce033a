import { describe, expect, it } from 'vitest';
import { checkInSchema, checkOutSchema } from '@beatlink/shared';
import { checkInBody, checkOutBody, checkOutTime, emptyCheckOut, makeUpFromSearch, orderMattersForVisit, toFix, validateCheckIn, validateCheckOut } from './visit';

const VILLAGE = 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const MATTER = 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

describe('check-in form', () => {
  it('needs a village, keeps the note short, and builds a body the API schema accepts', () => {
    expect(validateCheckIn({ villageId: '', note: '', makeUp: false })).toEqual({ village: '请选择村（社区）' });
    expect(validateCheckIn({ villageId: VILLAGE, note: '字'.repeat(501), makeUp: false }).note).toMatch(/500/);
    const at = new Date('2026-05-12T06:00:00.000Z');
    const withFix = checkInBody({ villageId: VILLAGE, note: ' 到村委会 ', makeUp: true }, at, toFix({ latitude: 36.78, longitude: 119.96, accuracy: 25.4 }));
    expect(withFix).toEqual({ villageId: VILLAGE, at: '2026-05-12T06:00:00.000Z', position: { lat: 36.78, lng: 119.96, accuracy: 25.4 }, note: '到村委会', makeUp: true });
    expect(checkInSchema.safeParse(withFix).success).toBe(true);
    const bare = checkInBody({ villageId: VILLAGE, note: '', makeUp: false }, at);
    expect(bare).toEqual({ villageId: VILLAGE, at: '2026-05-12T06:00:00.000Z', makeUp: false });
    expect(checkInSchema.safeParse(bare).success).toBe(true);
    expect(toFix({ latitude: 1, longitude: 2, accuracy: Infinity }).accuracy).toBe(100_000);
  });

  it('presets 补课 from the query', () => {
    expect(makeUpFromSearch('?makeUp=1')).toBe(true);
    expect(makeUpFromSearch('')).toBe(false);
  });
});

describe('check-out form', () => {
  it('takes empty counts as 0 and refuses what is not a whole number in range', () => {
    expect(validateCheckOut(emptyCheckOut())).toEqual({});
    expect(validateCheckOut({ ...emptyCheckOut(), households: '2.5', people: '-1' })).toEqual({ households: '入户户数须为整数', people: '走访人数须为整数' });
    expect(validateCheckOut({ ...emptyCheckOut(), households: '501' }).households).toMatch(/500/);
  });

  it('builds a body the API schema accepts, after the check-in', () => {
    const body = checkOutBody({ households: '6', people: ' 11 ', notes: ' 走访独居老人 ', matterIds: [MATTER, MATTER] }, 3, new Date('2026-05-12T09:30:00.000Z'));
    expect(body).toEqual({ version: 3, at: '2026-05-12T09:30:00.000Z', householdsVisited: 6, peopleTalkedTo: 11, notes: '走访独居老人', matterIds: [MATTER] });
    expect(checkOutSchema.safeParse(body).success).toBe(true);
    expect(checkOutBody(emptyCheckOut(), 1, new Date(0))).toMatchObject({ householdsVisited: 0, peopleTalkedTo: 0, matterIds: [] });
    expect(checkOutTime('2026-05-12T09:30:00.000Z', new Date('2026-05-12T09:29:00.000Z')).toISOString()).toBe('2026-05-12T09:30:01.000Z');
    expect(checkOutTime('2026-05-12T09:30:00.000Z', new Date('2026-05-12T10:00:00.000Z')).toISOString()).toBe('2026-05-12T10:00:00.000Z');
  });

  it('offers the matters of the visited village first', () => {
    const matters = [
      { id: 'a', villageId: 'v2', createdAt: '2026-05-12T08:00:00Z' },
      { id: 'b', villageId: 'v1', createdAt: '2026-05-10T08:00:00Z' },
      { id: 'c', villageId: 'v1', createdAt: '2026-05-11T08:00:00Z' },
    ];
    expect(orderMattersForVisit(matters, 'v1').map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });
});
