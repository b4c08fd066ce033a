import type { ErrorDetail } from '@beatlink/shared';
import { INDICATOR_DEFS, INDICATORS, type IndicatorId } from '@beatlink/shared/assessment/indicators';
import { RULE_SETS, type IndicatorRule, type RuleSet, type ScoreRules } from '@beatlink/shared/assessment/rules';
import type { RulePreview } from '@beatlink/shared/assessment/views';
import { chinesePart } from '../api-error';

/** 考核细则: weight sums, rate targets as %, the draft's checks and the server's errors per cell. */

export type RuleField = 'indicator' | 'weight' | 'target' | 'perUnit' | 'cap';

/** Σ weights of the positive items of a set (deductions weigh 0); must be 100. */
export function weightSum(rules: readonly IndicatorRule[]): number {
  return Number(rules.filter((r) => INDICATOR_DEFS[r.indicator]?.kind !== 'deduction').reduce((s, r) => s + (r.weight || 0), 0).toFixed(4));
}

/** The indicators a set may use (community officers have no spot check; agencies their own four). */
export function indicatorsOfSet(set: RuleSet): IndicatorId[] {
  return INDICATORS.filter((i) => (set === 'agency' ? INDICATOR_DEFS[i].subject === 'agency' : INDICATOR_DEFS[i].subject === 'officer' && (set === 'contact' || i !== 'spot_check_pass')));
}

/** A rate target is edited as a percentage (0.95 ↔ 95). */
export function targetToInput(indicator: IndicatorId, target: number | undefined): number | undefined {
  if (target === undefined) return undefined;
  return INDICATOR_DEFS[indicator].kind === 'rate' ? Number((target * 100).toFixed(4)) : target;
}

export function inputToTarget(indicator: IndicatorId, input: number | null | undefined): number | undefined {
  if (input === null || input === undefined) return undefined;
  return INDICATOR_DEFS[indicator].kind === 'rate' ? Number((input / 100).toFixed(6)) : input;
}

export const cellKey = (set: RuleSet, index: number, field: RuleField) => `${set}.${index}.${field}`;

export interface RuleErrors {
  /** Keyed by cellKey. */
  cells: Record<string, string>;
  /** A set as a whole (the weight sum). */
  sets: Partial<Record<RuleSet, string>>;
  /** Anything else (peer groups, sample sizes, the version). */
  general: string[];
}

const emptyErrors = (): RuleErrors => ({ cells: {}, sets: {}, general: [] });

/** The draft checked as the API checks it (shared/src/assessment/schemas.ts), so most mistakes show before saving. */
export function validateRules(rules: ScoreRules): RuleErrors {
  const errors = emptyErrors();
  for (const set of RULE_SETS) {
    const seen = new Set<IndicatorId>();
    if (rules[set].length === 0) errors.sets[set] = '至少须有一项指标';
    rules[set].forEach((rule, i) => {
      const def = INDICATOR_DEFS[rule.indicator];
      const cell = (field: RuleField, message: string) => (errors.cells[cellKey(set, i, field)] ??= message);
      if (!indicatorsOfSet(set).includes(rule.indicator)) cell('indicator', '该指标不适用于此类考核对象');
      if (seen.has(rule.indicator)) cell('indicator', '指标重复');
      seen.add(rule.indicator);
      if (!def) return;
      if (def.kind === 'deduction') {
        if (rule.perUnit === undefined) cell('perUnit', '须填写每次扣分');
        if (rule.weight !== 0) cell('weight', '扣分项权重须为 0');
      } else {
        if (rule.target === undefined) cell('target', '须填写满分标准');
        else if (rule.target <= 0) cell('target', '满分标准须大于 0');
        else if (def.kind === 'rate' && rule.target > 1) cell('target', '比率的满分标准在 0 到 100% 之间');
        if (rule.weight < 0 || rule.weight > 100) cell('weight', '权重在 0 到 100 之间');
      }
    });
    const sum = weightSum(rules[set]);
    if (Math.abs(sum - 100) > 1e-9) errors.sets[set] ??= `权重合计须为 100（现为 ${sum}）`;
  }
  const { visits, households } = rules.spotCheck;
  for (const [name, value] of [['走访', visits], ['入户', households]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 20) errors.general.push(`抽查${name}样本数须为 0 到 20 的整数`);
  }
  return errors;
}

