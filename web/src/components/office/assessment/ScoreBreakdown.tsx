'use client';

import { Tag } from 'antd';
import { assessmentPeriodLabel } from '@beatlink/shared/assessment/periods';
import { RULE_SET_LABELS } from '@beatlink/shared/assessment/rules';
import type { ScoreItem } from '@beatlink/shared/assessment/scoring';
import type { SubjectScore } from '@beatlink/shared/assessment/views';
import { indicatorBasis, indicatorName, pointsText, rawValueText, scaleText, signedText, targetText } from '../../../lib/assessment/format';
import { formatDateTime } from '../../../lib/format';
import { LightTable } from '../matters/LightTable';

/** One score explained: every indicator's raw value, target, weight and points, the scale, deductions, appeals, total and rank. */
export function ScoreBreakdown({ score }: { score: SubjectScore }) {
  const { subject } = score;
  return (
    <div data-testid="score-breakdown" data-subject-id={subject.id}>
      <div className="assess-run-meta">
        <strong>{subject.name}</strong>
        {subject.policeNumber && <span>警号：{subject.policeNumber}</span>}
        {subject.stationName && <span>{subject.stationName}</span>}
        {subject.unitName && <span>{subject.unitName}</span>}
        <Tag color="blue">{score.group.label}</Tag>
        <span className="muted">{RULE_SET_LABELS[score.set]}</span>
      </div>
      <dl className="assess-summary">
        <div>
          <dt>考核期</dt>
          <dd>{assessmentPeriodLabel(score.period)}</dd>
        </div>
        <div>
          <dt>总分</dt>
          <dd className="assess-total" data-testid="score-total">
            {pointsText(score.total)}
          </dd>
        </div>
        <div>
          <dt>名次 / 组内人数</dt>
          <dd data-testid="score-rank">{score.rank !== undefined ? `${score.rank} / ${score.groupSize ?? '—'}` : '—'}</dd>
        </div>
        <div>
          <dt>得分（折算后）</dt>
          <dd>{pointsText(score.earned)}</dd>
        </div>
        <div>
          <dt>扣分</dt>
          <dd>{pointsText(score.deductions)}</dd>
        </div>
        <div>
          <dt>申诉调整</dt>
          <dd>{signedText(score.adjusted)}</dd>
        </div>
        <div>
          <dt>规则版本</dt>
          <dd data-testid="score-rules-version">第 {score.rulesVersion} 版</dd>
        </div>
        <div>
          <dt>计算版本</dt>
          <dd>第 {score.runVersion} 次</dd>
        </div>
      </dl>
      <LightTable<ScoreItem>
        rows={score.items}
        rowKey={(item) => item.indicator}
        size="small"
        minWidth={760}
        testId="score-items"
        rowProps={(item) => ({ className: item.applicable ? '' : 'assess-na', 'data-testid': 'score-item', 'data-indicator': item.indicator, 'data-applicable': String(item.applicable) })}
        columns={[
          {
            key: 'indicator',
            title: '指标',
            width: 170,
            render: (item) => (
              <span title={indicatorBasis(item.indicator)}>
                {indicatorName(item.indicator)}
                {!item.applicable && <span className="muted">（不适用）</span>}
              </span>
            ),
          },
          { key: 'raw', title: '原始值', width: 170, render: (item) => rawValueText(item) },
          { key: 'target', title: '满分标准', width: 190, render: (item) => targetText(item) },
          { key: 'weight', title: '权重', width: 70, render: (item) => (item.kind === 'deduction' ? '—' : pointsText(item.weight)) },
          { key: 'points', title: '得分', width: 80, render: (item) => (item.applicable ? pointsText(item.points) : '—') },
          { key: 'basis', title: '计算依据', render: (item) => <span className="muted">{indicatorBasis(item.indicator)}</span> },
        ]}
      />
      <p className="muted" data-testid="score-scale">
        折算系数：{scaleText(score.scale)}
      </p>
      <section className="assess-section" data-testid="score-adjustments">
        <h4>申诉调整</h4>
        {score.adjustments.length === 0 ? (
          <p className="muted">无</p>
        ) : (
          <LightTable
            rows={score.adjustments}
            rowKey={(a) => a.appealId}
            size="small"
            columns={[
              { key: 'indicator', title: '指标', width: 140, render: (a) => indicatorName(a.indicator) },
              { key: 'points', title: '调整分值', width: 90, render: (a) => signedText(a.points) },
              { key: 'reason', title: '理由', render: (a) => a.reason },
              { key: 'by', title: '处理人', width: 90, render: (a) => a.byName },
              { key: 'at', title: '时间', width: 150, render: (a) => formatDateTime(a.at) },
            ]}
          />
        )}
      </section>
      <p className="muted">计算时间：{formatDateTime(score.computedAt)}</p>
    </div>
  );
}
