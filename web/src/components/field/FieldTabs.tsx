'use client';

import { useEffect, useState } from 'react';
import { usePathname } from 'next/navigation';
import { FIELD_TABS, activeTab, fieldTabs, type FieldTab } from '../../lib/field/nav';
import { useFieldSession } from './session';

/** Whether the last page of this tab showed 本周, so the next one shows it without waiting for /me. */
const DUTY_TAB_CACHE = 'beatlink.field.duty-tab';

function cachedTabs(): FieldTab[] | undefined {
  try {
    const cached = sessionStorage.getItem(DUTY_TAB_CACHE);
    return cached ? (JSON.parse(cached) as FieldTab[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tab bar at the bottom of every /m page. Plain links (full page loads): next/link would add
 * ~3.6 kB gzip to every field page and prefetch pages over a weak signal. 本周 is there for the
 * officers with village duty (from the page's session, GET /me, loaded once per page).
 */
export function FieldTabs() {
  const pathname = usePathname() ?? '/m';
  const session = useFieldSession();
  const [tabs, setTabs] = useState<readonly FieldTab[]>(FIELD_TABS);

  useEffect(() => {
    const cached = cachedTabs();
    if (cached) setTabs(cached);
  }, []);

  useEffect(() => {
    if (session.kind !== 'ready') return;
    const next = fieldTabs(session.session.me);
    setTabs(next);
    try {
      sessionStorage.setItem(DUTY_TAB_CACHE, JSON.stringify(next));
    } catch {
      // Only a cache.
    }
  }, [session]);

  const active = activeTab(pathname, tabs);
  return (
    <nav className="f-tabbar" aria-label="导航">
      {tabs.map((tab) => (
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
