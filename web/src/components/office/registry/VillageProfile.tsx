'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import type { Village } from '@beatlink/shared';
import { ApiError, describeError } from '../../../lib/api-error';
import { isIntelType } from '../../../lib/intel/labels';
import { countText, isHouseholdTag, villageKindLabel } from '../../../lib/registry/labels';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { MattersTable } from '../matters/MattersTable';
import { FamiliarityTab } from './FamiliarityTab';
import { HouseholdsTab } from './HouseholdsTab';
import { ResourcesTab } from './ResourcesTab';
import { VillageIntelTab } from './VillageIntelTab';
import '../matters/matters.css';
import './registry.css';

type TabKey = 'households' | 'familiarity' | 'resources' | 'intel' | 'matters';
const TABS: Array<{ key: TabKey; label: string; action: 'registry.read' | 'intel.read' | 'matter.read' }> = [
  { key: 'households', label: '住户', action: 'registry.read' },
  { key: 'familiarity', label: '熟悉率', action: 'registry.read' },
  { key: 'resources', label: '群防群治 / 物防', action: 'registry.read' },
  { key: 'intel', label: '信息', action: 'intel.read' },
  { key: 'matters', label: '事项', action: 'matter.read' },
];

/** 村（社区）档案 (/villages/view?id=&tab=): the village, its households, familiarity, resources, information and matters. */
export function VillageProfile() {
  const { api, can } = useSession();
  const { lookups, timeZone } = useDirectory();
  const router = useRouter();
  const params = useSearchParams();
  const id = params.get('id') ?? '';
  const tabs = TABS.filter((t) => can(t.action));
  const tab = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0]?.key;
  const tagParam = params.get('tag');
  const typeParam = params.get('type');
  const [village, setVillage] = useState<Village>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!id) return;
    setLoading(true);
    setError(undefined);
    try {
      setVillage(await api.get<Village>(`/directory/villages/${encodeURIComponent(id)}`));
    } catch (err) {
      setVillage(undefined);
      setError(err instanceof ApiError && err.status === 404 ? '村（社区）不存在，或不在您的辖区内' : describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const go = (next: { tab?: TabKey; tag?: string; type?: string }) => {
    const search = new URLSearchParams({ id });
    if (next.tab) search.set('tab', next.tab);
    if (next.tag) search.set('tag', next.tag);
    if (next.type) search.set('type', next.type);
    router.replace(`/villages/view?${search.toString()}`);
  };

  if (!id) {
    return (
      <Notice kind="warning" title="未指定村（社区）">
        请从 <Link href="/villages">村情档案</Link> 中选择一个村（社区）。
      </Notice>
    );
  }

  const unit = (unitId: string | undefined) => (unitId ? (lookups.unitName(unitId) ?? '—') : '—');

  return (
    <div className="registry-stack" data-testid="village-profile">
      <Panel>
        <div className="registry-head">
          <Link href="/villages">‹ 返回村情档案</Link>
        </div>
        <div className="registry-head">
          <h1 data-testid="village-name">{village?.name ?? (loading ? '正在加载…' : '村（社区）档案')}</h1>
          {village && <Tag>{villageKindLabel(village.kind)}</Tag>}
          {village?.status === 'inactive' && <Tag color="default">已停用</Tag>}
          <span style={{ flex: 1 }} />
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </div>
        {error && (
          <Notice kind="error" title="无法加载">
            {error}
          </Notice>
        )}
        {village && (
          <dl className="registry-facts registry-facts-wide" data-testid="village-facts">
            <dt>派出所</dt>
            <dd>{unit(village.stationId)}</dd>
            <dt>警务室</dt>
            <dd>{unit(village.officeId)}</dd>
            <dt>警务工作站</dt>
            <dd>{unit(village.workstationId)}</dd>
            <dt>区划代码</dt>
            <dd>{village.divisionCode ?? '—'}</dd>
            <dt>户数</dt>
            <dd>{countText(village.households)}</dd>
            <dt>人口</dt>
            <dd>{countText(village.population)}</dd>
            <dt>位置</dt>
            <dd>{village.location ? `${village.location.lat.toFixed(6)}, ${village.location.lng.toFixed(6)}` : '—'}</dd>
          </dl>
        )}
      </Panel>

      {village && tab && (
        <Panel>
          <div className="light-tabs" role="tablist" aria-label="村（社区）档案">
            {tabs.map((t) => (
              <button key={t.key} type="button" role="tab" aria-selected={t.key === tab} onClick={() => go({ tab: t.key })} data-testid={`village-tab-${t.key}`}>
                {t.label}
              </button>
            ))}
          </div>
          {tab === 'households' && <HouseholdsTab villageId={village.id} tag={isHouseholdTag(tagParam) ? tagParam : undefined} onTag={(tag) => go({ tab, tag })} />}
          {tab === 'familiarity' && <FamiliarityTab villageId={village.id} />}
          {tab === 'resources' && <ResourcesTab villageId={village.id} />}
          {tab === 'intel' && <VillageIntelTab villageId={village.id} type={isIntelType(typeParam) ? typeParam : undefined} onType={(type) => go({ tab, type })} timeZone={timeZone} />}
          {tab === 'matters' && <MattersTable query={{ villageId: village.id }} testId="village-matters" empty="该村（社区）暂无事项" />}
        </Panel>
      )}
    </div>
  );
}
