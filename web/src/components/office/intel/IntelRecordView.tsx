'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Tag } from 'antd';
import type { IntelLink, IntelRecord, IntelRecordDetail, IntelRecordEvent } from '@beatlink/shared/intel/records';
import type { Page } from '@beatlink/shared/fields';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { intelHref, verificationLabel } from '../../../lib/intel/labels';
import { historyRow, recordFacts, type HistoryRow } from '../../../lib/intel/record-view';
import { villageHref } from '../../../lib/registry/villages';
import { useDirectory } from '../directory';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';
import { MaskedField } from '../registry/MaskedField';
import { IntelTypeTag, ReliabilityTag, VerificationTag } from './IntelTags';
import '../matters/matters.css';
import '../registry/registry.css';

const VerifyDialog = dynamic(() => import('./VerifyDialog'), { ssr: false });

/** 信息记录详情 (/intel/view?id=): details by type, masked secrets with 查看, links both ways, history, 核实. */
export function IntelRecordView() {
  const { api, can } = useSession();
  const { timeZone } = useDirectory();
  const params = useSearchParams();
  const id = params.get('id') ?? '';
  const [record, setRecord] = useState<IntelRecordDetail>();
  const [history, setHistory] = useState<IntelRecordEvent[]>([]);
  const [historyCursor, setHistoryCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async () => {
    if (!id) return;
    setLoading(true);
    setError(undefined);
    try {
      const [detail, events] = await Promise.all([
        api.get<IntelRecordDetail>(`/intel/records/${encodeURIComponent(id)}`),
        api.get<Page<IntelRecordEvent>>(`/intel/records/${encodeURIComponent(id)}/history`, { limit: 50 }).catch(() => ({ items: [] }) as Page<IntelRecordEvent>),
      ]);
      setRecord(detail);
      setHistory(events.items);
      setHistoryCursor(events.nextCursor);
    } catch (err) {
      setRecord(undefined);
      setError(err instanceof ApiError && err.status === 404 ? '记录不存在，或不在您的辖区内' : describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const moreHistory = async () => {
    if (!historyCursor) return;
    try {
      const page = await api.get<Page<IntelRecordEvent>>(`/intel/records/${encodeURIComponent(id)}/history`, { limit: 50, cursor: historyCursor });
      setHistory((shown) => [...shown, ...page.items.filter((e) => !shown.some((s) => s.id === e.id))]);
      setHistoryCursor(page.nextCursor);
    } catch (err) {
      setError(describeError(err));
    }
  };

  const facts = useMemo(() => (record ? recordFacts(record, timeZone) : []), [record, timeZone]);
  const historyRows = useMemo(() => history.map((e) => historyRow(e, timeZone)), [history, timeZone]);
  const canReveal = can('intel.reveal');

  if (!id) {
    return (
      <Notice kind="warning" title="未指定记录">
        请从 <Link href="/intel">信息采集</Link> 中选择一条记录。
      </Notice>
    );
  }

  return (
    <div className="registry-stack" data-testid="intel-record">
      <Panel>
        <div className="registry-head">
          <Link href={record ? `/intel?villageId=${encodeURIComponent(record.villageId)}` : '/intel'}>‹ 返回信息采集</Link>
        </div>
        <div className="registry-head">
          <h1 data-testid="intel-title">{record?.title || (loading ? '正在加载…' : '信息记录')}</h1>
          {record && <IntelTypeTag type={record.type} />}
          {record && <ReliabilityTag grade={record.reliability} />}
          {record && <VerificationTag state={record.verification.state} />}
          <span style={{ flex: 1 }} />
          {record && can('intel.verify') && (
            <Button type="primary" onClick={() => setVerifying(true)} data-testid="intel-verify">
              核实
            </Button>
          )}
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </div>
        {error && (
          <Notice kind="error" title="无法加载">
            {error}
          </Notice>
        )}
        {record && (
          <dl className="registry-facts" data-testid="intel-facts">
            {facts.map((fact) => (
              <FactRow key={fact.label} label={fact.label}>
                {'secret' in fact ? (
                  <MaskedField masked={fact.masked} field={fact.secret} fieldLabel={fact.label} who={record.title} path={`/intel/records/${encodeURIComponent(record.id)}/reveal`} canReveal={canReveal} />
                ) : (
                  <span className="registry-pre">{fact.value}</span>
                )}
              </FactRow>
            ))}
            <FactRow label="所属村（社区）">
              <Link href={villageHref(record.villageId)} data-testid="intel-village-link">
                {record.villageName}
              </Link>
            </FactRow>
            <FactRow label="标签">{record.tags.length ? record.tags.map((t) => <Tag key={t}>{t}</Tag>) : <span className="muted">—</span>}</FactRow>
            <FactRow label="采集人">{record.source.name}</FactRow>
            <FactRow label="采集时间">{formatDateTime(record.createdAt, timeZone)}</FactRow>
            <FactRow label="最近更新">
              {formatDateTime(record.updatedAt, timeZone)}（第 {record.version} 版）
            </FactRow>
            <FactRow label="核实">
              <span data-testid="intel-verification-detail">
                {verificationLabel(record.verification.state)}
                {record.verification.byName ? ` · ${record.verification.byName}` : ''}
                {record.verification.at ? ` · ${formatDateTime(record.verification.at, timeZone)}` : ''}
                {record.verification.note ? ` · ${record.verification.note}` : ''}
              </span>
            </FactRow>
            {record.note && (
              <FactRow label="备注">
                <span className="registry-pre">{record.note}</span>
              </FactRow>
            )}
          </dl>
        )}
      </Panel>

      {record && (
        <>
          <div className="registry-columns">
            <Panel title={`关联记录（${record.links.length}）`} testId="intel-links">
              <LinkList links={record.links} empty="未关联其他记录" />
            </Panel>
            <Panel title={`被关联（${record.linkedFrom.length}）`} testId="intel-backlinks">
              <LinkList links={record.linkedFrom} empty="没有记录关联到本条" />
            </Panel>
          </div>

          <Panel title="变更历史" flush testId="intel-history">
            <LightTable<HistoryRow>
              rows={historyRows}
              rowKey={(h) => h.id}
              size="small"
              minWidth={720}
              empty="暂无历史"
              rowProps={() => ({ 'data-testid': 'intel-history-row' })}
              columns={[
                { key: 'when', title: '时间', width: 150, render: (h) => h.when },
                { key: 'who', title: '操作人', width: 110, render: (h) => h.who },
                { key: 'what', title: '操作', width: 140, render: (h) => h.what },
                { key: 'fields', title: '变更字段', render: (h) => h.fields },
                { key: 'version', title: '版本', width: 70, render: (h) => h.version },
              ]}
            />
            {historyCursor && (
              <div className="registry-more">
                <Button onClick={() => void moreHistory()}>加载更多</Button>
              </div>
            )}
          </Panel>
        </>
      )}

      {verifying && record && (
        <VerifyDialog
          record={record}
          onClose={() => setVerifying(false)}
          onDone={(updated: IntelRecord) => {
            setVerifying(false);
            setRecord((shown) => (shown ? { ...shown, ...updated, linkedFrom: shown.linkedFrom, links: shown.links } : shown));
            void load();
          }}
          onConflict={() => {
            setVerifying(false);
            void load();
          }}
        />
      )}
    </div>
  );
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function LinkList({ links, empty }: { links: readonly IntelLink[]; empty: string }) {
  if (!links.length) return <span className="muted">{empty}</span>;
  return (
    <ul className="registry-links">
      {links.map((link) => (
        <li key={`${link.recordId}-${link.relation}`} data-testid="intel-link">
          <Tag>{link.relation}</Tag>
          {link.title !== undefined ? (
            <>
              {link.type && <IntelTypeTag type={link.type} />}
              <Link href={intelHref(link.recordId)}>{link.title || '（无名称）'}</Link>
            </>
          ) : (
            <span className="muted">不在您辖区内或已删除的记录</span>
          )}
        </li>
      ))}
    </ul>
  );
}