export function hasErrors(errors: RuleErrors): boolean {
  return Object.keys(errors.cells).length > 0 || Object.keys(errors.sets).length > 0 || errors.general.length > 0;
}

/** The API's 400 details (`rules.community.2.target`, `rules.contact`) placed next to the cell or set they name. */
export function ruleErrorsOfDetails(details: readonly ErrorDetail[]): RuleErrors {
  const errors = emptyErrors();
  for (const detail of details) {
    const message = chinesePart(detail.message);
    const path = detail.path.replace(/^rules\./, '').split('.');
    const [set, index, field] = path;
    if (set && (RULE_SETS as readonly string[]).includes(set)) {
      if (index !== undefined && /^\d+$/.test(index)) {
        const f: RuleField = field && ['indicator', 'weight', 'target', 'perUnit', 'cap'].includes(field) ? (field as RuleField) : 'indicator';
        errors.cells[cellKey(set as RuleSet, Number(index), f)] ??= message;
      } else errors.sets[set as RuleSet] ??= message;
      continue;
    }
    errors.general.push(detail.path ? `${labelOfPath(detail.path)}：${message}` : message);
  }
  return errors;
}

function labelOfPath(path: string): string {
  if (path.includes('spotCheck')) return '抽查样本数';
  if (path.includes('peerGroups')) return '考核分组';
  if (path === 'version') return '草稿版本';
  return path;
}

/** An empty rule for the indicator that the set does not use yet. */
export function newRule(set: RuleSet, rules: readonly IndicatorRule[]): IndicatorRule | undefined {
  const free = indicatorsOfSet(set).find((i) => !rules.some((r) => r.indicator === i));
  if (!free) return undefined;
  const kind = INDICATOR_DEFS[free].kind;
  return kind === 'deduction' ? { indicator: free, weight: 0, perUnit: 5, cap: 20 } : { indicator: free, weight: 0, target: kind === 'rate' ? 1 : 1 };
}

/** A rule after its indicator changes: the fields of the new kind, the others dropped. */
export function withIndicator(rule: IndicatorRule, indicator: IndicatorId): IndicatorRule {
  const kind = INDICATOR_DEFS[indicator].kind;
  if (kind === 'deduction') return { indicator, weight: 0, perUnit: rule.perUnit ?? 5, cap: rule.cap ?? 20 };
  return { indicator, weight: rule.weight, target: kind === 'rate' ? Math.min(rule.target ?? 1, 1) : (rule.target ?? 1) };
}

export interface PreviewRow {
  subjectId: string;
  name: string;
  groupLabel: string;
  currentTotal?: number;
  draftTotal: number;
  /** draftTotal − currentTotal; undefined when the subject had no published score. */
  change?: number;
  currentRank?: number;
  draftRank: number;
  /** currentRank − draftRank: positive = moved up. */
  rankChange?: number;
}

/** The preview's rows, by group then draft rank; the changes computed. */
export function previewRows(preview: RulePreview): PreviewRow[] {
  return preview.rows
    .map((row) => ({
      subjectId: row.subjectId,
      name: row.name,
      groupLabel: row.group.label,
      currentTotal: row.currentTotal,
      draftTotal: row.draftTotal,
      change: row.currentTotal === undefined ? undefined : Number((row.draftTotal - row.currentTotal).toFixed(2)),
      currentRank: row.currentRank,
      draftRank: row.draftRank,
      rankChange: row.currentRank === undefined ? undefined : row.currentRank - row.draftRank,
    }))
    .sort((a, b) => a.groupLabel.localeCompare(b.groupLabel, 'zh-CN') || a.draftRank - b.draftRank || a.name.localeCompare(b.name, 'zh-CN'));
}

/** 名次变化 as read: ↑2 / ↓1 / 持平 / 新增. */
export function rankChangeText(change: number | undefined): string {
  if (change === undefined) return '新增';
  if (change === 0) return '持平';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}
