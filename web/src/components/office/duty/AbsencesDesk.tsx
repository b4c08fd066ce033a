'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Space } from 'antd';
import type { Absence, AbsenceDecision, AbsenceStatus } from '@beatlink/shared/duty/absence-rules';
import type { Page } from '@beatlink/shared/fields';
import { describeError } from '../../../lib/api-error';
import { absenceQuery, appendAbsences } from '../../../lib/duty/absences';
import { ABSENCE_STATUSES, absenceStatusLabel, amountWithUnit, dutyRoleLabel } from '../../../lib/duty/labels';
import { currentIsoWeek, dateLabel, isIsoWeek } from '../../../lib/duty/weeks';
import { formatDateTime } from '../../../lib/format';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { LightTable, type LightColumn } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { MakeUpStatusTag, WeekPicker } from './DutyParts';
import '../matters/matters.css';
import './duty.css';

const DecideDialog = dynamic(() => import('./DecideDialog'), { ssr: false });

const pickStatus = (value: string | null): AbsenceStatus => (ABSENCE_STATUSES as readonly string[]).includes(value ?? '') ? (value as AbsenceStatus) : 'pending';

/** 报备审批: the county's absence reports by status (tabs) and week; the program office approves or rejects. */
export function AbsencesDesk() {
  const { api, can } = useSession();
  const message = useMessage();
  const settings = useMatterSettings();
  const router = useRouter();
  const params = useSearchParams();
  const status = pickStatus(params.get('status'));
  const weekParam = params.get('week');
  const week = isIsoWeek(weekParam) ? weekParam : undefined;
  const mayDecide = can('duty.absence.decide');
  const tz = settings.timeZone;
  const [items, setItems] = useState<Absence[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [deciding, setDeciding] = useState<{ absence: Absence; decision: AbsenceDecision }>();

  const go = (next: { status?: AbsenceStatus; week?: string }) => {
    const search = new URLSearchParams({ status: next.status ?? status });
    const nextWeek = 'week' in next ? next.week : week;
    if (nextWeek) search.set('week', nextWeek);
    router.replace(`/duty/absences?${search.toString()}`);
  };

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.get<Page<Absence>>('/absences', { ...absenceQuery(status, week), cursor: after });
        setItems((shown) => (after ? appendAbsences(shown, page.items) : page.items));
        setCursor(page.nextCursor);
      } catch (error) {
        message.error(describeError(error));
      } finally {
        setLoading(false);
      }
    },
    [api, status, week, message],
  );

  useEffect(() => {
    setItems([]);
    void load();
  }, [load]);

  const columns = useMemo(() => {
    const base: Array<LightColumn<Absence>> = [
      { key: 'officer', title: '民警', width: 110, render: (a) => a.officerName },
      { key: 'role', title: '类别', width: 90, render: (a) => dutyRoleLabel(a.role) },
      { key: 'week', title: '周次', width: 100, render: (a) => a.week },
      { key: 'date', title: '不能到岗日期', width: 130, render: (a) => dateLabel(a.date) },
      { key: 'reason', title: '事由', render: (a) => a.reason },
      { key: 'filed', title: '报备时间', width: 150, render: (a) => formatDateTime(a.createdAt, tz) },
    ];
    if (status === 'pending' && mayDecide) {
      base.push({
        key: 'actions',
        title: '操作',
        width: 150,
        render: (a) => (
          <Space size="small">
            <Button size="small" type="primary" autoInsertSpace={false} onClick={() => setDeciding({ absence: a, decision: 'approve' })} data-testid="absence-approve">
              批准
            </Button>
            <Button size="small" danger autoInsertSpace={false} onClick={() => setDeciding({ absence: a, decision: 'reject' })} data-testid="absence-reject">
              驳回
            </Button>
          </Space>
        ),
      });
    }
    if (status === 'approved') {
      base.push({
        key: 'makeUp',
        title: '补课任务',
        width: 210,
        render: (a) =>
          a.makeUp ? (
            <div data-testid="absence-make-up">
              <div>
                {amountWithUnit(a.makeUp.amount, a.makeUp.unit)} <MakeUpStatusTag status={a.makeUp.status} />
              </div>
              <div className="muted duty-small">截止 {a.makeUp.dueDate}</div>
            </div>
          ) : (
            '—'
          ),
      });
    }
    if (status !== 'pending') {
      base.push({
        key: 'decided',
        title: status === 'rejected' ? '驳回理由 / 审批人' : '审批意见 / 审批人',
        width: 200,
        render: (a) => (
          <div>
            {a.note ? <div>{a.note}</div> : status === 'approved' && <div className="muted">（无意见）</div>}
            <div className="muted duty-small">
              {a.decidedByName ?? '—'}
              {a.decidedAt ? ` · ${formatDateTime(a.decidedAt, tz)}` : ''}
            </div>
          </div>
        ),
      });
    }
    return base;
  }, [status, mayDecide, tz]);

  const reload = () => {
    setDeciding(undefined);
    void load();
  };

  return (
    <Panel
      title="报备审批"
      flush
      testId="absences-desk"
      extra={
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      }
    >
      <div className="light-tabs" role="tablist" aria-label="审批状态">
        {ABSENCE_STATUSES.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={key === status} onClick={() => go({ status: key })} data-testid={`absences-tab-${key}`}>
            {absenceStatusLabel(key)}
          </button>
        ))}
      </div>
      <div className="duty-toolbar">
        <WeekPicker week={week} allowClear from={currentIsoWeek(Date.now(), tz)} onChange={(next) => go({ week: next })} label="报备周次" />
        {!mayDecide && status === 'pending' && <span className="muted">报备由活动办审批</span>}
      </div>
      <LightTable<Absence>
        rows={items}
        rowKey={(a) => a.id}
        loading={loading}
        minWidth={980}
        testId="absences-table"
        empty={status === 'pending' ? '暂无待审批的报备' : `暂无${absenceStatusLabel(status)}的报备`}
        rowProps={(a) => ({ 'data-testid': 'absence-row', 'data-absence-id': a.id, 'data-status': a.status })}
        columns={columns}
      />
      {cursor && (
        <div className="matters-more">
          <Button onClick={() => void load(cursor)} loading={loading}>
            加载更多
          </Button>
        </div>
      )}
      {deciding && (
        <DecideDialog
          absence={deciding.absence}
          decision={deciding.decision}
          rules={settings.record?.duty}
          onClose={() => setDeciding(undefined)}
          onDone={reload}
          onConflict={reload}
        />
      )}
    </Panel>
  );
}
