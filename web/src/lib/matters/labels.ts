import type { MatterRoute, PoliceRouteUnit } from '@beatlink/shared/matters/config';
import type { SupervisionState } from '@beatlink/shared/matters/deadlines';
import { MATTER_STATUS_LABELS, type MatterStatus } from '@beatlink/shared/matters/kinds';
import type { HolderType, MatterHolder } from '@beatlink/shared/matters/views';
import { AGENCY_KIND_LABELS } from '@beatlink/shared/directory/labels';

/**
 * Chinese labels and colours of matters for the office pages. Zod-free (types only from the
 * schema modules), so every matters page can import it without pulling in zod.
 */

/** antd Tag colour of each status: open ones in working colours, resolved green, unresolved red. */
export const STATUS_COLORS: Record<MatterStatus, string> = {
  triage: 'gold',
  assigned: 'blue',
  accepted: 'cyan',
  feedback_given: 'purple',
  verified: 'geekblue',
  reopened: 'orange',
  closed_resolved: 'green',
  closed_unresolved: 'red',
  merged: 'default',
};

export function statusLabel(status: MatterStatus): string {
  return MATTER_STATUS_LABELS[status]?.zh ?? status;
}

export const SUPERVISION_COLORS: Record<SupervisionState, string> = {
  ok: 'green',
  due_soon: 'orange',
  overdue: 'red',
};

export const HOLDER_TYPE_LABELS: Record<HolderType, string> = {
  station: '派出所',
  office: '警务室',
  workstation: '警务工作站',
  department: '局直单位',
  agency: '成员单位',
};

export const POLICE_UNIT_LABELS: Record<PoliceRouteUnit, string> = {
  station: '派出所',
  office: '警务室',
  workstation: '警务工作站',
  department: '局直单位',
};

/** "平度市民政局" or "东关警务室 · 李社区". */
export function holderText(holder: Pick<MatterHolder, 'name' | 'officerName'> | undefined): string {
  if (!holder) return '—';
  return holder.officerName ? `${holder.name} · ${holder.officerName}` : holder.name;
}

/** "民政（成员单位）" / "警务室（公安）": what the routing table says, without the concrete body. */
export function routeText(route: MatterRoute): string {
  return route.target === 'police' ? `${POLICE_UNIT_LABELS[route.unitType]}（公安）` : `${AGENCY_KIND_LABELS[route.agencyKind]?.zh ?? route.agencyKind}（成员单位）`;
}

/** 研判建议：按分类“民政救助”应交 民政（成员单位）：平度市民政局 */
export function routingSuggestionText(categoryName: string, route: MatterRoute, suggested?: Pick<MatterHolder, 'name'>): string {
  return `研判建议：按分类“${categoryName}”应交 ${routeText(route)}${suggested ? `：${suggested.name}` : '（请手工选择具体单位）'}`;
}

/** "12.5 小时" / "3 天 2 小时": a span of hours for overdue figures. */
export function hoursText(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) return '0 小时';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} 分钟`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest ? `${days} 天 ${rest} 小时` : `${days} 天`;
}
