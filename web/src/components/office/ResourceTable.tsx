'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Page, RecordMeta } from '@beatlink/shared';
import { describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import type { ResourceDef } from '../../resources/model';
import { StatusLabel } from './Notice';
import { Panel } from './Panel';
import { useDirectory } from './directory';
import { useResourceEditor } from './useResourceEditor';
import { useMessage } from './feedback';
import { useSession } from './session';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = [
  { value: 'active', label: '在用' },
  { value: 'inactive', label: '已停用' },
  { value: 'all', label: '全部' },
];

export interface ResourceTableProps<T extends RecordMeta> {
  def: ResourceDef<T>;
  title: ReactNode;
  /** For records listed under another (agency staff under an agency). */
  parentId?: string;
  rowActions?: (record: T) => ReactNode;
  /** After a save or deactivation (e.g. to reload the shared directory). */
  onChanged?: () => void;
  bordered?: boolean;
}

/**
 * The one paged table of every resource: filters from the definition, cursor paging, create /
 * edit / deactivate through the shared form when the role may write.
 */
export function ResourceTable<T extends RecordMeta>({ def, title, parentId, rowActions, onChanged, bordered }: ResourceTableProps<T>) {
  const { api, can } = useSession();
  const directory = useDirectory();
  const message = useMessage();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState('active');
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<Page<T>>({ items: [] });
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const writable = can(def.writeAction);
  const cursor = cursors[cursors.length - 1];
  const generic = def as unknown as ResourceDef<RecordMeta>;

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const editor = useResourceEditor(() => {
    reload();
    onChanged?.();
  }, writable);
  const { edit, deactivate, create } = editor;

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api
      .get<Page<T>>(def.collectionPath(parentId), { limit: PAGE_SIZE, cursor, status, ...filters })
      .then((next) => {
        if (!cancelled) setPage(next);
      })
      .catch((error: unknown) => {
        if (!cancelled) message.error(describeError(error));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, def, parentId, cursor, status, filters, version, message]);

  const restart = () => setCursors([undefined]);

  const columns = useMemo<ColumnsType<T>>(
    () => [
      ...(def.columns ?? []).map((column) => ({
        key: column.key,
        title: column.title,
        width: column.width,
        render: (_: unknown, record: T) => column.value(record, directory.lookups) ?? '—',
      })),
      {
        key: 'status',
        title: '状态',
        width: 80,
        render: (_: unknown, record: T) => <StatusLabel status={record.status} />,
      },
      {
        key: 'updatedAt',
        title: '更新时间',
        width: 150,
        render: (_: unknown, record: T) => formatDateTime(record.updatedAt, directory.timeZone),
      },
      {
        key: 'actions',
        title: '操作',
        width: 180,
        render: (_: unknown, record: T) => (
          <Space size={0} wrap>
            {writable && (
              <Button type="link" size="small" onClick={() => edit(generic, record, parentId)} data-testid={`row-edit-${record.id}`}>
                编辑
              </Button>
            )}
            {writable && record.status === 'active' && (
              <Button type="link" size="small" danger onClick={() => deactivate(generic, record)} data-testid={`row-deactivate-${record.id}`}>
                停用
              </Button>
            )}
            {rowActions?.(record)}
          </Space>
        ),
      },
    ],
    [def, directory.lookups, directory.timeZone, writable, edit, deactivate, generic, parentId, rowActions],
  );

  return (
    <Panel
      title={title}
      flush={!bordered}
      testId={`panel-${def.key}`}
      extra={
        <Space wrap>
          {(def.filters ?? []).map((filter) => (
            <Select
              key={filter.name}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 150 }}
              placeholder={filter.label}
              aria-label={filter.label}
              options={[...(filter.options ?? (filter.source ? directory.options(filter.source) : []))]}
              value={filters[filter.name]}
              onChange={(value: string | undefined) => {
                setFilters((current) => ({ ...current, [filter.name]: value }));
                restart();
              }}
              data-testid={`filter-${filter.name}`}
            />
          ))}
          <Select
            style={{ width: 100 }}
            aria-label="状态"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(value: string) => {
              setStatus(value);
              restart();
            }}
            data-testid="filter-status"
          />
          <Button onClick={reload}>刷新</Button>
          {writable && (
            <Button type="primary" onClick={() => create(generic, { parentId })} data-testid={`create-${def.key}`}>
              新增{def.label}
            </Button>
          )}
        </Space>
      }
    >
      <Table<T>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={page.items}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid={`table-${def.key}`}
      />
      <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
        <span className="muted">第 {cursors.length} 页</span>
        <Button disabled={cursors.length === 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
          上一页
        </Button>
        <Button disabled={!page.nextCursor} onClick={() => setCursors((list) => [...list, page.nextCursor])}>
          下一页
        </Button>
      </Space>
      {editor.element}
    </Panel>
  );
}
