/**
 * The indicators of 量化考核 (DOMAIN.md "Assessment"). Each has a kind that fixes how its raw
 * value becomes points:
 * - `rate`: a share in [0, 1] (numerator / denominator); points = weight × min(1, raw / target).
 *   No denominator (nothing to rate) → not applicable: left out, the others scaled up.
 * - `count`: a number per month; points = weight × min(1, raw / (target × months of the period)).
 * - `deduction`: a number of violations; points = −min(cap, perUnit × raw).
 */
export const INDICATOR_KINDS = ['rate', 'count', 'deduction'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATORS = [
  'duty_compliance',
  'households_visited',
  'matters_taken_in',
  'closed_on_time',
  'satisfaction',
  'disputes_resolved_village',
  'intel_collected',
  'intel_verified',
  'spot_check_pass',
  'violations',
  'agency_accept_on_time',
  'agency_feedback_on_time',
  'agency_satisfaction',
  'agency_returns',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

export interface IndicatorDef {
  kind: IndicatorKind;
  zh: string;
  en: string;
  /** How the raw value is found, shown next to every score item. */
  basis: string;
  /** Officers (community / contact) or agencies. */
  subject: 'officer' | 'agency';
}

export const INDICATOR_DEFS: Record<IndicatorId, IndicatorDef> = {
  duty_compliance: { kind: 'rate', zh: '驻村履职率', en: 'Duty compliance', basis: '达标或已报备的周数 / 已评估周数', subject: 'officer' },
  households_visited: { kind: 'count', zh: '走访户数', en: 'Households visited', basis: '本期驻村记录中填报的走访户数合计', subject: 'officer' },
  matters_taken_in: { kind: 'count', zh: '收集诉求数', en: 'Matters taken in', basis: '本期本人录入的群众诉求数', subject: 'officer' },
  closed_on_time: { kind: 'rate', zh: '按期办结率', en: 'Closed on time', basis: '本期办结的本人录入事项中未超期的比例', subject: 'officer' },
  satisfaction: { kind: 'rate', zh: '群众满意率', en: 'Satisfaction', basis: '本期回访核实的本人录入事项中满意的比例', subject: 'officer' },
  disputes_resolved_village: { kind: 'rate', zh: '矛盾就地化解率', en: 'Disputes resolved in the village', basis: '本期本人录入的矛盾纠纷中就地化解的比例', subject: 'officer' },
  intel_collected: { kind: 'count', zh: '信息采集数', en: 'Information collected', basis: '本期本人采集的非标库信息条数', subject: 'officer' },
  intel_verified: { kind: 'rate', zh: '信息核实率', en: 'Information verified', basis: '本期本人采集的信息中已核实的比例', subject: 'officer' },
  spot_check_pass: { kind: 'rate', zh: '抽查回访通过率', en: 'Spot-check pass rate', basis: '本期记录的抽查回访结果中通过的比例（无法联系不计）', subject: 'officer' },
  violations: { kind: 'deduction', zh: '违规扣分', en: 'Deductions for violations', basis: '本期评定为违规（未报备缺勤、补课逾期）的周数', subject: 'officer' },
  agency_accept_on_time: { kind: 'rate', zh: '按时签收率', en: 'Accepted on time', basis: '本期签收期限届满的交办事项中按时签收的比例', subject: 'agency' },
  agency_feedback_on_time: { kind: 'rate', zh: '按时反馈率', en: 'Feedback on time', basis: '本期反馈期限届满的交办事项中按时反馈的比例', subject: 'agency' },
  agency_satisfaction: { kind: 'rate', zh: '群众满意率', en: 'Satisfaction', basis: '本期回访核实的本单位办理事项中满意的比例', subject: 'agency' },
  agency_returns: { kind: 'deduction', zh: '退回与不满意', en: 'Returns', basis: '本期本单位办理事项被退回或回访不满意的次数', subject: 'agency' },
};

export const indicatorLabel = (id: IndicatorId) => INDICATOR_DEFS[id].zh;
