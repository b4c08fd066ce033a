'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';
import { Button, Tag } from 'antd';
import type { IntelRecord } from '@beatlink/shared/intel/records';
import { intelHref } from '../../../lib/intel/labels';
import { recordSummary } from '../../../lib/intel/record-view';
import { villageHref } from '../../../lib/registry/villages';
import { formatDateTime } from '../../../lib/format';
import { LightTable } from '../matters/LightTable';
import { IntelTypeTag, ReliabilityTag, VerificationTag } from './IntelTags';

export interface IntelRecordsTableProps {
  records: readonly IntelRecord[];
  loading?: boolean;
  empty?: ReactNode;
  /** Hide the village column (the village profile's own tab). */
  hideVillage?: boolean;
  timeZone?: string;
  testId?: string;
  /** Paging, when the list has more ("加载更多"). */
  hasMore?: boolean;
  onMore?: () => void;
}

/** Information records in a light table; a row opens the record. */
export function IntelRecordsTable({ records, loading, empty = '暂无信息记录', hideVillage, timeZone, testId = 'intel-table', hasMore, onMore }: IntelRecordsTableProps) {
  const router = useRouter();
  return (
    <>
      <LightTable<IntelRecord>
        rows={records}
        rowKey={(r) => r.id}
        loading={loading}
        empty={empty}
        size="small"
        minWidth={hideVillage ? 960 : 1080}
        testId={testId}
        rowProps={(r) => ({
          'data-testid': 'intel-row',
          'data-id': r.id,
          className: 'registry-row',
          onClick: (event: MouseEvent) => {
            if ((event.target as HTMLElement).closest('a,button')) return;
            router.push(intelHref(r.id));
          },
        })}
        columns={[
          { key: 'type', title: '类型', width: 70, render: (r) => <IntelTypeTag type={r.type} /> },
          { key: 'title', title: '名称', width: 160, render: (r) => <Link href={intelHref(r.id)}>{r.title || '（无名称）'}</Link> },
          { key: 'summary', title: '摘要', render: (r) => <span className="registry-summary">{recordSummary(r) || '—'}</span> },
          ...(hideVillage ? [] : [{ key: 'village', title: '村（社区）', width: 110, render: (r: IntelRecord) => <Link href={villageHref(r.villageId)}>{r.villageName}</Link> }]),
          { key: 'tags', title: '标签', width: 150, render: (r) => (r.tags.length ? r.tags.map((t) => <Tag key={t}>{t}</Tag>) : <span className="muted">—</span>) },
          { key: 'reliability', title: '可靠程度', width: 110, render: (r) => <ReliabilityTag grade={r.reliability} /> },
          { key: 'verification', title: '核实', width: 80, render: (r) => <VerificationTag state={r.verification.state} /> },
          { key: 'source', title: '采集人', width: 80, render: (r) => r.source.name },
          { key: 'updated', title: '更新时间', width: 140, render: (r) => formatDateTime(r.updatedAt, timeZone) },
        ]}
      />
      {onMore && (
        <div className="registry-more">
          <span className="muted">已显示 {records.length} 条</span>
          {hasMore && (
            <Button onClick={onMore} loading={loading} data-testid="intel-load-more">
              加载更多
            </Button>
          )}
        </div>
      )}
    </>
  );
}
