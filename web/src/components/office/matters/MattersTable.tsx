'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { Button, Tag } from 'antd';
import type { Page } from '@beatlink/shared/fields';
import type { MatterListQuery } from '@beatlink/shared/matters/queries';
import type { Matter } from '@beatlink/shared/matters/views';
import type { QueryValue } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { matterHref } from '../../../lib/matters/links';
import { appendPage, matterRow, type MatterRow } from '../../../lib/matters/rows';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { LightTable, type LightColumn } from './LightTable';
import { StatusTag } from './MatterTags';
import { useMatterSettings } from './settings';

export type ListRow = MatterRow & { matter: Matter };
export type MatterQuery = Partial<Omit<MatterListQuery, 'cursor'>>;

export interface MattersTableProps {
  query: MatterQuery;
  /** Where a row leads; default the detail page. */
  hrefOf?: (id: string) => string;
  /** Open a row in place (the agency workspace's drawer) instead of navigating. */
  onOpen?: (matter: Matter) => void;
  /** Bumped by the parent to read the list again (after a transition elsewhere). */
  refreshKey?: number;
  /** Extra column(s) at the end, e.g. the overdue board's urge button. */
  extraColumns?: Array<LightColumn<ListRow>>;
  pageSize?: number;
  /** Narrows what the API returned (the linkage view of the overdue inbox). */
  clientFilter?: (matter: Matter) => boolean;
  testId?: string;
  empty?: ReactNode;
}

export { matterHref };

/** The paged list of matters for one inbox and filters: "加载更多" by cursor, a click opens the matter. */
export function MattersTable({ query, hrefOf = matterHref, onOpen, refreshKey = 0, extraColumns, pageSize = 50, clientFilter, testId = 'matters-table', empty }: MattersTableProps) {
  const { api, can } = useSession();
  const message = useMessage();
  const router = useRouter();
  const settings = useMatterSettings();
  const [items, setItems] = useState<Matter[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [now, setNow] = useState(() => new Date().toISOString());
  const queryKey = JSON.stringify(query);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const params = { ...(JSON.parse(queryKey) as Record<string, QueryValue>), limit: pageSize, cursor: after };
        const page = await api.get<Page<Matter>>('/matters', params);
        setItems((shown) => (after ? appendPage(shown, page.items) : page.items));
        setCursor(page.nextCursor);
        setNow(new Date().toISOString());
      } catch (error) {
        message.error(describeError(error));
      } finally {
        setLoading(false);
      }
    },
    [api, queryKey, pageSize, message],
  );

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const remindBeforeHours = settings.config?.remindBeforeHours ?? 4;
  const rows = useMemo(
    () => (clientFilter ? items.filter(clientFilter) : items).map((matter) => ({ ...matterRow(matter, { timeZone: settings.timeZone, now, remindBeforeHours }), matter })),
    [items, clientFilter, settings.timeZone, now, remindBeforeHours],
  );

  const columns = useMemo<Array<LightColumn<ListRow>>>(
    () => [
      {
        key: 'title',
        title: '事项',
        render: (row) =>
          onOpen ? (
            <a onClick={(event) => (event.preventDefault(), onOpen(row.matter))} href={hrefOf(row.id)}>
              {row.title}
            </a>
          ) : (
            <Link href={hrefOf(row.id)}>{row.title}</Link>
          ),
      },
      { key: 'kind', title: '类型', width: 96, render: (row) => row.kind },
      { key: 'category', title: '分类', width: 100, render: (row: ListRow) => row.category },
      { key: 'village', title: '村/社区', width: 120, render: (row) => row.village },
      { key: 'status', title: '状态', width: 140, render: (row) => <StatusTag status={row.status} /> },
      { key: 'holder', title: '承办单位', width: 160, render: (row) => row.holder },
      {
        key: 'deadline',
        title: '办理时限',
        width: 200,
        render: (row) => (
          <span className="matter-deadline">
            {row.deadline}
            {row.supervision && <Tag color={row.supervision.color}>{row.supervision.label}</Tag>}
          </span>
        ),
      },
      { key: 'takenInAt', title: '录入时间', width: 140, render: (row) => row.takenInAt },
      ...(extraColumns ?? []),
    ],
    [onOpen, hrefOf, can, extraColumns],
  );

  return (
    <div data-testid={testId}>
      <LightTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        loading={loading}
        empty={empty}
        minWidth={1100}
        rowProps={(row) => ({
          'data-testid': `matters-row-${row.id}`,
          className: 'matter-row',
          onClick: (event: MouseEvent) => {
            // Links and buttons in the row do their own thing.
            if ((event.target as HTMLElement).closest('a,button')) return;
            if (onOpen) onOpen(row.matter);
            else router.push(hrefOf(row.id));
          },
        })}
      />
      <div className="matters-more">
        <span className="muted">已显示 {items.length} 条</span>
        {cursor && (
          <Button onClick={() => void load(cursor)} loading={loading} data-testid="matters-load-more">
            加载更多
          </Button>
        )}
        <Button onClick={() => void load()} disabled={loading}>
          刷新
        </Button>
      </div>
    </div>
  );
}
