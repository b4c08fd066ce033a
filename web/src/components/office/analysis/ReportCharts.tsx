'use client';

import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import type { Report } from '@beatlink/shared/analysis/reports';
import { categoryOption, trendOption, villageOption } from '../../../lib/analysis/charts';

/** The portal's chart box, with this page's class. */
function Chart(props: { option: object; testId: string; height: number }) {
  return <EChart {...props} className="report-chart" />;
}

/** 研判图表: the trend, the breakdown by kind and category, and the village ranking. */
export default function ReportCharts({ report }: { report: Report }) {
  const villages = Math.min(report.byVillage.length, 15);
  const options = useMemo(() => ({ trend: trendOption(report), category: categoryOption(report), villages: villageOption(report) }), [report]);
  return (
    <div className="report-charts" data-testid="report-charts">
      <figure className="report-figure">
        <figcaption>事项趋势</figcaption>
        <Chart option={options.trend} testId="report-chart-trend" height={280} />
      </figure>
      <figure className="report-figure">
        <figcaption>类型与分类构成</figcaption>
        <Chart option={options.category} testId="report-chart-category" height={280} />
      </figure>
      <figure className="report-figure report-figure-wide">
        <figcaption>村（社区）事项排名（红色为热点村）</figcaption>
        <Chart option={options.villages} testId="report-chart-villages" height={Math.max(160, 60 + villages * 26)} />
      </figure>
    </div>
  );
}
