import type { Action, Role } from '@beatlink/shared';
import { bestScope } from '@beatlink/shared/permissions';
import { OFFICER_ROLES } from '@beatlink/shared/roles';
import { MATTER_SUPERVISORS } from '@beatlink/shared/matters/supervisors';

export interface NavItem {
  path: string;
  label: string;
  /** The permission-matrix action the page needs; absent means every signed-in user. */
  action?: Action;
  /** Shown only to these roles (a page that is meaningful to some of those granted the action). */
  roles?: readonly Role[];
  /** The label for users holding one of these roles (the first match wins), else `label`. */
  roleLabels?: Partial<Record<Role, string>>;
  /** Other paths that belong to this entry (a page reached from it, e.g. one officer's week from the board). */
  also?: readonly string[];
  /** The menu group the entry is listed under (consecutive entries of one group form it). */
  group?: string;
}

/** 对接集成: the county's API keys, webhooks and the API docs for its other systems. */
export const INTEGRATIONS_GROUP = '对接集成';

/** The roles that work matters at the bureau: every officer role (agency staff have their workbench). */
const POLICE_MATTER_ROLES: readonly Role[] = OFFICER_ROLES;
/** 催办 / 升级督办: the supervisors of the transition table. */
const SUPERVISOR_ROLES: readonly Role[] = MATTER_SUPERVISORS;
/** 警力下沉 at the office: those who follow the county's (or a station's) duty; officers see their own week on the phone. */
const DUTY_OFFICE_ROLES: readonly Role[] = ['program_office', 'bureau_leader', 'station_chief'];
/**
 * 村情档案 / 信息采集 at the office: the offices that read the register and the information store
 * (the action decides which of the two each sees); officers and auxiliaries collect on the phone.
 */
const REGISTRY_OFFICE_ROLES: readonly Role[] = ['program_office', 'bureau_leader', 'station_chief', 'governance_office'];
/**
 * 敏感时期 at the office: the offices that sit in the county's 研判讲评 (the officers read their
 * station's reports; the periods are the county's calendar, declared by the program office).
 */
const ANALYSIS_OFFICE_ROLES: readonly Role[] = ['program_office', 'bureau_leader', 'station_chief', 'governance_office'];
/** 考核细则 as a page: the offices that read the whole county's rules; officers read theirs in a score's breakdown. */
const ASSESSMENT_OFFICE_ROLES: readonly Role[] = ['program_office', 'bureau_leader', 'station_chief'];

/** The office portal's pages, in menu order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页' },
  { path: '/province', label: '全省汇总', action: 'province.rollup.read' },
  { path: '/org', label: '组织机构', action: 'directory.read' },
  { path: '/officers', label: '民警管理', action: 'directory.read' },
  { path: '/departments', label: '局直单位', action: 'directory.read' },
  { path: '/agencies', label: '综治成员单位', action: 'directory.agency.read' },
  { path: '/matters', label: '事项办理', action: 'matter.read', roles: POLICE_MATTER_ROLES },
  { path: '/matters/overdue', label: '超期督办', action: 'matter.read', roles: SUPERVISOR_ROLES },
  {
    path: '/agency',
    label: '成员单位工作台',
    action: 'matter.read',
    roles: ['agency_staff', 'governance_office', 'program_office'],
    roleLabels: { governance_office: '综治联动', program_office: '综治联动' },
  },
  { path: '/disputes', label: '矛盾纠纷', action: 'matter.figures.read' },
  { path: '/villages', label: '村情档案', action: 'registry.read', roles: REGISTRY_OFFICE_ROLES },
  { path: '/intel', label: '信息采集', action: 'intel.read', roles: REGISTRY_OFFICE_ROLES },
  { path: '/duty/absences', label: '报备审批', action: 'duty.read', roles: DUTY_OFFICE_ROLES },
  { path: '/duty/compliance', label: '履职考核', action: 'duty.read', roles: DUTY_OFFICE_ROLES, also: ['/duty/officer'] },
  { path: '/reports', label: '研判报告', action: 'analysis.read' },
  { path: '/sensitive-periods', label: '敏感时期', action: 'analysis.read', roles: ANALYSIS_OFFICE_ROLES },
  { path: '/assessment/scores', label: '考核排名', action: 'assessment.read' },
  { path: '/assessment/appeals', label: '考核申诉', action: 'assessment.read' },
  { path: '/assessment/spot-checks', label: '月抽查', action: 'assessment.manage' },
  { path: '/assessment/rules', label: '考核细则', action: 'assessment.read', roles: ASSESSMENT_OFFICE_ROLES },
  { path: '/assessment/agencies', label: '成员单位考核', action: 'assessment.agency.read' },
  { path: '/notifications', label: '通知', action: 'notification.read' },
  { path: '/settings/matters', label: '事项规则配置', action: 'config.update' },
  { path: '/integrations/api-keys', label: '接口密钥', action: 'integration.manage', group: INTEGRATIONS_GROUP },
  { path: '/integrations/webhooks', label: '事件推送', action: 'integration.manage', group: INTEGRATIONS_GROUP },
  { path: '/integrations/docs', label: '接口文档', action: 'integration.manage', group: INTEGRATIONS_GROUP },
  { path: '/dev/outbox', label: '开发发件箱', action: 'notification.outbox.read' },
];

/** Whether any of the user's roles is granted the action by the permission matrix. */
export function allowed(roles: readonly Role[], action: Action): boolean {
  return bestScope(roles, action) !== undefined;
}

/** The menu a user sees: the pages whose action one of his roles is granted (and meant for his roles), labelled for him. */
export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => (!item.action || allowed(roles, item.action)) && (!item.roles || roles.some((r) => item.roles!.includes(r)))).map((item) => {
    const label = item.roleLabels && roles.map((r) => item.roleLabels![r]).find(Boolean);
    return label ? { ...item, label } : item;
  });
}

export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; label: string; items: NavItem[] };

/** A menu as entries: single items, and consecutive items of one group gathered under its label. */
export function navEntries(items: readonly NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    const last = entries[entries.length - 1];
    if (!item.group) entries.push({ kind: 'item', item });
    else if (last?.kind === 'group' && last.label === item.group) last.items.push(item);
    else entries.push({ kind: 'group', label: item.group, items: [item] });
  }
  return entries;
}

/**
 * The menu entry a path belongs to, the most specific one (`/org?x` → `/org`, `/matters/overdue` →
 * itself, `/duty/officer` → `/duty/compliance` through `also`).
 */
export function selectedNav(pathname: string): string {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const match = NAV_ITEMS.flatMap((item) => [item.path, ...(item.also ?? [])].filter((prefix) => prefix !== '/' && under(prefix)).map((prefix) => ({ item, prefix })));
  return match.sort((a, b) => b.prefix.length - a.prefix.length)[0]?.item.path ?? '/';
}

/** Where to go after signing in: only a same-site path is accepted. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
