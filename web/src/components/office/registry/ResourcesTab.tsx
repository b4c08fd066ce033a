'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'antd';
import type { PatrolTeam, VillageResources } from '@beatlink/shared/registry/households';
import { describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { FUNDER_TEXT } from '../../../lib/registry/labels';
import { deviceRows, resourceTotals, type DeviceRow } from '../../../lib/registry/villages';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';

const ResourcesEditor = dynamic(() => import('./ResourcesEditor'), { ssr: false });

/** 群防群治 / 物防: patrol teams, activists, cameras and devices by funder; 编辑 for roles with registry.write. */
export function ResourcesTab({ villageId }: { villageId: string }) {
  const { api, can } = useSession();
  const canWrite = can('registry.write');
  const [editing, setEditing] = useState(false);
  const { timeZone } = useDirectory();
  const [data, setData] = useState<VillageResources>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    try {
      setData(await api.get<VillageResources>(`/villages/${encodeURIComponent(villageId)}/resources`));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, villageId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <Notice kind="error" title="无法加载群防群治 / 物防">
        {error}
      </Notice>
    );
  }
  if (!data) return <p className="muted">{loading ? '正在加载…' : ''}</p>;
  const totals = resourceTotals(data);

  return (
    <div data-testid="resources-tab">
      {canWrite && (
        <div className="registry-head">
          <span style={{ flex: 1 }} />
          <Button onClick={() => setEditing(true)} disabled={loading} data-testid="resources-edit">
            编辑
          </Button>
        </div>
      )}
      {!totals.recorded && <p className="muted" data-testid="resources-empty">该村（社区）尚未登记群防群治 / 物防资源。</p>}
      <div className="registry-figures">
        <div className="registry-figure">
          <span className="registry-figure-label">义务巡逻队</span>
          <span className="registry-figure-value">{totals.teams}</span>
          <span className="registry-figure-detail">队员 {totals.teamMembers} 人</span>
        </div>
        <div className="registry-figure">
          <span className="registry-figure-label">治安积极分子</span>
          <span className="registry-figure-value">{totals.activists}</span>
        </div>
        {deviceRows(data).map((d) => (
          <div className="registry-figure" key={d.key}>
            <span className="registry-figure-label">{d.label}</span>
            <span className="registry-figure-value">{d.total}</span>
          </div>
        ))}
      </div>
      <h3 className="registry-subtitle">义务巡逻队</h3>
      <LightTable<PatrolTeam>
        rows={data.patrolTeams}
        rowKey={(t) => `${data.patrolTeams.indexOf(t)}:${t.name}`}
        size="small"
        testId="patrol-teams"
        empty="暂无巡逻队"
        columns={[
          { key: 'name', title: '名称', render: (t) => t.name },
          { key: 'leader', title: '队长', width: 140, render: (t) => t.leader },
          { key: 'members', title: '队员人数', width: 120, render: (t) => t.members },
        ]}
      />
      <h3 className="registry-subtitle">物防设施（按出资方）</h3>
      <LightTable<DeviceRow>
        rows={deviceRows(data)}
        rowKey={(d) => d.key}
        size="small"
        testId="devices"
        columns={[
          { key: 'label', title: '设施', render: (d) => d.label },
          { key: 'enterprise', title: FUNDER_TEXT.enterprise, width: 130, render: (d) => d.enterprise },
          { key: 'village', title: FUNDER_TEXT.village, width: 130, render: (d) => d.village },
          { key: 'bureau', title: FUNDER_TEXT.bureau, width: 130, render: (d) => d.bureau },
          { key: 'total', title: '合计', width: 100, render: (d) => <strong>{d.total}</strong> },
        ]}
      />
      {data.note && <p className="registry-pre">备注：{data.note}</p>}
      {data.updatedAt && <p className="muted">最近更新：{formatDateTime(data.updatedAt, timeZone)}</p>}
      {editing && (
        <ResourcesEditor
          villageId={villageId}
          resources={data}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setData(saved);
            setEditing(false);
          }}
          onConflict={() => {
            setEditing(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
