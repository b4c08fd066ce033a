import type { Me } from '@beatlink/shared';

/**
 * The roles with village duty rules (`DUTY_ROLES` of @beatlink/shared/duty/labels, repeated here:
 * the tab bar is on every /m page and that module's labels would add to each; nav.test.ts keeps
 * the two in step).
 */
export const DUTY_ROLE_NAMES: readonly string[] = ['community_officer', 'contact_officer'];

type Grants = Pick<Me, 'roles' | 'permissions'>;

const granted = (me: Grants, action: keyof Me['permissions']) => me.permissions?.[action] !== undefined;

/** Whether the user has a week of village duty to follow (我的本周). */
export function hasDutyWeek(me: Grants): boolean {
  return me.permissions?.['duty.read'] !== undefined && me.roles.some((role) => DUTY_ROLE_NAMES.includes(role));
}

export interface FieldTab {
  href: string;
  label: string;
  icon: string;
  testId: string;
}

/** The field pages' places, in the order of the tab bar at the bottom of every /m page. */
export const FIELD_TABS = [
  { href: '/m/intake', label: '录入', icon: '＋', testId: 'm-nav-intake' },
  { href: '/m/matters', label: '我的事项', icon: '☰', testId: 'm-nav-matters' },
  { href: '/m', label: '我的', icon: '◉', testId: 'm-nav-me' },
] as const satisfies readonly FieldTab[];

/** 本周 (my week, check-in/out, 报备): a tab of the officers with village duty, before 我的. */
export const DUTY_TAB: FieldTab = { href: '/m/duty', label: '本周', icon: '◷', testId: 'm-nav-duty' };

/** The pages of field duty (警力下沉), on the field home 我的. */
export interface FieldLink {
  href: string;
  label: string;
  hint: string;
  testId: string;
}

const DUTY_PAGES = ['/m/duty', '/m/visit', '/m/absence'];

/**
 * The duty pages a user may use: 我的本周 and 报备 for community and contact officers (the roles
 * with village duty rules), 入村签到 for whoever may record his own visits (a station chief too,
 * when his county grants it).
 */
export function dutyLinks(me: Grants): FieldLink[] {
  const hasDuty = me.roles.some((role) => DUTY_ROLE_NAMES.includes(role));
  const links: FieldLink[] = [];
  if (hasDutyWeek(me)) links.push({ href: '/m/duty', label: '我的本周', hint: '本周入村情况、走访记录、补课进度', testId: 'm-link-duty' });
  if (granted(me, 'duty.visit.write')) links.push({ href: '/m/visit', label: '入村签到 / 签退', hint: '到村签到，离村签退并登记走访情况', testId: 'm-link-visit' });
  if (hasDuty && granted(me, 'duty.absence.file')) links.push({ href: '/m/absence', label: '报备', hint: '不能按时入村时提前报备，查看审批与补课', testId: 'm-link-absence' });
  return links;
}

/**
 * The collection pages (基础信息采集) on the field home: 住户登记 for whoever may write the household
 * register, 信息采集 for whoever may write the information store (community and contact
 * officers, auxiliaries).
 */
export function collectLinks(me: Grants): FieldLink[] {
  const links: FieldLink[] = [];
  if (granted(me, 'intel.write')) links.push({ href: '/m/collect', label: '信息采集', hint: '采集人、地、物、事、组织信息（非标库）', testId: 'm-link-collect' });
  if (granted(me, 'registry.write')) links.push({ href: '/m/households', label: '住户登记', hint: '登记、修改住户，记录回访', testId: 'm-link-households' });
  return links;
}

/** The tab bar: 本周 joins the three tabs for those with a week of duty. */
export function fieldTabs(me: Grants | undefined): FieldTab[] {
  if (!me || !hasDutyWeek(me)) return [...FIELD_TABS];
  return [FIELD_TABS[0], FIELD_TABS[1], DUTY_TAB, FIELD_TABS[2]];
}

/**
 * Which tab a path belongs to: a matter's page belongs to 我的事项, the duty pages to 本周 (or to
 * 我的 when there is no such tab), anything else to 我的.
 */
export function activeTab(pathname: string, tabs: readonly FieldTab[] = FIELD_TABS): string {
  if (pathname === '/m/intake' || pathname.startsWith('/m/intake/')) return '/m/intake';
  if (pathname.startsWith('/m/matter')) return '/m/matters';
  if (DUTY_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) {
    return tabs.some((tab) => tab.href === DUTY_TAB.href) ? DUTY_TAB.href : '/m';
  }
  return '/m';
}
