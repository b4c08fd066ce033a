import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../lib/excel-workbook';
import { MATTER_OUTCOME_LABELS, MATTER_OUTCOMES, type ProvinceRollup, type RollupFigures, type RollupQuery } from '@beatlink/shared';
import type { FileBody } from '../../lib/http-types';
import type { TenantContext } from '../../lib/tenant-context';
import { XLSX_CONTENT_TYPE } from '../analysis/report-export';
import { getProvinceRollup } from './rollup-access';

/**
 * GET /province/rollups/export: a stored rollup as an Excel workbook — 各县对比 (one row per
 * county, ranked, then 全省合计) and 事项分类 (matters by category, per county and in total).
 * Values come from the stored rollup only, so the file matches what the portal shows.
 */
type Cell = string | number;

/** A rate as a percentage with one decimal, or empty when there is nothing to rate. */
const pct = (rate: number | null): Cell => (rate === null ? '' : Math.round(rate * 1000) / 10);

const COMPARISON_HEADER = [
  '排名',
  '县（市、区）',
  '综合指数',
  '行政村/社区',
  '已走访村',
  '走访覆盖率(%)',
  '走访次数',
  '履职考评人次',
  '履职达标',
  '已报备',
  '不足',
  '违规',
  '履职达标率(%)',
  '受理事项',
  '已办结',
  '按期办结',
  '按期办结率(%)',
  ...MATTER_OUTCOMES.map((o) => MATTER_OUTCOME_LABELS[o].zh),
  '未办结',
  '矛盾纠纷',
  '就地化解',
  '上交',
  '转化为案件',
  '信息采集',
];

function figureCells(f: RollupFigures): Cell[] {
  return [
    f.villages,
    f.villagesVisited,
    pct(f.coverage),
    f.visits,
    f.duty.evaluated,
    f.duty.met,
    f.duty.excused,
    f.duty.short,
    f.duty.violation,
    pct(f.duty.rate),
    f.matters.total,
    f.matters.closed,
    f.matters.closedOnTime,
    pct(f.matters.onTimeRate),
    ...MATTER_OUTCOMES.map((o) => f.matters.byOutcome[o] ?? 0),
    f.matters.byOutcome.open ?? 0,
    f.disputes.total,
    f.disputes.resolvedAtVillage,
    f.disputes.escalated,
    f.disputes.turnedIntoCase,
    f.intelCollected,
  ];
}

function addSheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths: number[], boldLast = false): void {
  const sheet = book.addWorksheet(name);
  sheet.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  if (boldLast && rows.length > 0) sheet.getRow(rows.length + 1).font = { bold: true };
}

export const rollupFileName = (rollup: Pick<ProvinceRollup, 'period'>): string => `省厅汇总-${rollup.period}.xlsx`;

export async function rollupWorkbook(rollup: ProvinceRollup): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = 'Beatlink';
  // Fixed, so the same rollup always gives the same file.
  book.created = new Date(rollup.generatedAt);
  book.modified = new Date(rollup.generatedAt);

  addSheet(
    book,
    '各县对比',
    COMPARISON_HEADER,
    [...rollup.counties.map((c): Cell[] => [c.rank, c.countyName, c.index, ...figureCells(c.figures)]), ['', '全省合计', '', ...figureCells(rollup.total)]],
    [8, 18, 10],
    true,
  );

  // Categories: the province's, most frequent first, then a column per county.
  const categories = rollup.total.matters.byCategory;
  addSheet(
    book,
    '事项分类',
    ['事项类别', '全省合计', ...rollup.counties.map((c) => c.countyName)],
    categories.map((cat): Cell[] => [cat.name, cat.count, ...rollup.counties.map((c) => c.figures.matters.byCategory.find((x) => x.categoryId === cat.categoryId)?.count ?? 0)]),
    [20, 10],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportProvinceRollup(ctx: TenantContext, query: RollupQuery): Promise<FileBody> {
  const rollup = await getProvinceRollup(ctx, query);
  return { contentType: XLSX_CONTENT_TYPE, fileName: rollupFileName(rollup), data: await rollupWorkbook(rollup) };
}
