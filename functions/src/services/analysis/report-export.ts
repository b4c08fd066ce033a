import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../lib/excel-workbook';
import {
  ACTION_KIND_LABELS,
  COMPLIANCE_STATUS_LABELS,
  DISPUTE_TYPE_LABELS,
  MATTER_STATUS_LABELS,
  REPORT_TYPE_LABELS,
  RISK_LEVEL_LABELS,
  zonedDate,
  type ComplianceStatus,
  type DisputeType,
  type MatterStatus,
  type Report,
  type RiskLevel,
} from '@beatlink/shared';
import type { FileBody } from '../../lib/http-types';
import type { TenantContext } from '../../lib/tenant-context';
import { loadVisibleReport } from './report-access';

/**
 * GET /analysis/reports/{id}/export: the report as an Excel workbook for the 讲评 meeting, one
 * sheet per part, sheet names and headers in Chinese, header rows bold. Values come from the
 * stored report only (nothing is recomputed), so the file matches what the portal shows.
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number;

const label = <K extends string>(labels: Record<K, { zh: string }>, key: string): string => labels[key as K]?.zh ?? key;

const ROLE_LABELS: Record<string, string> = { community_officer: '社区民警', contact_officer: '包村民警' };

/** A local time for people: `2026-11-20 14:00` in the county's zone. */
function localTime(iso: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${zonedDate(iso, timeZone)} ${time}`;
}

function addSheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths: number[]): void {
  const sheet = book.addWorksheet(name);
  sheet.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
}

export function reportFileName(report: Pick<Report, 'type' | 'period' | 'scope'>): string {
  return `${report.type === 'weekly' ? '研判报告' : '日调度'}-${report.period}-${report.scope.name}.xlsx`;
}

export async function reportWorkbook(report: Report): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = 'Beatlink';
  // Fixed, so the same report always gives the same file.
  book.created = new Date(report.generatedAt);
  book.modified = new Date(report.generatedAt);
  const t = report.totals;
  const tz = report.timeZone;

  addSheet(
    book,
    '概况',
    ['项目', '内容'],
    [
      ['报告', `${REPORT_TYPE_LABELS[report.type].zh} ${report.period}`],
      ['范围', report.scope.name],
      ['时段', `${localTime(report.periodStart, tz)} 至 ${localTime(report.periodEnd, tz)}`],
      ...(report.sensitivePeriod ? [['敏感时期', report.sensitivePeriod.name] as Cell[]] : []),
      ['受理事项', t.matters],
      ['上期受理', t.previous],
      ['联动事项', t.linkage],
      ['热点村', t.hotSpots],
      ['高风险纠纷', t.highRiskDisputes],
      ['超期事项', t.overdue],
      ['走访次数', t.visits],
      ['入户户数', t.householdsVisited],
      ['信息采集', t.intelCollected],
      ['新登记住户', t.householdsRegistered],
      ['生成时间', localTime(report.generatedAt, tz)],
      ...report.summary.map((p, i): Cell[] => [i === 0 ? '研判摘要' : '', p]),
    ],
    [16, 100],
  );
  addSheet(
    book,
    '分类统计',
    ['维度', '类别', '件数'],
    [...report.byKind.map((r): Cell[] => ['事项类型', r.name, r.count]), ...report.byCategory.map((r): Cell[] => ['事项类别', r.name, r.count]), ...report.intelByType.map((r): Cell[] => ['信息采集', r.name, r.count])],
    [12, 20, 10],
  );
  addSheet(
    book,
    '村排名',
    ['排名', '村（社区）', '本期', '上期', '变化', '热点'],
    report.byVillage.map((v, i): Cell[] => [i + 1, v.villageName, v.count, v.previous, v.change, v.hot ? '是' : '否']),
    [8, 20, 10, 10, 10, 8],
  );
  addSheet(
    book,
    '高风险纠纷',
    ['事项编号', '标题', '村（社区）', '纠纷类型', '风险等级', '状态'],
    report.highRiskDisputes.map((d): Cell[] => [d.matterId, d.title, d.villageName, label<DisputeType>(DISPUTE_TYPE_LABELS, d.disputeType), label<RiskLevel>(RISK_LEVEL_LABELS, d.riskLevel), label<MatterStatus>(MATTER_STATUS_LABELS, d.status)]),
    [32, 30, 16, 14, 10, 16],
  );
  addSheet(
    book,
    '超期事项',
    ['事项编号', '标题', '村（社区）', '承办单位', '时限', '超期（小时）', '督办层级'],
    report.overdue.map((o): Cell[] => [o.matterId, o.title, o.villageName, o.holderName, localTime(o.deadline, tz), o.overdueHours, o.escalationLevel]),
    [32, 30, 16, 20, 18, 12, 10],
  );
  addSheet(
    book,
    '驻村履职',
    ['民警', '岗位', '结果', '原因'],
    [
      ...Object.entries(report.duty.byStatus).map(([status, count]): Cell[] => ['合计', '', status === 'visited' ? '入村民警' : label<ComplianceStatus>(COMPLIANCE_STATUS_LABELS, status), count]),
      ...report.duty.problems.map((p): Cell[] => [p.officerName, ROLE_LABELS[p.role] ?? p.role, label<ComplianceStatus>(COMPLIANCE_STATUS_LABELS, p.status), p.reasons.join('；')]),
    ],
    [14, 12, 10, 60],
  );
  addSheet(
    book,
    '研判事项',
    ['编号', '类型', '事项', '说明', '村（社区）', '关联事项', '已交办事项'],
    report.actions.map((a): Cell[] => [a.id, ACTION_KIND_LABELS[a.kind].zh, a.title, a.detail, a.villageName ?? '', a.matterId ?? '', a.assignedMatterId ?? '']),
    [8, 14, 30, 60, 16, 32, 32],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportReport(ctx: TenantContext, id: string): Promise<FileBody> {
  const { report } = await loadVisibleReport(ctx, id);
  return { contentType: XLSX_CONTENT_TYPE, fileName: reportFileName(report), data: await reportWorkbook(report) };
}
