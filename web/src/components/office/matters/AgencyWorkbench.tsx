'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Page } from '@beatlink/shared/fields';
import type { MatterStatus } from '@beatlink/shared/matters/kinds';
import type { MatterInbox } from '@beatlink/shared/matters/inboxes';
import type { Matter } from '@beatlink/shared/matters/views';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { MattersTable, type MatterQuery } from './MattersTable';
import './matters.css';

const MatterDrawer = dynamic(() => import('./MatterDrawer'), { ssr: false });

type CountKey = 'assigned' | 'accepted' | 'feedback_given' | 'overdue';
const COUNTS: Array<{ key: CountKey; label: string; warn?: boolean }> = [
  { key: 'assigned', label: '待签收' },
  { key: 'accepted', label: '办理中' },
  { key: 'feedback_given', label: '已反馈' },
  { key: 'overdue', label: '超期', warn: true },
];
const COUNT_LIMIT = 200;

const LINKAGE_ROLES = ['governance_office', 'program_office', 'bureau_leader'] as const;

/**
 * 成员单位工作台: the matters held by the user's agency (agency staff, inbox `mine`); for the
 * governance and program offices the county's linkage matters (综治联动, inbox `linkage`). Counts
 * of what waits, and the same detail and actions as the matter page, in a drawer.
 */
export function AgencyWorkbench() {
  const { me, api } = useSession();
  const staff = me.roles.includes('agency_staff');
  const linkageView = !staff && me.roles.some((r) => (LINKAGE_ROLES as readonly string[]).includes(r));
  const inbox: MatterInbox = staff ? 'mine' : 'linkage';
  const [selected, setSelected] = useState<CountKey>();
  const [counts, setCounts] = useState<Partial<Record<CountKey, string>>>({});
  const [refreshKey, setRefreshKey] = useState(0);
  const [opened, setOpened] = useState<string>();

  // One Query per count, capped: "200+" rather than paging through a large county.
  useEffect(() => {
    if (!staff && !linkageView) return;
    let cancelled = false;
    for (const { key } of COUNTS) {
      const query = key === 'overdue' ? { inbox: 'overdue', limit: COUNT_LIMIT } : { inbox, status: key, limit: COUNT_LIMIT };
      api
        .get<Page<Matter>>('/matters', query)
        .then((page) => {
          const items = key === 'overdue' && !staff ? page.items.filter((m) => m.linkage) : page.items;
          if (!cancelled) setCounts((current) => ({ ...current, [key]: `${items.length}${page.nextCursor ? '+' : ''}` }));
        })
        .catch(() => !cancelled && setCounts((current) => ({ ...current, [key]: '—' })));
    }
    return () => {
      cancelled = true;
    };
  }, [api, inbox, staff, linkageView, refreshKey]);

  const query = useMemo<MatterQuery>(() => {
    if (selected === 'overdue') return { inbox: 'overdue' };
    return selected ? { inbox, status: selected as MatterStatus } : { inbox };
  }, [inbox, selected]);
  const onlyLinkage = useCallback((m: Matter) => m.linkage, []);
  const refresh = useCallback(() => setRefreshKey((n) => n + 1), []);

  if (!staff && !linkageView) {
    return (
      <Notice kind="warning" title="无权访问">
        成员单位工作台供综治成员单位工作人员、综治办和活动办使用。
      </Notice>
    );
  }

  return (
    <>
      <div className="matters-counts" data-testid="agency-counts">
        {COUNTS.map(({ key, label, warn }) => (
          <button
            key={key}
            type="button"
            className={`matters-count${warn ? ' warn' : ''}`}
            aria-pressed={selected === key}
            onClick={() => setSelected((current) => (current === key ? undefined : key))}
            data-testid={`agency-count-${key}`}
          >
            <div className="count-label">{label}</div>
            <div className="count-value">{counts[key] ?? '…'}</div>
          </button>
        ))}
      </div>
      <Panel title={staff ? '本单位承办事项' : '综治联动事项'} flush testId="agency-workbench">
        <MattersTable
          query={query}
          refreshKey={refreshKey}
          hrefOf={(id) => `/matters/view?id=${encodeURIComponent(id)}&from=agency`}
          onOpen={(matter) => setOpened(matter.id)}
          clientFilter={selected === 'overdue' && !staff ? onlyLinkage : undefined}
          empty={selected ? '没有此状态的事项' : staff ? '本单位暂无承办事项' : '暂无综治联动事项'}
        />
      </Panel>
      {opened && <MatterDrawer id={opened} onClose={() => setOpened(undefined)} onChanged={refresh} />}
    </>
  );
}
