'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Spin, Tag } from 'antd';
import {
  MATTER_KIND_LABELS,
  MATTER_OUTCOME_LABELS,
  MATTER_SOURCE_LABELS,
  SEVERITY_LABELS,
  VERIFY_METHOD_LABELS,
  isOpenStatus,
} from '@beatlink/shared/matters/kinds';
import { TRANSITION_LABELS, type TransitionName } from '@beatlink/shared/matters/transitions';
import type { DisputeRecord, DuplicateCandidateView, MatterDetail, MatterEvent, RevealedPhone } from '@beatlink/shared/matters/views';
import { describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { HOLDER_TYPE_LABELS, hoursText, routingSuggestionText, statusLabel } from '../../../lib/matters/labels';
import { runningDeadline } from '../../../lib/matters/rows';
import { timelineEntry } from '../../../lib/matters/timeline';
import type { TransitionFormValues } from '../../../lib/matters/transition-body';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { DisputePanel } from './DisputePanel';
import { MatterAttachments } from './MatterAttachments';
import { StatusTag, SupervisionTag } from './MatterTags';
import { useMatterSettings } from './settings';
import './matters.css';

const loadDialog = () => import('./TransitionDialog');
const TransitionDialog = dynamic(loadDialog, { ssr: false });
const RevealDialog = dynamic(() => import('./RevealDialog'), { ssr: false });
const DisputeEditor = dynamic(() => import('./DisputeEditor'), { ssr: false });

/** The main next step gets the primary button. */
const PRIMARY: readonly TransitionName[] = ['triage', 'assign', 'accept', 'feedback', 'verify', 'close'];
const DANGER: readonly TransitionName[] = ['return', 'escalate'];

export interface MatterDetailViewProps {
  id: string;
  /** After a transition or a dispute update (the agency workspace refreshes its list). */
  onChanged?: (matter: MatterDetail) => void;
}

type Dialog = { name: TransitionName; preset?: Partial<TransitionFormValues> };

function Timeline({ events, categoryName, timeZone }: { events: MatterEvent[]; categoryName(id: string): string; timeZone: string }) {
  const entries = events.map((event) => timelineEntry(event, { categoryName, timeZone }));
  return (
    <ol className="matter-timeline" data-testid="matter-timeline">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="matter-event" data-event-type={events.find((e) => e.id === entry.id)?.type}>
          <span className={`dot dot-${entry.tone}`} />
          <div className="event-head">
            <span className="event-title">{entry.title}</span>
            {entry.change && <span>{entry.change}</span>}
          </div>
          <div className="muted">
            {entry.who} · {entry.when}
          </div>
          {entry.note && <p className="event-note">{entry.note}</p>}
          {entry.details.length > 0 && (
            <ul className="event-details">
              {entry.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 事项详情: facts, reporter, attachments, routing suggestion, duplicates, dispute record, timeline, and the actions the caller may take. */
export function MatterDetailView({ id, onChanged }: MatterDetailViewProps) {
  const { api, can } = useSession();
  const settings = useMatterSettings();
  const [matter, setMatter] = useState<MatterDetail>();
  const [events, setEvents] = useState<MatterEvent[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateCandidateView[]>([]);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog>();
  const [reveal, setReveal] = useState<{ field: string; who: string }>();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [editingDispute, setEditingDispute] = useState(false);
  const [now, setNow] = useState(() => new Date().toISOString());

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [detail, timeline] = await Promise.all([
        api.get<MatterDetail>(`/matters/${encodeURIComponent(id)}`),
        api.get<{ items: MatterEvent[] }>(`/matters/${encodeURIComponent(id)}/timeline`),
      ]);
      setMatter(detail);
      setEvents(timeline.items);
      setError(undefined);
      setNow(new Date().toISOString());
      if (detail.allowedTransitions.includes('merge')) {
        api
          .get<{ items: DuplicateCandidateView[] }>(`/matters/${encodeURIComponent(id)}/duplicates`)
          .then((page) => setDuplicates(page.items))
          .catch(() => setDuplicates([]));
      } else {
        setDuplicates([]);
      }
      return detail;
    } catch (err) {
      setError(describeError(err));
      return undefined;
    } finally {
      setLoading(false);
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  // The dialogs' code is fetched once the page is idle, so the first click opens at once.
  useEffect(() => {
    if (!matter?.allowedTransitions.length) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
    idle(() => void loadDialog());
  }, [matter?.allowedTransitions.length]);

  const afterChange = useCallback(async () => {
    const fresh = await load();
    if (fresh) onChanged?.(fresh);
  }, [load, onChanged]);

  const running = useMemo(() => (matter ? runningDeadline(matter, now, settings.config?.remindBeforeHours ?? 4) : undefined), [matter, now, settings.config]);

  if (!matter) {
    if (error) {
      return (
        <Notice kind="error" title="无法加载事项" action={<Button onClick={() => void load()}>重试</Button>}>
          {error}
        </Notice>
      );
    }
    return (
      <div className="office-center" style={{ minHeight: 240 }}>
        <Spin description="正在加载…" />
      </div>
    );
  }

  const tz = settings.timeZone;
  const category = matter.categoryName;
  const awaitingRouting = matter.status === 'triage' || matter.status === 'reopened';
  const open = (name: TransitionName, preset?: Partial<TransitionFormValues>) => setDialog({ name, ...(preset ? { preset } : {}) });

  return (
    <div data-testid="matter-detail" data-matter-id={matter.id} data-version={matter.version}>
      <div className="matter-head">
        <h1>{matter.title}</h1>
        <StatusTag status={matter.status} testId="matter-status" />
        <Tag>{MATTER_KIND_LABELS[matter.kind].zh}</Tag>
        {matter.linkage && <Tag color="purple">综治联动</Tag>}
        {running && <SupervisionTag state={matter.supervisionState} />}
        {loading && <Spin size="small" />}
      </div>

      <div className="matter-actions" data-testid="matter-actions">
        {matter.allowedTransitions.map((name) => (
          <Button
            key={name}
            type={PRIMARY.includes(name) ? 'primary' : 'default'}
            danger={DANGER.includes(name)}
            onClick={() => open(name)}
            data-testid={`matter-action-${name}`}
          >
            {TRANSITION_LABELS[name].zh}
          </Button>
        ))}
        {matter.allowedTransitions.length === 0 && <span className="muted">{isOpenStatus(matter.status) ? '当前无需您办理的操作' : `事项${statusLabel(matter.status)}`}</span>}
      </div>

      <div className="matter-grid">
        <div className="matter-stack">
          <Panel title="事项信息" testId="matter-facts">
            <dl className="matter-facts">
              <dt>编号</dt>
              <dd>{matter.id}</dd>
              <dt>类型</dt>
              <dd>{MATTER_KIND_LABELS[matter.kind].zh}</dd>
              {settings.config && (
                <>
                  <dt>分类</dt>
                  <dd data-testid="matter-category">{category}</dd>
                </>
              )}
              <dt>{matter.kind === 'dispute' ? '风险等级' : '严重程度'}</dt>
              <dd>{SEVERITY_LABELS[matter.severity].zh}</dd>
              <dt>公安职责</dt>
              <dd>{matter.policeBusiness === undefined ? '待研判' : matter.policeBusiness ? '是' : '否（综治联动）'}</dd>
              <dt>村/社区</dt>
              <dd>{matter.villageName}</dd>
              <dt>来源</dt>
              <dd>{MATTER_SOURCE_LABELS[matter.source]?.zh ?? matter.source}</dd>
              <dt>发生时间</dt>
              <dd>{formatDateTime(matter.occurredAt, tz)}</dd>
              {matter.address && (
                <>
                  <dt>地点</dt>
                  <dd className="wide">{matter.address}</dd>
                </>
              )}
              <dt>反映人</dt>
              <dd className="wide" data-testid="matter-reporter">
                {matter.reporter ? (
                  <span className="matter-phone">
                    <span>{matter.reporter.name}</span>
                    <span data-testid="matter-reporter-phone">{revealed.reporter ?? matter.reporter.phoneMasked}</span>
                    {matter.mayReveal && !revealed.reporter && (
                      <Button size="small" type="link" onClick={() => setReveal({ field: 'reporter', who: '反映人' })} data-testid="reveal-reporter">
                        查看号码
                      </Button>
                    )}
                  </span>
                ) : (
                  <span className="muted">无</span>
                )}
              </dd>
              <dt>情况描述</dt>
              <dd className="wide">
                <p className="matter-description">{matter.description}</p>
              </dd>
              <dt>录入</dt>
              <dd className="wide">
                {matter.createdByName} · {formatDateTime(matter.createdAt, tz)}
              </dd>
              <dt>承办单位</dt>
              <dd className="wide" data-testid="matter-holder">
                {matter.holder ? (
                  <>
                    {matter.holder.name}
                    {matter.holder.officerName ? ` · ${matter.holder.officerName}` : ''}
                    <span className="muted">（{HOLDER_TYPE_LABELS[matter.holder.type]}）</span>
                  </>
                ) : (
                  <span className="muted">未交办</span>
                )}
              </dd>
              {matter.holder && (
                <>
                  <dt>签收时限</dt>
                  <dd>
                    {formatDateTime(matter.acceptBy, tz) || '—'}
                    {matter.acceptedAt ? <span className="muted">（{formatDateTime(matter.acceptedAt, tz)} 已签收）</span> : null}
                  </dd>
                  <dt>反馈时限</dt>
                  <dd>{formatDateTime(matter.feedbackBy, tz) || '—'}</dd>
                </>
              )}
              {running && (
                <>
                  <dt>督办</dt>
                  <dd className="wide">
                    {running.name}时限 {formatDateTime(running.at, tz)} <SupervisionTag state={matter.supervisionState} />
                    {matter.supervisionState === 'overdue' && <span>已超期 {hoursText((Date.parse(now) - Date.parse(running.at)) / 3_600_000)}</span>}
                    <span className="muted">
                      {' '}
                      · 催办 {matter.supervision.urgeCount} 次 · 督办级别 {matter.supervision.escalationLevel}
                    </span>
                  </dd>
                </>
              )}
              {matter.feedback && (
                <>
                  <dt>反馈</dt>
                  <dd className="wide" data-testid="matter-feedback">
                    <Tag>{MATTER_OUTCOME_LABELS[matter.feedback.outcome].zh}</Tag>
                    {matter.feedback.note}
                    <span className="muted">
                      {' '}
                      （{matter.feedback.by} · {formatDateTime(matter.feedback.at, tz)}）
                    </span>
                  </dd>
                </>
              )}
              {matter.verification && (
                <>
                  <dt>回访</dt>
                  <dd className="wide" data-testid="matter-verification">
                    <Tag color={matter.verification.satisfied ? 'green' : 'red'}>{matter.verification.satisfied ? '满意' : '不满意'}</Tag>
                    {VERIFY_METHOD_LABELS[matter.verification.method]?.zh}
                    {matter.verification.note ? `：${matter.verification.note}` : ''}
                    <span className="muted">
                      {' '}
                      （{matter.verification.by} · {formatDateTime(matter.verification.at, tz)}）
                    </span>
                  </dd>
                </>
              )}
              {matter.outcome && (
                <>
                  <dt>办结结果</dt>
                  <dd className="wide">
                    {MATTER_OUTCOME_LABELS[matter.outcome].zh}
                    {matter.closedAt ? <span className="muted">（{formatDateTime(matter.closedAt, tz)}）</span> : null}
                  </dd>
                </>
              )}
              {matter.mergedInto && (
                <>
                  <dt>已并入</dt>
                  <dd className="wide">
                    <Link href={`/matters/view?id=${encodeURIComponent(matter.mergedInto)}`}>{matter.mergedInto}</Link>
                  </dd>
                </>
              )}
              {(matter.mergedCount > 0 || matter.returnCount > 0 || matter.reopenCount > 0) && (
                <>
                  <dt>统计</dt>
                  <dd className="wide muted">
                    并入重复 {matter.mergedCount} 件 · 退回 {matter.returnCount} 次 · 回访不满意重办 {matter.reopenCount} 次
                  </dd>
                </>
              )}
            </dl>
          </Panel>

          <Panel title="附件">
            <MatterAttachments ids={matter.attachmentIds} />
          </Panel>

          {matter.kind === 'dispute' && matter.dispute && (
            <DisputePanel
              record={matter.dispute}
              timeZone={tz}
              mayReveal={matter.mayReveal}
              revealed={revealed}
              onReveal={(field, who) => setReveal({ field, who })}
              onEdit={can('matter.dispute.write') ? () => setEditingDispute(true) : undefined}
            />
          )}
        </div>

        <div className="matter-stack">
          {awaitingRouting && matter.routing && (
            <Panel title="研判建议" testId="matter-routing">
              <div className="matter-suggestion" data-testid="matter-routing-suggestion">
                {routingSuggestionText(category, matter.routing.route, matter.routing.suggested)}
              </div>
              {matter.allowedTransitions.includes('assign') && (
                <Button type="primary" onClick={() => open('assign')}>
                  按建议交办
                </Button>
              )}
            </Panel>
          )}
          {matter.allowedTransitions.includes('merge') && (
            <Panel title={`疑似重复（${duplicates.length}）`} testId="matter-duplicates">
              {duplicates.length === 0 && <span className="muted">未发现疑似重复事项</span>}
              {duplicates.map((d) => (
                <div key={d.id} className="matter-dup" data-testid={`duplicate-${d.id}`}>
                  <div className="matter-dup-text">
                    <a href={`/matters/view?id=${encodeURIComponent(d.id)}`} target="_blank" rel="noreferrer">
                      {d.title}
                    </a>{' '}
                    <StatusTag status={d.status} /> <span className="muted">相似度 {Math.round(d.score * 100)}%</span>
                    <p>{d.description}</p>
                    <p>{formatDateTime(d.createdAt, tz)}</p>
                  </div>
                  <Button size="small" onClick={() => open('merge', { intoMatterId: d.id })} data-testid={`duplicate-merge-${d.id}`}>
                    合并到此
                  </Button>
                </div>
              ))}
            </Panel>
          )}
          <Panel title="办理记录">
            <Timeline events={events} categoryName={settings.categoryName} timeZone={tz} />
          </Panel>
        </div>
      </div>

      {dialog && (
        <TransitionDialog
          name={dialog.name}
          matter={matter}
          preset={dialog.preset}
          duplicates={duplicates}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            void afterChange();
          }}
          onConflict={() => {
            setDialog(undefined);
            void afterChange();
          }}
        />
      )}
      {reveal && (
        <RevealDialog
          matterId={matter.id}
          field={reveal.field}
          who={reveal.who}
          onClose={() => setReveal(undefined)}
          onRevealed={(phone: RevealedPhone) => {
            setRevealed((current) => ({ ...current, [phone.field || reveal.field]: phone.phone }));
            setReveal(undefined);
          }}
        />
      )}
      {editingDispute && matter.dispute && (
        <DisputeEditor
          matterId={matter.id}
          record={matter.dispute}
          onClose={() => setEditingDispute(false)}
          onSaved={(record: DisputeRecord) => {
            setEditingDispute(false);
            setMatter((current) => (current ? { ...current, dispute: record } : current));
            void afterChange();
          }}
          onConflict={() => {
            setEditingDispute(false);
            void afterChange();
          }}
        />
      )}
    </div>
  );
}
