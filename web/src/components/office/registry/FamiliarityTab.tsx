'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'antd';
import type { VillageFamiliarity } from '@beatlink/shared/registry/households';
import { describeError } from '../../../lib/api-error';
import { rateText, rateWithCount } from '../../../lib/registry/labels';
import { familiarityRows, type FamiliarityRow } from '../../../lib/registry/villages';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';

/** 熟悉率: two-way familiarity of the village and of each officer, from the call-backs of a date range. */
export function FamiliarityTab({ villageId }: { villageId: string }) {
  const { api } = useSession();
  const { lookups } = useDirectory();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [data, setData] = useState<VillageFamiliarity>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (from && to && from > to) {
      setError('开始日期须不晚于结束日期');
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      setData(await api.get<VillageFamiliarity>(`/villages/${encodeURIComponent(villageId)}/familiarity`, { from, to }));
    } catch (err) {
      setData(undefined);
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, villageId, from, to]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => familiarityRows(data, (id) => lookups.officerName(id)), [data, lookups]);
  const village = data?.village;

  return (
    <div data-testid="familiarity-tab">
      <div className="registry-toolbar">
        <label>
          回访日期 <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className="registry-date" data-testid="familiarity-from" />
        </label>
        <span>至</span>
        <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} className="registry-date" data-testid="familiarity-to" />
        {(from || to) && (
          <Button
            size="small"
            onClick={() => {
              setFrom('');
              setTo('');
            }}
          >
            全部时间
          </Button>
        )}
      </div>
      {error && (
        <Notice kind="error" title="无法加载熟悉率">
          {error}
        </Notice>
      )}
      {village && (
        <>
          <div className="registry-figures" data-testid="familiarity-figures">
            <Figure label="双向熟悉率" value={rateText(village.twoWayRate)} detail={rateWithCount(village.twoWay, village)} strong />
            <Figure label="群众知晓民警" value={rateText(village.knowsOfficerRate)} detail={rateWithCount(village.knowsOfficer, village)} />
            <Figure label="民警熟悉住户" value={rateText(village.officerKnowsRate)} detail={rateWithCount(village.officerKnows, village)} />
            <Figure label="回访户数" value={String(village.sampled)} detail={`回访记录 ${data.callbacks} 条（每户取最近一次）`} />
          </div>
          {!village.sampled && <p className="muted">该时段没有回访记录，熟悉率未测。</p>}
          <LightTable<FamiliarityRow>
            rows={rows}
            rowKey={(r) => r.key}
            size="small"
            minWidth={720}
            testId="familiarity-table"
            columns={[
              { key: 'label', title: '范围 / 民警', render: (r) => r.label },
              { key: 'sampled', title: '回访户数', width: 100, render: (r) => r.rate.sampled },
              { key: 'knows', title: '群众知晓民警', width: 150, render: (r) => rateWithCount(r.rate.knowsOfficer, r.rate) },
              { key: 'officerKnows', title: '民警熟悉住户', width: 150, render: (r) => rateWithCount(r.rate.officerKnows, r.rate) },
              { key: 'twoWay', title: '双向熟悉率', width: 150, render: (r) => <strong>{rateWithCount(r.rate.twoWay, r.rate)}</strong> },
            ]}
          />
        </>
      )}
      {loading && !village && <p className="muted">正在加载…</p>}
    </div>
  );
}

function Figure({ label, value, detail, strong }: { label: string; value: string; detail?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'registry-figure registry-figure-strong' : 'registry-figure'}>
      <span className="registry-figure-label">{label}</span>
      <span className="registry-figure-value">{value}</span>
      {detail && <span className="registry-figure-detail">{detail}</span>}
    </div>
  );
}
