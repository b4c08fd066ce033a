import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES, type ScoreRules } from '@beatlink/shared/assessment/rules';
import { cellKey, hasErrors, indicatorsOfSet, inputToTarget, newRule, previewRows, rankChangeText, ruleErrorsOfDetails, targetToInput, validateRules, weightSum, withIndicator } from './rules';

const copy = (): ScoreRules => structuredClone(DEFAULT_SCORE_RULES);

describe('score rules', () => {
  it('sums the weights of each set (deductions weigh nothing)', () => {
    expect(weightSum(DEFAULT_SCORE_RULES.community)).toBe(100);
    expect(weightSum(DEFAULT_SCORE_RULES.contact)).toBe(100);
    expect(weightSum(DEFAULT_SCORE_RULES.agency)).toBe(100);
    expect(weightSum([{ indicator: 'duty_compliance', weight: 33.3 }, { indicator: 'satisfaction', weight: 66.7 }])).toBe(100);
  });

  it('edits rate targets as percentages', () => {
    expect(targetToInput('satisfaction', 0.95)).toBe(95);
    expect(inputToTarget('satisfaction', 90)).toBe(0.9);
    expect(targetToInput('households_visited', 40)).toBe(40);
    expect(inputToTarget('households_visited', null)).toBeUndefined();
  });

  it('checks the draft as the API does', () => {
    expect(hasErrors(validateRules(DEFAULT_SCORE_RULES))).toBe(false);
    const rules = copy();
    rules.community[0]!.weight = 20;
    rules.community[4]!.target = 1.2;
    rules.community.push({ indicator: 'spot_check_pass', weight: 5, target: 0.9 });
    rules.agency[3]!.weight = 1;
    rules.spotCheck.visits = 30;
    const errors = validateRules(rules);
    // 20 + … + the (refused) spot check's 5 still add up to 100.
    expect(errors.sets.community).toBeUndefined();
    expect(errors.cells[cellKey('community', 4, 'target')]).toBe('比率的满分标准在 0 到 100% 之间');
    expect(errors.cells[cellKey('community', 9, 'indicator')]).toBe('该指标不适用于此类考核对象');
    expect(errors.cells[cellKey('agency', 3, 'weight')]).toBe('扣分项权重须为 0');
    expect(errors.general).toEqual(['抽查走访样本数须为 0 到 20 的整数']);
    rules.contact[0]!.weight = 10;
    expect(validateRules(rules).sets.contact).toBe('权重合计须为 100（现为 80）');
  });

  it('places the server details next to their cell or set', () => {
    const errors = ruleErrorsOfDetails([
      { path: 'rules.community.2.target', message: '须填写满分标准 / target is required' },
      { path: 'rules.contact', message: '权重合计须为 100（现为 90） / weights must add up to 100 (90)' },
      { path: 'rules.spotCheck.visits', message: '不能大于 20' },
      { path: '', message: '草稿已被他人修改' },
    ]);
    expect(errors.cells).toEqual({ 'community.2.target': '须填写满分标准' });
    expect(errors.sets).toEqual({ contact: '权重合计须为 100（现为 90）' });
    expect(errors.general).toEqual(['抽查样本数：不能大于 20', '草稿已被他人修改']);
  });

  it('adds and changes indicators within what the set may use', () => {
    expect(indicatorsOfSet('community')).not.toContain('spot_check_pass');
    expect(indicatorsOfSet('contact')).toContain('spot_check_pass');
    expect(indicatorsOfSet('agency')).toEqual(['agency_accept_on_time', 'agency_feedback_on_time', 'agency_satisfaction', 'agency_returns']);
    expect(newRule('community', DEFAULT_SCORE_RULES.community)).toBeUndefined();
    expect(newRule('agency', DEFAULT_SCORE_RULES.agency.slice(0, 3))).toEqual({ indicator: 'agency_returns', weight: 0, perUnit: 5, cap: 20 });
    expect(withIndicator({ indicator: 'households_visited', weight: 15, target: 40 }, 'satisfaction')).toEqual({ indicator: 'satisfaction', weight: 15, target: 1 });
    expect(withIndicator({ indicator: 'satisfaction', weight: 15, target: 0.9 }, 'violations')).toEqual({ indicator: 'violations', weight: 0, perUnit: 5, cap: 20 });
  });

  it('compares the draft with the published scores', () => {
    const rows = previewRows({
      period: '2026-10',
      draftBasedOn: 1,
      rows: [
        { subjectId: 'b', name: '李四', set: 'contact', group: { key: 'contact', label: '包村民警' }, currentTotal: 80, currentRank: 1, draftTotal: 78.5, draftRank: 2 },
        { subjectId: 'a', name: '张三', set: 'contact', group: { key: 'contact', label: '包村民警' }, currentTotal: 79, currentRank: 2, draftTotal: 82, draftRank: 1 },
        { subjectId: 'c', name: '王五', set: 'contact', group: { key: 'contact', label: '包村民警' }, draftTotal: 60, draftRank: 3 },
      ],
    });
    expect(rows.map((r) => [r.name, r.change, r.rankChange])).toEqual([
      ['张三', 3, 1],
      ['李四', -1.5, -1],
      ['王五', undefined, undefined],
    ]);
    expect(rankChangeText(1)).toBe('↑1');
    expect(rankChangeText(-2)).toBe('↓2');
    expect(rankChangeText(0)).toBe('持平');
    expect(rankChangeText(undefined)).toBe('新增');
  });
});
