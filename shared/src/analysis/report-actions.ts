import { isOpenStatus, type MatterStatus } from '../matters/kinds';
import type { VillageName } from './hot-spots';
import type { ReportAction, ReportDisputeRow, ReportDutyRow, ReportOverdueRow, VillageRow } from './reports';

/**
 * The action items a report proposes (研判结论 → 交办), in a fixed order: hot spots, open high-risk
 * disputes, overdue matters, duty violations, villages nobody visited. Numbered `act_1`, `act_2`,
 * … in that order, so a report computed again from the same records has the same ids. Pure.
 */

/** Villages without a visit listed as actions at most (the rest is counted in the detail). */
export const UNCOVERED_ACTION_LIMIT = 20;

export interface ActionSources {
  periodWord: string;
  hotSpots: VillageRow[];
  /** High-risk disputes with their matter's village; only open ones become actions. */
  disputes: Array<ReportDisputeRow & { villageId: string; statusKey: MatterStatus }>;
  overdue: Array<ReportOverdueRow & { villageId: string }>;
  duty: ReportDutyRow[];
  /** Villages of the scope with no visit in the period, in display order. */
  uncovered: VillageName[];
}

type Draft = Omit<ReportAction, 'id'>;

export function reportActions(s: ActionSources): ReportAction[] {
  const drafts: Draft[] = [
    ...s.hotSpots.map(
      (v): Draft => ({
        kind: 'hot_spot',
        title: `${v.villageName}事项集中，组织排查`,
        detail: `${s.periodWord}受理 ${v.count} 件，此前一期 ${v.previous} 件：请组织走访排查，查明原因，落实防范措施。`,
        villageId: v.villageId,
        villageName: v.villageName,
      }),
    ),
    ...s.disputes
      .filter((d) => isOpenStatus(d.statusKey))
      .map(
        (d): Draft => ({
          kind: 'high_risk_dispute',
          title: `化解高风险纠纷：${d.title}`,
          detail: `${d.villageName}高风险纠纷尚未办结：请落实专人稳控化解，防止矛盾升级、转化。`,
          villageId: d.villageId,
          villageName: d.villageName,
          matterId: d.matterId,
        }),
      ),
    ...s.overdue.map(
      (o): Draft => ({
        kind: 'overdue',
        title: `督办超期事项：${o.title}`,
        detail: `${o.villageName}事项，承办单位${o.holderName}已超期 ${o.overdueHours} 小时：请督促办理并说明原因。`,
        villageId: o.villageId,
        villageName: o.villageName,
        matterId: o.matterId,
      }),
    ),
    ...s.duty
      .filter((d) => d.status === 'violation')
      .map(
        (d): Draft => ({
          kind: 'duty_violation',
          title: `${d.officerName}驻村履职违规`,
          detail: d.reasons.length > 0 ? `${d.reasons.join('；')}。请核实并督促整改。` : '请核实并督促整改。',
          officerId: d.officerId,
        }),
      ),
    ...s.uncovered.slice(0, UNCOVERED_ACTION_LIMIT).map(
      (v, i, shown): Draft => ({
        kind: 'uncovered_village',
        title: `${v.name}${s.periodWord}无走访记录`,
        detail:
          i === shown.length - 1 && s.uncovered.length > shown.length
            ? `请安排民警入村走访。另有 ${s.uncovered.length - shown.length} 个村同样无走访记录，仅列出前 ${UNCOVERED_ACTION_LIMIT} 个。`
            : '请安排民警入村走访。',
        villageId: v.id,
        villageName: v.name,
      }),
    ),
  ];
  return drafts.map((d, i) => ({ id: `act_${i + 1}`, ...d }));
}
