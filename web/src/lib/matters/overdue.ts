import { overdueHours } from '@beatlink/shared/matters/deadlines';
import type { Matter } from '@beatlink/shared/matters/views';
import { hoursText } from './labels';

/** One overdue matter on the board. */
export interface OverdueItem {
  matter: Matter;
  hours: number;
  escalationLevel: number;
  urgeCount: number;
  /** Which deadline ran out. */
  deadlineName: string;
}

/** The overdue matters of one holder (承办单位), most overdue first. */
export interface OverdueGroup {
  key: string;
  holderName: string;
  items: OverdueItem[];
  maxHours: number;
}

/** The reason the 催办 button sends, prefilled. */
export function urgeReason(item: Pick<OverdueItem, 'hours' | 'deadlineName'>): string {
  return `已超过${item.deadlineName}时限 ${hoursText(item.hours)}，请尽快${item.deadlineName === '签收' ? '签收办理' : '办理并反馈'}。`;
}

/**
 * Groups the overdue inbox by holder, most overdue holder first; a matter with no running
 * deadline any more (signed, answered since the list was read) is left out.
 */
export function groupOverdue(matters: readonly Matter[], now: string): OverdueGroup[] {
  const groups = new Map<string, OverdueGroup>();
  for (const matter of matters) {
    const hours = overdueHours(matter, now);
    if (hours <= 0) continue;
    const key = matter.holder ? `${matter.holder.type}:${matter.holder.id}` : 'none';
    const group = groups.get(key) ?? { key, holderName: matter.holder?.name ?? '未交办', items: [], maxHours: 0 };
    group.items.push({
      matter,
      hours,
      escalationLevel: matter.supervision?.escalationLevel ?? 0,
      urgeCount: matter.supervision?.urgeCount ?? 0,
      deadlineName: matter.status === 'assigned' ? '签收' : '反馈',
    });
    group.maxHours = Math.max(group.maxHours, hours);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const group of list) group.items.sort((a, b) => b.hours - a.hours);
  return list.sort((a, b) => b.maxHours - a.maxHours || a.holderName.localeCompare(b.holderName, 'zh-CN'));
}
