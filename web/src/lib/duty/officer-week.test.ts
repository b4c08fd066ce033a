import { describe, expect, it } from 'vitest';
import type { Visit } from '@beatlink/shared/duty/visits';
import { durationText, visitRow, visitTotals } from './officer-week';

const visit = (over: Partial<Visit>): Visit =>
  ({
    id: 'vis_1',
    villageName: '东关村',
    checkedInAt: '2026-05-12T05:00:00.000Z',
    checkedOutAt: '2026-05-12T08:05:00.000Z',
    minutes: 185,
    makeUp: false,
    checkInFlag: { flagged: false },
    ...over,
  }) as Visit;

describe('officer week', () => {
  it('prints durations', () => {
    expect(durationText(185)).toBe('3 小时 5 分');
    expect(durationText(45)).toBe('45 分');
    expect(durationText(120)).toBe('2 小时');
    expect(durationText(undefined)).toBe('—');
  });

  it('turns a visit into a row in the county zone', () => {
    expect(visitRow(visit({}), 'Asia/Shanghai')).toEqual({
      id: 'vis_1',
      village: '东关村',
      checkedIn: '2026/05/12 13:00',
      checkedOut: '16:05',
      duration: '3 小时 5 分',
      open: false,
      makeUp: false,
      flag: '',
    });
    const late = visitRow(visit({ checkedOutAt: '2026-05-12T16:30:00.000Z', makeUp: true, checkInFlag: { flagged: true, reason: 'too_far', distanceMetres: 3000 } }), 'Asia/Shanghai');
    expect(late).toMatchObject({ checkedOut: '2026/05/13 00:30', makeUp: true, flag: '签到位置距村过远' });
    expect(visitRow(visit({ checkedOutAt: undefined, minutes: 0 }), 'Asia/Shanghai')).toMatchObject({ open: true, checkedOut: '未签退', duration: '进行中' });
  });

  it('counts regular, make-up and flagged visits', () => {
    expect(visitTotals([visit({}), visit({ makeUp: true, minutes: 60 }), visit({ checkInFlag: { flagged: true, reason: 'no_position' } })])).toEqual({ regular: 2, makeUp: 1, flagged: 1, minutes: 430 });
  });
});
