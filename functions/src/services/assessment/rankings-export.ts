import { newWorkbook } from '../../lib/excel-workbook';
import { assessmentPeriodLabel, INDICATOR_DEFS, RULE_SET_LABELS, type GroupRanking, type ScoreRun, type SubjectScore } from '@beatlink/shared';
import { allRunScores, getScoreRecord, runRankings } from '../../data/scores';
import type { FileBody } from '../../lib/http-types';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { XLSX_CONTENT_TYPE } from '../analysis/report-export';
import { callerStation } from '../identity/caller-station';
import { runOf } from './score-access';

/**
 * GET /assessment/runs/{period}/export: the period's published run as a workbook — sheet 排名
 * (every peer group, rank order) and sheet 明细 (subject × indicator: raw value, target, weight,
 * points; adjustments below their subject). An officer gets his group's ranking and his own
 * detail; a station's chief every ranking and his station's detail; the offices everything.
 */
type Cell = string | number;

const rawText = (raw: number | null, kind: string): Cell => (raw === null ? '不适用' : kind === 'rate' ? `${(raw * 100).toFixed(2)}%` : raw);

export function rankingsFileName(period: string): string {
  return `考核排名-${period}.xlsx`;
}

export async function rankingsWorkbook(run: ScoreRun, rankings: readonly GroupRanking[], scores: readonly SubjectScore[]): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = 'Beatlink';
  // Fixed, so the same run always gives the same file.
  book.created = new Date(run.computedAt);
  book.modified = new Date(run.computedAt);

  const ranks = book.addWorksheet('排名');
  ranks.columns = [
    { header: '考核期', width: 14 },
    { header: '分组', width: 22 },
    { header: '名次', width: 8 },
    { header: '姓名 / 单位', width: 20 },
    { header: '警号', width: 12 },
    { header: '派出所', width: 18 },
    { header: '警务室 / 工作站', width: 20 },
    { header: '总分', width: 10 },
  ];
  ranks.getRow(1).font = { bold: true };
  for (const ranking of rankings) {
    ranks.addRows(ranking.rows.map((r): Cell[] => [assessmentPeriodLabel(run.period), ranking.group.label, r.rank, r.name, r.policeNumber ?? '', r.stationName ?? '', r.unitName ?? '', r.total]));
  }

  const detail = book.addWorksheet('明细');
  detail.columns = [
    { header: '姓名 / 单位', width: 20 },
    { header: '类别', width: 14 },
    { header: '分组', width: 22 },
    { header: '指标', width: 18 },
    { header: '原始值', width: 12 },
    { header: '分子', width: 8 },
    { header: '分母', width: 8 },
    { header: '满分标准', width: 10 },
    { header: '权重', width: 8 },
    { header: '得分', width: 10 },
    { header: '说明', width: 50 },
  ];
  detail.getRow(1).font = { bold: true };
  const ordered = [...scores].sort((a, b) => (a.group.key < b.group.key ? -1 : a.group.key > b.group.key ? 1 : b.total - a.total || a.subject.id.localeCompare(b.subject.id)));
  for (const s of ordered) {
    const who = [s.subject.name, RULE_SET_LABELS[s.set], s.group.label];
    for (const item of s.items) {
      const def = INDICATOR_DEFS[item.indicator];
      const note = item.kind === 'deduction' ? `每次扣 ${item.perUnit ?? 0} 分${item.cap !== undefined ? `，最多扣 ${item.cap} 分` : ''}` : def.basis;
      detail.addRow([...who, def.zh, rawText(item.raw, item.kind), item.numerator ?? '', item.denominator ?? '', item.target ?? '', item.weight, item.points, note]);
    }
    for (const a of s.adjustments) detail.addRow([...who, `申诉调整：${INDICATOR_DEFS[a.indicator].zh}`, '', '', '', '', '', a.points, a.reason]);
    detail.addRow([...who, '合计', '', '', '', '', '', s.total, `得分 ${s.earned}（按适用指标折算系数 ${s.scale}）${s.deductions ? `，扣分 ${s.deductions}` : ''}${s.adjusted ? `，申诉调整 ${s.adjusted}` : ''}`]).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportRankings(ctxIn: TenantContext, period: string): Promise<FileBody> {
  const ctx = requireTenant(ctxIn);
  const run = await runOf(ctx.tenantId, period);
  let rankings = await runRankings(ctx.tenantId, period, run.version);
  let scores: SubjectScore[];
  if (ctx.scope === 'own') {
    const mine = ctx.officerId ? await getScoreRecord(ctx.tenantId, period, run.version, ctx.officerId) : undefined;
    rankings = mine ? rankings.filter((r) => r.group.key === mine.group.key) : [];
    scores = mine ? [mine] : [];
  } else if (ctx.scope === 'tenant') {
    scores = await allRunScores(ctx.tenantId, period, run.version);
  } else {
    const station = await callerStation(ctx);
    scores = station ? (await allRunScores(ctx.tenantId, period, run.version, 'ofr_')).filter((s) => s.subject.stationId === station) : [];
  }
  return { contentType: XLSX_CONTENT_TYPE, fileName: rankingsFileName(period), data: await rankingsWorkbook(run, rankings, scores) };
}
