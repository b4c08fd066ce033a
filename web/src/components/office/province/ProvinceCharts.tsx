'use client';

import { useMemo, useState } from 'react';
import { EChart } from '../charts/EChart';
import type { CountyRollup, RollupTrend } from '@beatlink/shared/rollup/figures';
import { TREND_METRICS, TREND_METRIC_LABELS, categoriesOption, ratesOption, trendOption, type TrendMetric } from '../../../lib/province/charts';

/** The portal's chart box, with this page's class. */
function Chart(props: { option: object; testId: string; height: number }) {
  return <EChart {...props} className="province-chart" />;
}

/** 全省图表: the counties' rates side by side, their matters by category, and the trend of a chosen figure. */
export default function ProvinceCharts({ counties, trend, trendError }: { counties: readonly CountyRollup[]; trend?: RollupTrend; trendError?: string }) {
  const [metric, setMetric] = useState<TrendMetric>('index');
  const options = useMemo(() => ({ rates: ratesOption(counties), categories: categoriesOption(counties) }), [counties]);
  const trendChart = useMemo(() => (trend ? trendOption(trend, metric) : undefined), [trend, metric]);
  return (
    <div className="province-charts" data-testid="province-charts">
      <figure className="province-figure">
        <figcaption>县局对比（覆盖率、履职达标率、按期办结率）</figcaption>
        <Chart option={options.rates} testId="province-chart-rates" height={300} />
      </figure>
      <figure className="province-figure">
        <figcaption>各县局受理事项（按分类）</figcaption>
        <Chart option={options.categories} testId="province-chart-categories" height={300} />
      </figure>
      <figure className="province-figure province-figure-wide">
        <figcaption className="province-trend-head">
          <span>近期趋势</span>
          <span className="province-switch" role="tablist" aria-label="趋势指标">
            {TREND_METRICS.map((m) => (
              <button key={m} type="button" role="tab" aria-selected={m === metric} className={m === metric ? 'on' : undefined} onClick={() => setMetric(m)} data-testid={`province-trend-${m}`}>
                {TREND_METRIC_LABELS[m]}
              </button>
            ))}
          </span>
        </figcaption>
        {trendChart ? (
          <Chart option={trendChart} testId="province-chart-trend" height={300} />
        ) : (
          <p className="muted province-chart-empty">{trendError ?? '正在加载趋势…'}</p>
        )}
      </figure>
    </div>
  );
}
