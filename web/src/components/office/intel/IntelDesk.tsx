'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button, Input, Select } from 'antd';
import type { Page } from '@beatlink/shared/fields';
import type { IntelRecord } from '@beatlink/shared/intel/records';
import { bestScope } from '@beatlink/shared/permissions';
import { describeError } from '../../../lib/api-error';
import { INTEL_TYPES, VERIFICATION_STATES, intelTypeLabel, verificationLabel } from '../../../lib/intel/labels';
import { lookupBody } from '../../../lib/intel/lookup';
import { canList, intelListHref, readIntelFilters, type IntelFilters } from '../../../lib/intel/query';
import { villageHref, villageRows, villagesInReach } from '../../../lib/registry/villages';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { usePagedList } from '../registry/usePagedList';
import { IntelRecordsTable } from './IntelRecordsTable';
import '../matters/matters.css';
import '../registry/registry.css';

/** 信息采集（非标库）: the records of a village (or the county), by type, tag and verification; exact lookup. */
export function IntelDesk() {
  const { api, me } = useSession();
  const directory = useDirectory();
  const router = useRouter();
  const params = useSearchParams();
  const filters = readIntelFilters(params);
  const scope = bestScope(me.roles, 'intel.read');
  const countyWide = scope === 'tenant';
  const villages = useMemo(() => villagesInReach(villageRows(directory.tree), scope, me.unitId).filter((v) => v.status === 'active'), [directory.tree, scope, me.unitId]);
  const [tag, setTag] = useState(filters.tag ?? '');

  const listable = canList(filters, countyWide);
  const query = { villageId: filters.villageId, type: filters.type, tag: filters.tag, verification: filters.verification };
  const list = usePagedList<IntelRecord>('/intel/records', query, listable);

  const go = (next: IntelFilters) => router.replace(intelListHref({ ...filters, ...next }));

  const [lookup, setLookup] = useState('');
  const [lookupError, setLookupError] = useState<string>();
  const [lookupResult, setLookupResult] = useState<IntelRecord[]>();
  const [lookingUp, setLookingUp] = useState(false);

  const runLookup = async () => {
    const parsed = lookupBody(lookup);
    if ('error' in parsed) {
      setLookupError(parsed.error);
      return;
    }
    setLookupError(undefined);
    setLookingUp(true);
    try {
      const answer = await api.post<Page<IntelRecord>>('/intel/lookup', parsed.body);
      setLookupResult(answer.items);
    } catch (err) {
      setLookupResult(undefined);
      setLookupError(describeError(err));
    } finally {
      setLookingUp(false);
    }
  };

  const village = villages.find((v) => v.id === filters.villageId);

  return (
    <div className="registry-stack" data-testid="intel-desk">
      <Panel title="精确查询" testId="intel-lookup">
        <div className="registry-toolbar">
          <Input
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
            onPressEnter={() => void runLookup()}
            placeholder="身份证号码或电话号码"
            maxLength={40}
            allowClear
            style={{ width: 300 }}
            status={lookupError ? 'error' : undefined}
            data-testid="intel-lookup-input"
            autoComplete="off"
          />
          <Button type="primary" onClick={() => void runLookup()} loading={lookingUp} data-testid="intel-lookup-submit">
            查询
          </Button>
          {lookupResult && (
            <Button
              onClick={() => {
                setLookupResult(undefined);
                setLookup('');
              }}
            >
              清除结果
            </Button>
          )}
          <span className="muted">按完整号码精确匹配，号码不会出现在地址栏或日志中。</span>
        </div>
        {lookupError && (
          <div className="registry-error" role="alert" data-testid="intel-lookup-error">
            {lookupError}
          </div>
        )}
        {lookupResult && (
          <IntelRecordsTable records={lookupResult} testId="intel-lookup-results" empty="未找到匹配的记录（或不在您的辖区内）" timeZone={directory.timeZone} />
        )}
      </Panel>

      <Panel
        title="信息记录"
        flush
        extra={
          village && (
            <span>
              <Link href={villageHref(village.id)}>{village.name}村情档案 ›</Link>
            </span>
          )
        }
      >
        <div className="registry-toolbar registry-toolbar-padded">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear={countyWide}
            value={filters.villageId ?? (countyWide ? '' : undefined)}
            placeholder="选择村（社区）"
            style={{ width: 220 }}
            loading={directory.loading}
            onChange={(value?: string) => go({ villageId: value || undefined })}
            options={[...(countyWide ? [{ value: '', label: '全县' }] : []), ...villages.map((v) => ({ value: v.id, label: `${v.name}（${v.stationName}）` }))]}
            data-testid="intel-village"
          />
          <Select
            allowClear
            value={filters.type}
            placeholder="全部类型"
            style={{ width: 120 }}
            onChange={(value?: IntelFilters['type']) => go({ type: value })}
            options={INTEL_TYPES.map((t) => ({ value: t, label: intelTypeLabel(t) }))}
            data-testid="intel-type"
          />
          <Select
            allowClear
            value={filters.verification}
            placeholder="全部核实状态"
            style={{ width: 140 }}
            onChange={(value?: IntelFilters['verification']) => go({ verification: value })}
            options={VERIFICATION_STATES.map((s) => ({ value: s, label: verificationLabel(s) }))}
            data-testid="intel-verification-filter"
          />
          <Input
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            onPressEnter={() => go({ tag: tag.trim() || undefined })}
            onBlur={() => tag.trim() !== (filters.tag ?? '') && go({ tag: tag.trim() || undefined })}
            placeholder="标签，如 出租房"
            maxLength={20}
            allowClear
            style={{ width: 160 }}
            data-testid="intel-tag"
          />
          <span style={{ flex: 1 }} />
          <Button onClick={list.reload} disabled={!listable || list.loading}>
            刷新
          </Button>
        </div>
        {!listable ? (
          <div className="registry-pad">
            <Notice kind="warning" title="请选择村（社区）">
              您可查看辖区内各村（社区）的信息记录，请先选择一个村（社区）。
            </Notice>
          </div>
        ) : list.error ? (
          <div className="registry-pad">
            <Notice kind="error" title="无法加载信息记录">
              {list.error}
            </Notice>
          </div>
        ) : (
          <IntelRecordsTable
            records={list.items}
            loading={list.loading}
            hasMore={list.hasMore}
            onMore={list.loadMore}
            timeZone={directory.timeZone}
            empty={filters.type || filters.tag || filters.verification ? '没有符合条件的记录' : '暂无信息记录'}
          />
        )}
      </Panel>
    </div>
  );
}
