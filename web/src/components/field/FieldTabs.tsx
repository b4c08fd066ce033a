'use client';

import { usePathname } from 'next/navigation';
import { FIELD_TABS, activeTab } from '../../lib/field/nav';

/**
 * The tab bar at the bottom of every /m page. Plain links (full page loads): next/link would add
 * ~3.6 kB gzip to every field page and prefetch pages over a weak signal.
 */
export function FieldTabs() {
  const active = activeTab(usePathname() ?? '/m');
  return (
    <nav className="f-tabbar" aria-label="导航">
      {FIELD_TABS.map((tab) => (
        <a key={tab.href} href={tab.href} className="f-tab" aria-current={active === tab.href ? 'page' : undefined} data-testid={tab.testId}>
          <span className="f-tab-icon" aria-hidden="true">
            {tab.icon}
          </span>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
