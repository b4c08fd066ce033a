import * as z from 'zod';
import { isoWeekSchema } from '../duty/iso-week-schema';
import { optionalText, text, withExample } from '../fields';
import { idSchema } from '../ids';
import { INDICATOR_DEFS, INDICATORS, type IndicatorId } from './indicators';
import { OFFICER_GRADES } from './peer-groups';
import { ASSESSMENT_PERIOD_PATTERN, ASSESSMENT_PERIOD_TYPES } from './periods';
import { DEFAULT_SCORE_RULES, type RuleSet } from './rules';
import { APPEAL_STATUSES } from './views';
import { SPOT_CHECK_ID_PATTERN, SPOT_CHECK_RESULTS } from './spot-check';

/** The API's input for assessment (考核), spot checks, appeals and the provincial rollup. */

export const assessmentPeriodSchema = z.string().regex(ASSESSMENT_PERIOD_PATTERN, { message: '须为月份（2026-10）或季度（2026-Q4） / must be a month (2026-10) or a quarter (2026-Q4)' });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '须为月份，如 2026-10 / must be a month like 2026-10' });
export const officerGradeSchema = z.enum(OFFICER_GRADES);

const RULE_SET_INDICATORS: Record<RuleSet, readonly IndicatorId[]> = {
  community: INDICATORS.filter((i) => INDICATOR_DEFS[i].subject === 'officer' && i !== 'spot_check_pass'),
  contact: INDICATORS.filter((i) => INDICATOR_DEFS[i].subject === 'officer'),
  agency: INDICATORS.filter((i) => INDICATOR_DEFS[i].subject === 'agency'),
};

const indicatorRuleSchema = z.strictObject({
  indicator: z.enum(INDICATORS),
  weight: z.number().min(0).max(100),
  target: z.number().positive().max(100_000).optional(),
  perUnit: z.number().min(0).max(100).optional(),
  cap: z.number().min(0).max(100).optional(),
});

function ruleSetSchema(set: RuleSet) {
  return z.array(indicatorRuleSchema).min(1).max(20).superRefine((rules, ctx) => {
    const seen = new Set<string>();
    let weights = 0;
    rules.forEach((rule, i) => {
      const def = INDICATOR_DEFS[rule.indicator];
      if (!RULE_SET_INDICATORS[set].includes(rule.indicator)) ctx.addIssue({ code: 'custom', path: [i, 'indicator'], message: `该指标不适用于此类考核对象 / ${rule.indicator} does not apply to ${set}` });
      if (seen.has(rule.indicator)) ctx.addIssue({ code: 'custom', path: [i, 'indicator'], message: '指标重复 / indicator listed twice' });
      seen.add(rule.indicator);
      if (def.kind === 'deduction') {
        if (rule.perUnit === undefined) ctx.addIssue({ code: 'custom', path: [i, 'perUnit'], message: '扣分项须填写每次扣分 / a deduction needs perUnit' });
        if (rule.weight !== 0) ctx.addIssue({ code: 'custom', path: [i, 'weight'], message: '扣分项权重须为 0 / a deduction has weight 0' });
      } else {
        if (rule.target === undefined) ctx.addIssue({ code: 'custom', path: [i, 'target'], message: '须填写满分标准 / target is required' });
        if (def.kind === 'rate' && rule.target !== undefined && rule.target > 1) ctx.addIssue({ code: 'custom', path: [i, 'target'], message: '比率的满分标准在 0 到 1 之间 / a rate target lies in (0, 1]' });
        weights += rule.weight;
      }
    });
    if (Math.abs(weights - 100) > 1e-9) ctx.addIssue({ code: 'custom', path: [], message: `权重合计须为 100（现为 ${weights}） / weights must add up to 100 (${weights})` });
  });
}

export const scoreRulesSchema = z.strictObject({
  community: ruleSetSchema('community'),
  contact: ruleSetSchema('contact'),
  agency: ruleSetSchema('agency'),
  peerGroups: z.strictObject({ communityByGrade: z.boolean(), communityByCategory: z.boolean() }),
  spotCheck: z.strictObject({ visits: z.number().int().min(0).max(20), households: z.number().int().min(0).max(20) }),
});

/** Save the draft: `version` is the draft's (0 when there is none yet). */
export const ruleDraftUpdateSchema = withExample(
  z.strictObject({ version: z.number().int().min(0), rules: scoreRulesSchema }),
  { version: 1, rules: { ...DEFAULT_SCORE_RULES, spotCheck: { visits: 4, households: 4 } } },
);
export type RuleDraftUpdateInput = z.infer<typeof ruleDraftUpdateSchema>;

export const rulePreviewSchema = withExample(z.strictObject({ period: assessmentPeriodSchema }), { period: '2026-10' });
export type RulePreviewInput = z.infer<typeof rulePreviewSchema>;

export const rulePublishSchema = withExample(z.strictObject({ version: z.number().int().min(1), note: text(500) }), { version: 1, note: '提高抽查回访权重' });
export type RulePublishInput = z.infer<typeof rulePublishSchema>;

export const ruleVersionParamsSchema = z.strictObject({ version: z.coerce.number().int().min(0).max(100_000) });

export const runListQuerySchema = z.strictObject({ periodType: z.enum(ASSESSMENT_PERIOD_TYPES).optional() });
export type RunListQuery = z.infer<typeof runListQuerySchema>;

