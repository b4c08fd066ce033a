'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { MATTER_KINDS, MATTER_KIND_LABELS, MATTER_STATUSES, MATTER_STATUS_LABELS, type MatterKind, type MatterStatus } from '@beatlink/shared/matters/kinds';
import type { MatterInbox } from '@beatlink/shared/matters/inboxes';
import { inboxLabel, inboxesFor, pickInbox } from '../../../lib/matters/inboxes';
import { villageOptions } from '../../../lib/matters/places';
import { Panel } from '../Panel';
import { useDirectory } from '../directory';
import { useSession } from '../session';
import { MattersTable, type MatterQuery } from './MattersTable';
import { useMatterSettings } from './settings';
import './matters.css';

interface Filters {
  villageId?: string;
  categoryId?: string;
  kind?: MatterKind;
  status?: MatterStatus;
  from?: string;
  to?: string;
}

const KIND_OPTIONS = MATTER_KINDS.map((kind) => ({ value: kind, label: MATTER_KIND_LABELS[kind].zh }));
const STATUS_OPTIONS = MATTER_STATUSES.map((status) => ({ value: status, label: MATTER_STATUS_LABELS[status].zh }));

/** 事项办理: the inboxes of the user's roles as tabs, filters, and the paged table. */
export function MattersDesk() {
  const { me } = useSession();
  const directory = useDirectory();
  const settings = useMatterSettings();
  const router = useRouter();
  const params = useSearchParams();
  const inboxes = useMemo(() => inboxesFor(me.roles), [me.roles]);
  const inbox = pickInbox(params.get('inbox'), inboxes);
  const [filters, setFilters] = useState<Filters>({});
  const villages = useMemo(() => villageOptions(directory.tree), [directory.tree]);
  const categories = useMemo(() => (settings.config?.categories ?? []).map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）` })), [settings.config]);

  const query = useMemo<MatterQuery>(() => ({ inbox, ...filters }), [inbox, filters]);
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => setFilters((current) => ({ ...current, [key]: value || undefined }));
  const rangeInvalid = !!filters.from && !!filters.to && filters.from > filters.to;

  return (
    <Panel title="事项办理" flush testId="matters-desk">
      <div className="light-tabs" role="tablist" aria-label="收件箱">
        {inboxes.map((key: MatterInbox) => (
          <button key={key} type="button" role="tab" aria-selected={key === inbox} onClick={() => router.replace(`/matters?inbox=${key}`)} data-testid={`matters-tab-${key}`}>
            {inboxLabel(key)}
          </button>
        ))}
      </div>
      <Space wrap className="matters-filters">
        {villages.length > 0 && (
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => !!option?.search.includes(input.trim()) }}
            style={{ width: 240 }}
            placeholder="村/社区（可搜索）"
            aria-label="村/社区"
            options={villages}
            value={filters.villageId}
            onChange={(value: string | undefined) => set('villageId', value)}
            data-testid="matters-filter-village"
          />
        )}
        {categories.length > 0 && (
          <Select allowClear style={{ width: 150 }} placeholder="分类" aria-label="分类" options={categories} value={filters.categoryId} onChange={(value: string | undefined) => set('categoryId', value)} data-testid="matters-filter-category" />
        )}
        <Select allowClear style={{ width: 130 }} placeholder="类型" aria-label="类型" options={KIND_OPTIONS} value={filters.kind} onChange={(value: MatterKind | undefined) => set('kind', value)} data-testid="matters-filter-kind" />
        <Select allowClear style={{ width: 150 }} placeholder="状态" aria-label="状态" options={STATUS_OPTIONS} value={filters.status} onChange={(value: MatterStatus | undefined) => set('status', value)} data-testid="matters-filter-status" />
        <span className="matters-range">
          <span className="muted">录入日期</span>
          <Input type="date" style={{ width: 150 }} value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} status={rangeInvalid ? 'error' : undefined} aria-label="开始日期" data-testid="matters-filter-from" />
          <span className="muted">至</span>
          <Input type="date" style={{ width: 150 }} value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} status={rangeInvalid ? 'error' : undefined} aria-label="结束日期" data-testid="matters-filter-to" />
        </span>
        {Object.values(filters).some(Boolean) && <Button onClick={() => setFilters({})}>清除筛选</Button>}
      </Space>
      {rangeInvalid ? <p className="matters-hint">结束日期不能早于开始日期</p> : <MattersTable query={query} />}
    </Panel>
  );
}
