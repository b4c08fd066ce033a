'use client';

import { INDICATOR_DEFS } from '@beatlink/shared/assessment/indicators';
import { RULE_SET_LABELS, RULE_SETS, type IndicatorRule, type ScoreRules } from '@beatlink/shared/assessment/rules';
import { indicatorBasis, indicatorName, percentText, pointsText } from '../../../lib/assessment/format';
import { weightSum } from '../../../lib/assessment/rules';
import { LightTable } from '../matters/LightTable';

const KIND_LABELS = { rate: '比率', count: '数量（每月）', deduction: '扣分项' } as const;

/** 满分标准 of a rule as read: a rate as %, a count per month. */
function targetOf(rule: IndicatorRule): string {
  const kind = INDICATOR_DEFS[rule.indicator].kind;
  if (kind === 'deduction' || rule.target === undefined) return '—';
  return kind === 'rate' ? percentText(rule.target) : `${pointsText(rule.target)} / 月`;
}

/** The rules of one version, read only: the three sets, the peer groups and the spot-check sample sizes. */
export function RuleSetView({ rules }: { rules: ScoreRules }) {
  return (
    <div data-testid="rules-view">
      {RULE_SETS.map((set) => {
        const sum = weightSum(rules[set]);
        return (
          <section key={set} className="assess-group" data-testid="rule-set" data-set={set}>
            <h3>
              {RULE_SET_LABELS[set]}
              <span className={sum === 100 ? 'muted' : 'assess-weight-bad'}>（权重合计 {sum}）</span>
            </h3>
            <LightTable<IndicatorRule>
              rows={rules[set]}
              rowKey={(r) => r.indicator}
              size="small"
              minWidth={820}
              columns={[
                { key: 'indicator', title: '指标', width: 150, render: (r) => <span title={indicatorBasis(r.indicator)}>{indicatorName(r.indicator)}</span> },
                { key: 'kind', title: '类型', width: 100, render: (r) => KIND_LABELS[INDICATOR_DEFS[r.indicator].kind] },
                { key: 'weight', title: '权重', width: 70, render: (r) => (INDICATOR_DEFS[r.indicator].kind === 'deduction' ? '—' : pointsText(r.weight)) },
                { key: 'target', title: '满分标准', width: 110, render: targetOf },
                { key: 'perUnit', title: '每次扣分', width: 90, render: (r) => (r.perUnit === undefined ? '—' : pointsText(r.perUnit)) },
                { key: 'cap', title: '最多扣分', width: 90, render: (r) => (r.cap === undefined ? '—' : pointsText(r.cap)) },
                { key: 'basis', title: '计算依据', render: (r) => <span className="muted">{indicatorBasis(r.indicator)}</span> },
              ]}
            />
          </section>
        );
      })}
      <section className="assess-group" data-testid="rule-groups">
        <h3>考核分组与抽查</h3>
        <div className="assess-switches">
          <span>社区民警按等级分组：{rules.peerGroups.communityByGrade ? '是' : '否'}</span>
          <span>社区民警按城乡分组：{rules.peerGroups.communityByCategory ? '是' : '否'}</span>
          <span>
            月抽查样本数：走访 {rules.spotCheck.visits} 条，入户 {rules.spotCheck.households} 户（每位包村民警）
          </span>
        </div>
      </section>
    </div>
  );
}
