'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, type MouseEvent } from 'react';
import { Button, Input, Tag } from 'antd';
import { bestScope } from '@beatlink/shared/permissions';
import { countText, villageKindLabel } from '../../../lib/registry/labels';
import { filterVillages, villageHref, villageRows, villagesInReach, type VillageRow } from '../../../lib/registry/villages';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';
import '../matters/matters.css';
import './registry.css';

/** 村情档案: the villages within the user's reach, searchable; a row opens the profile. */
export function VillagesList() {
  const { me } = useSession();
  const directory = useDirectory();
  const router = useRouter();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [showInactive, setShowInactive] = useState(false);
  const scope = bestScope(me.roles, 'registry.read');
  const all = useMemo(() => villagesInReach(villageRows(directory.tree), scope, me.unitId), [directory.tree, scope, me.unitId]);
  const rows = useMemo(() => filterVillages(all, search, showInactive), [all, search, showInactive]);

  return (
    <Panel
      title="村情档案"
      flush
      extra={<span className="muted">共 {rows.length} 个村（社区）</span>}
      testId="villages-list"
    >
      <div className="registry-toolbar registry-toolbar-padded">
        <Input
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            router.replace(e.target.value.trim() ? `/villages?q=${encodeURIComponent(e.target.value.trim())}` : '/villages');
          }}
          placeholder="搜索村（社区）、区划代码、派出所、警务室"
          allowClear
          style={{ width: 320 }}
          data-testid="villages-search"
        />
        <label className="registry-check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> 含已停用
        </label>
        <span style={{ flex: 1 }} />
        <Button onClick={() => void directory.reload()} loading={directory.loading}>
          刷新
        </Button>
      </div>
      {directory.error && (
        <div className="registry-pad">
          <Notice kind="error" title="无法加载村（社区）">
            {directory.error}
          </Notice>
        </div>
      )}
      <LightTable<VillageRow>
        rows={rows}
        rowKey={(v) => v.id}
        loading={directory.loading}
        empty={search ? '没有符合条件的村（社区）' : '暂无村（社区）'}
        minWidth={960}
        testId="villages-table"
        rowProps={(v) => ({
          'data-testid': 'village-row',
          className: 'registry-row',
          onClick: (event: MouseEvent) => {
            if ((event.target as HTMLElement).closest('a,button')) return;
            router.push(villageHref(v.id));
          },
        })}
        columns={[
          {
            key: 'name',
            title: '村（社区）',
            render: (v) => (
              <>
                <Link href={villageHref(v.id)}>{v.name}</Link>
                {v.status === 'inactive' && <Tag style={{ marginLeft: 8 }}>已停用</Tag>}
              </>
            ),
          },
          { key: 'kind', title: '类型', width: 80, render: (v) => villageKindLabel(v.kind) },
          { key: 'station', title: '派出所', width: 150, render: (v) => v.stationName },
          { key: 'office', title: '警务室', width: 150, render: (v) => v.officeName },
          { key: 'workstation', title: '警务工作站', width: 160, render: (v) => v.workstationName },
          { key: 'households', title: '户数', width: 90, render: (v) => countText(v.households) },
          { key: 'population', title: '人口', width: 90, render: (v) => countText(v.population) },
        ]}
      />
    </Panel>
  );
}
