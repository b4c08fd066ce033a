'use client';

import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Report } from '@beatlink/shared/analysis/reports';
import { categoryOption, trendOption, villageOption } from '../../../lib/analysis/charts';

// Only what the three charts use: the trimmed echarts/core chunk, loaded after the page (next/dynamic).
echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts canvas that follows its option and its box's width. */
function Chart({ option, testId, height }: { option: object; testId: string; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption(option as echarts.EChartsCoreOption);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} className="report-chart" style={{ height }} data-testid={testId} />;
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