/** Compute a finished period now; a period already published needs the reason of the new version. */
export const runCreateSchema = withExample(z.strictObject({ period: assessmentPeriodSchema, reason: optionalText(500) }), { period: '2026-10', reason: '补录驻村记录后重新计算' });
export type RunCreateInput = z.infer<typeof runCreateSchema>;

export const periodParamsSchema = z.strictObject({ period: assessmentPeriodSchema });
export const rankingsQuerySchema = z.strictObject({ group: z.string().regex(/^[a-z.]{3,60}$/, { message: '须为有效的考核分组 / must be a peer group key' }).optional() });
export type RankingsQuery = z.infer<typeof rankingsQuerySchema>;

export const scoreListQuerySchema = z.strictObject({
  period: assessmentPeriodSchema.optional(),
  officerId: idSchema('officer').optional(),
  stationId: idSchema('station').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type ScoreListQuery = z.infer<typeof scoreListQuerySchema>;

export const scoreParamsSchema = z.strictObject({ period: assessmentPeriodSchema, subjectId: z.union([idSchema('officer'), idSchema('agency')]) });

export const agencyScoreQuerySchema = z.strictObject({ period: assessmentPeriodSchema.optional() });
export type AgencyScoreQuery = z.infer<typeof agencyScoreQuerySchema>;

// ---- Appeals ----

export const appealCreateSchema = withExample(
  z.strictObject({ period: assessmentPeriodSchema, indicator: z.enum(INDICATORS), reason: text(1000) }),
  { period: '2026-10', indicator: 'duty_compliance', reason: '10月第2周因参加全市集中培训已报备，系统仍计为未达标' },
);
export type AppealCreateInput = z.infer<typeof appealCreateSchema>;

export const appealListQuerySchema = z.strictObject({
  status: z.enum(APPEAL_STATUSES).optional(),
  period: assessmentPeriodSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type AppealListQuery = z.infer<typeof appealListQuerySchema>;

export const appealParamsSchema = z.strictObject({ id: idSchema('appeal') });

export const appealDecideSchema = withExample(
  z
    .strictObject({
      version: z.number().int().min(1),
      decision: z.enum(['accept', 'reject']),
      /** Accept: the points added to (or taken from) the score. */
      points: z.number().min(-100).max(100).optional(),
      reason: text(1000),
    })
    .superRefine((value, ctx) => {
      if (value.decision === 'accept' && (value.points === undefined || value.points === 0)) ctx.addIssue({ code: 'custom', path: ['points'], message: '采纳申诉须填写调整分值（非 0） / accepting needs non-zero points' });
      if (value.decision === 'reject' && value.points !== undefined) ctx.addIssue({ code: 'custom', path: ['points'], message: '驳回申诉不调整分值 / a rejection changes no points' });
    }),
  { version: 1, decision: 'accept', points: 6.25, reason: '经核实该周已报备，补计履职分' },
);
export type AppealDecideInput = z.infer<typeof appealDecideSchema>;

// ---- Spot checks 月抽查 ----

export const spotCheckParamsSchema = z.strictObject({ id: z.string().regex(SPOT_CHECK_ID_PATTERN, { message: '须为有效的抽查编号 / must be a spot-check id' }) });
export const spotCheckListQuerySchema = z.strictObject({ month: monthSchema.optional(), status: z.enum(['open', 'done']).optional() });
export type SpotCheckListQuery = z.infer<typeof spotCheckListQuerySchema>;

export const spotCheckResultSchema = withExample(
  z.strictObject({ version: z.number().int().min(1), itemId: z.string().regex(/^[vh]\d{1,2}$/, { message: '须为有效的抽查项 / must be a sample item id' }), result: z.enum(SPOT_CHECK_RESULTS), note: optionalText(500) }),
  { version: 1, itemId: 'v1', result: 'pass', note: '户主确认民警当日入户走访' },
);
export type SpotCheckResultInput = z.infer<typeof spotCheckResultSchema>;

export const spotCheckDrawSchema = withExample(z.strictObject({ month: monthSchema }), { month: '2026-10' });
export type SpotCheckDrawInput = z.infer<typeof spotCheckDrawSchema>;

// ---- Provincial rollup 省厅汇总 ----

export const ROLLUP_PERIOD_TYPES = ['week', 'month'] as const;
export type RollupPeriodType = (typeof ROLLUP_PERIOD_TYPES)[number];

/** A county rollup period: an ISO week or a month; absent → the latest stored. */
export const rollupQuerySchema = z
  .strictObject({ periodType: z.enum(ROLLUP_PERIOD_TYPES), period: z.string().max(10).optional() })
  .superRefine((value, ctx) => {
    if (value.period === undefined) return;
    const ok = value.periodType === 'week' ? isoWeekSchema.safeParse(value.period).success : monthSchema.safeParse(value.period).success;
    if (!ok) ctx.addIssue({ code: 'custom', path: ['period'], message: value.periodType === 'week' ? '须为 ISO 周，如 2026-W47 / must be an ISO week like 2026-W47' : '须为月份，如 2026-10 / must be a month like 2026-10' });
  });
export type RollupQuery = z.infer<typeof rollupQuerySchema>;

export const rollupTrendQuerySchema = z.strictObject({ periodType: z.enum(ROLLUP_PERIOD_TYPES), count: z.coerce.number().int().min(2).max(26).default(8) });
export type RollupTrendQuery = z.infer<typeof rollupTrendQuerySchema>;
