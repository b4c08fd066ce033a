'use client';

import Link from 'next/link';
import type { IntelRecord } from '@beatlink/shared/intel/records';
import type { IntelType } from '@beatlink/shared/intel/labels';
import { INTEL_TYPES, intelTypeLabel } from '../../../lib/intel/labels';
import { intelListHref } from '../../../lib/intel/query';
import { Notice } from '../Notice';
import { IntelRecordsTable } from '../intel/IntelRecordsTable';
import { usePagedList } from './usePagedList';

/** 信息: the village's records of the information store, by type. */
export function VillageIntelTab({ villageId, type, onType, timeZone }: { villageId: string; type?: IntelType; onType(type: IntelType | undefined): void; timeZone?: string }) {
  const list = usePagedList<IntelRecord>('/intel/records', { villageId, type });
  return (
    <div data-testid="village-intel-tab">
      <div className="registry-toolbar" role="group" aria-label="按类型筛选">
        <button type="button" className="registry-chip" aria-pressed={!type} onClick={() => onType(undefined)}>
          全部
        </button>
        {INTEL_TYPES.map((t) => (
          <button key={t} type="button" className="registry-chip" aria-pressed={type === t} onClick={() => onType(t)} data-testid={`village-intel-type-${t}`}>
            {intelTypeLabel(t)}
          </button>
        ))}
        <span style={{ flex: 1 }} />
        <Link href={intelListHref({ villageId, type })}>在信息采集中查看 ›</Link>
      </div>
      {list.error ? (
        <Notice kind="error" title="无法加载信息记录">
          {list.error}
        </Notice>
      ) : (
        <IntelRecordsTable records={list.items} loading={list.loading} hideVillage hasMore={list.hasMore} onMore={list.loadMore} timeZone={timeZone} empty={type ? `暂无${intelTypeLabel(type)}类记录` : '暂无信息记录'} />
      )}
    </div>
  );
}
