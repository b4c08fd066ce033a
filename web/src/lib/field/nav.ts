/** The field pages' places, in the order of the tab bar at the bottom of every /m page. */
export const FIELD_TABS = [
  { href: '/m/intake', label: '录入', icon: '＋', testId: 'm-nav-intake' },
  { href: '/m/matters', label: '我的事项', icon: '☰', testId: 'm-nav-matters' },
  { href: '/m', label: '我的', icon: '◉', testId: 'm-nav-me' },
] as const;

/** Which tab a path belongs to: a matter's page belongs to 我的事项, anything else to 我的. */
export function activeTab(pathname: string): string {
  if (pathname === '/m/intake' || pathname.startsWith('/m/intake/')) return '/m/intake';
  if (pathname.startsWith('/m/matter')) return '/m/matters';
  return '/m';
}
