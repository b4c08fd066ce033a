import { describe, expect, it } from 'vitest';
import { cancelBody, draftOf, emptyDraft, periodBody, periodFieldOfPath, periodPhase, periodRangeText, validatePeriod } from './sensitive-periods';

describe('sensitive periods', () => {
  it('checks the draft as the API does', () => {
    expect(validatePeriod(emptyDraft())).toEqual({ name: '请填写名称', startDate: '请选择开始日期', endDate: '请选择结束日期' });
    expect(validatePeriod({ name: '国庆安保', startDate: '2026-10-08', endDate: '2026-09-28', note: '' })).toEqual({ endDate: '结束日期不能早于开始日期' });
    expect(validatePeriod({ name: '全年', startDate: '2026-01-01', endDate: '2027-01-03', note: '' })).toEqual({ endDate: '敏感时期不能超过一年' });
    expect(validatePeriod({ name: 'x'.repeat(41), startDate: '2026-01-01', endDate: '2026-01-02', note: '' })).toEqual({ name: '名称不超过 40 字' });
    expect(validatePeriod({ name: '国庆安保', startDate: '2026-09-28', endDate: '2026-10-08', note: '' })).toEqual({});
  });

  it('builds the create, edit and cancel bodies', () => {
    const draft = { name: ' 国庆安保 ', startDate: '2026-09-28', endDate: '2026-10-08', note: ' ' };
    expect(periodBody(draft)).toEqual({ name: '国庆安保', startDate: '2026-09-28', endDate: '2026-10-08' });
    expect(periodBody({ ...draft, note: '日调度' }, 3)).toEqual({ version: 3, name: '国庆安保', startDate: '2026-09-28', endDate: '2026-10-08', note: '日调度' });
    expect(cancelBody(2, '  ')).toEqual({ version: 2 });
    expect(cancelBody(2, '活动取消')).toEqual({ version: 2, reason: '活动取消' });
    expect(draftOf({ name: 'a', startDate: '2026-01-01', endDate: '2026-01-02' })).toEqual({ name: 'a', startDate: '2026-01-01', endDate: '2026-01-02', note: '' });
    expect(periodFieldOfPath('endDate')).toBe('endDate');
    expect(periodFieldOfPath('version')).toBeUndefined();
  });

  it('describes the range and where a period stands', () => {
    expect(periodRangeText({ startDate: '2026-09-28', endDate: '2026-10-08' })).toBe('2026-09-28 至 2026-10-08（共 11 天）');
    const period = { startDate: '2026-09-28', endDate: '2026-10-08', status: 'active' as const };
    expect(periodPhase(period, '2026-09-27')).toBe('upcoming');
    expect(periodPhase(period, '2026-10-08')).toBe('running');
    expect(periodPhase(period, '2026-10-09')).toBe('ended');
    expect(periodPhase({ ...period, status: 'cancelled' }, '2026-10-01')).toBe('cancelled');
  });
});
