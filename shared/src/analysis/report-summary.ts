import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES } from '../duty/labels';
import type { CountRow, ReportDuty, ReportScope, ReportTotals, ReportType, VillageRow } from './reports';

/**
 * The generated summary of a report (研判讲评的文字部分): a few Chinese paragraphs built from the
 * numbers only, so the same records always read the same. Pure.
 */
export interface SummaryInput {
  type: ReportType;
  /** `2026-W47（11月16日—11月22日）` or `10月2日`. */
  periodText: string;
  scope: ReportScope;
  totals: ReportTotals;
  byKind: CountRow[];
  hotSpots: VillageRow[];
  openHighRiskDisputes: number;
  maxOverdueHours: number;
  duty: ReportDuty;
  /** Officers who visited (daily). */
  officersVisiting: number;
  uncoveredVillages: number;
}

const WORDS = {
  weekly: { this: '本周', before: '上周' },
  daily: { this: '当日', before: '前一日' },
} as const;

/** `增加 3 件（+33%）`, `减少 2 件（−50%）`, `持平`, `增加 4 件（上周为 0）`. */
export function changeText(count: number, previous: number, beforeWord: string, unit = '件'): string {
  const diff = count - previous;
  if (diff === 0) return '持平';
  const amount = `${diff > 0 ? '增加' : '减少'} ${Math.abs(diff)} ${unit}`;
  if (previous === 0) return `${amount}（${beforeWord}为 0）`;
  const percent = Math.round((Math.abs(diff) / previous) * 100);
  return `${amount}（${diff > 0 ? '+' : '−'}${percent}%）`;
}

export function reportSummary(s: SummaryInput): string[] {
  const w = WORDS[s.type];
  const where = s.scope.kind === 'county' ? '全县' : `${s.scope.name}辖区`;
  const t = s.totals;
  const kinds = s.byKind.filter((k) => k.count > 0).map((k) => `${k.name} ${k.count} 件`);

  const intake =
    `${s.periodText}${where}共受理事项 ${t.matters} 件，较${w.before}${changeText(t.matters, t.previous, w.before)}` +
    (kinds.length > 0 ? `；其中${kinds.join('、')}` : '') +
    (t.linkage > 0 ? `；需部门联动 ${t.linkage} 件` : '') +
    '。';

  const hot =
    s.hotSpots.length > 0
      ? `热点村 ${s.hotSpots.length} 个：${s.hotSpots.map((v) => `${v.villageName}（${v.count} 件，${w.before} ${v.previous} 件）`).join('、')}，须组织排查。`
      : `${w.this}未发现热点村。`;

  const risks =
    `高风险纠纷 ${t.highRiskDisputes} 起` +
    (t.highRiskDisputes > 0 ? `（未办结 ${s.openHighRiskDisputes} 起）` : '') +
    `；超期未办事项 ${t.overdue} 件` +
    (t.overdue > 0 ? `，最长超期 ${s.maxOverdueHours} 小时` : '') +
    '。';

  const duty =
    s.type === 'weekly'
      ? s.duty.evaluated > 0
        ? `驻村履职：${COMPLIANCE_STATUSES.map((st) => `${COMPLIANCE_STATUS_LABELS[st].zh} ${s.duty.byStatus[st] ?? 0} 人`).join('，')}。`
        : '驻村履职：本周尚无履职评估结果。'
      : `驻村走访：${s.officersVisiting} 名民警入村。`;

  const field =
    `${w.this}入村走访 ${t.visits} 次，入户 ${t.householdsVisited} 户` +
    (s.uncoveredVillages > 0 ? `，${s.uncoveredVillages} 个村无走访记录` : '，各村均有走访') +
    `；信息采集 ${t.intelCollected} 条，新登记住户 ${t.householdsRegistered} 户。`;

  return [intake, hot, risks, `${duty}${field}`];
}
