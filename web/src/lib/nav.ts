import type { Action, Role } from '@beatlink/shared';
import { bestScope } from '@beatlink/shared/permissions';

export interface NavItem {
  path: string;
  label: string;
  /** The permission-matrix action the page needs; absent means every signed-in user. */
  action?: Action;
}

/** The office portal's pages, in menu order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页' },
  { path: '/org', label: '组织机构', action: 'directory.read' },
  { path: '/officers', label: '民警管理', action: 'directory.read' },
  { path: '/departments', label: '局直单位', action: 'directory.read' },
  { path: '/agencies', label: '综治成员单位', action: 'directory.agency.read' },
];

/** Whether any of the user's roles is granted the action by the permission matrix. */
export function allowed(roles: readonly Role[], action: Action): boolean {
  return bestScope(roles, action) !== undefined;
}

/** The menu a user sees: the pages whose action one of his roles is granted. */
export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.action || allowed(roles, item.action));
}

/** The menu entry a path belongs to (`/org?x` → `/org`). */
export function selectedNav(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return match[0]?.path ?? '/';
}

/** Where to go after signing in: only a same-site path is accepted. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
