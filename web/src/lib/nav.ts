import type { Action, Role } from '@beatlink/shared';
import { bestScope } from '@beatlink/shared/permissions';
import { OFFICER_ROLES } from '@beatlink/shared/roles';
import { TRANSITION_TABLE } from '@beatlink/shared/matters/transitions';

export interface NavItem {
  path: string;
  label: string;
  /** The permission-matrix action the page needs; absent means every signed-in user. */
  action?: Action;
  /** Shown only to these roles (a page that is meaningful to some of those granted the action). */
  roles?: readonly Role[];
  /** The label for users holding one of these roles (the first match wins), else `label`. */
  roleLabels?: Partial<Record<Role, string>>;
}

/** The roles that work matters at the bureau: every officer role (agency staff have their workbench). */
const POLICE_MATTER_ROLES: readonly Role[] = OFFICER_ROLES;
/** 催办 / 升级督办: the supervisors of the transition table. */
const SUPERVISOR_ROLES: readonly Role[] = TRANSITION_TABLE.urge.roles;

/** The office portal's pages, in menu order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页' },
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
  { path: '/settings/matters', label: '事项规则配置', action: 'config.update' },
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

/** The menu entry a path belongs to, the most specific one (`/org?x` → `/org`, `/matters/overdue` → itself). */
export function selectedNav(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

/** Where to go after signing in: only a same-site path is accepted. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
