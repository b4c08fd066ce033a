import { describe, expect, it } from 'vitest';
import type { MakeUpState } from '@beatlink/shared/duty/compliance';
import { boardQuery, boardTotals, countCards, doneText, evaluationMessage, firstReason, makeUpPercent, makeUpProgressText, officerWeekHref, reachesRequired, sortEntries } from './compliance';

const makeUp: MakeUpState = {
  week: '2026-W20',
  absenceId: 'abs_1',
  unit: 'hours',
  amount: 3,
  dueDate: '2026-05-26',
  covered: 1.5,
  remaining: 1.5,
  status: 'open',
  dueAt: '2026-05-26T15:59:59.999Z',
  visitIds: [],
};

describe('the compliance board', () => {
  it('shows the four statuses, then those not evaluated', () => {
    const cards = countCards({ counts: { met: 10, short: 2, excused: 1, violation: 3 }, notEvaluated: 4 });
    expect(cards.map((c) => [c.label, c.count])).toEqual([
      ['达标', 10],
      ['不足', 2],
      ['已报备', 1],
      ['违规', 3],
      ['未评估', 4],
    ]);
    expect(countCards(undefined).every((c) => c.count === 0)).toBe(true);
    expect(boardTotals({ counts: { met: 10, short: 2, excused: 1, violation: 3 }, notEvaluated: 4 })).toEqual({ evaluated: 16, total: 20 });
  });

  it('reads required against done in the rule unit', () => {
    expect(doneText({ unit: 'days', daysInVillages: 1, required: 2 })).toBe('1 / 2 天');
    expect(doneText({ unit: 'hours', sessionHours: 2.456, required: 3 })).toBe('2.46 / 3 小时');
    expect(doneText({ unit: 'hours', required: 3 })).toBe('0 / 3 小时');
    expect(reachesRequired({ unit: 'days', daysInVillages: 2, required: 2 })).toBe(true);
    expect(reachesRequired({ unit: 'hours', sessionHours: 2.99, required: 3 })).toBe(false);
  });

  it('reads the make-up progress', () => {
    expect(makeUpProgressText(makeUp)).toBe('已补 1.5 / 3 小时 · 待补课 · 截止 2026-05-26');
    expect(makeUpProgressText(undefined)).toBe('');
    expect(makeUpPercent(makeUp)).toBe(50);
    expect(makeUpPercent({ covered: 4, amount: 3 })).toBe(100);
  });

  it('puts problems first and links rows to the officer week', () => {
    const rows = sortEntries([
      { status: 'met' as const, officerName: '王' },
      { status: 'violation' as const, officerName: '李' },
      { status: 'short' as const, officerName: '张' },
      { status: 'violation' as const, officerName: '陈' },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['violation', 'violation', 'short', 'met']);
    expect(officerWeekHref('off_1', '2026-W20')).toBe('/duty/officer?officerId=off_1&week=2026-W20');
    expect(firstReason({ reasons: ['本周未到所辖村（社区）工作', '另有'] })).toBe('本周未到所辖村（社区）工作');
    expect(firstReason({ reasons: [] })).toBe('');
  });

  it('queries the week with the chosen filters only', () => {
    expect(boardQuery('2026-W20', {})).toEqual({ week: '2026-W20' });
    expect(boardQuery('2026-W20', { status: 'violation', stationId: 'stn_1' })).toEqual({ week: '2026-W20', status: 'violation', stationId: 'stn_1' });
    expect(evaluationMessage({ week: '2026-W20', officers: 120, itemsRead: 840 })).toBe('已重新评估 2026-W20：120 名民警，读取 840 条记录');
  });
});
