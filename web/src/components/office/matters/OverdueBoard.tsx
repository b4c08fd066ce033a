'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import type { Page } from '@beatlink/shared/fields';
import { TRANSITION_TABLE } from '@beatlink/shared/matters/transitions';
import type { Matter } from '@beatlink/shared/matters/views';
import { describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { hoursText } from '../../../lib/matters/labels';
import { groupOverdue, urgeReason, type OverdueItem } from '../../../lib/matters/overdue';
import { runningDeadline } from '../../../lib/matters/rows';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { LightTable } from './LightTable';
import { StatusTag } from './MatterTags';
import { matterHref } from './MattersTable';
import { useMatterSettings } from './settings';
import './matters.css';

const TransitionDialog = dynamic(() => import('./TransitionDialog'), { ssr: false });
const MAX_PAGES = 5;

/** 超期督办看板: the overdue inbox grouped by holder, how long overdue, escalation level, urges, and 催办 in one click. */
export function OverdueBoard() {
  const { api, me } = useSession();
  const message = useMessage();
  const settings = useMatterSettings();
  const [matters, setMatters] = useState<Matter[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(() => new Date().toISOString());
  const [urging, setUrging] = useState<{ matter: Matter; reason: string }>();
  const mayUrge = me.roles.some((r) => (TRANSITION_TABLE.urge.roles as readonly string[]).includes(r));

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const all: Matter[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api.get<Page<Matter>>('/matters', { inbox: 'overdue', limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && ++pages < MAX_PAGES);
      setMatters(all);
      setMore(!!cursor);
      setNow(new Date().toISOString());
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setLoading(false);
    }
  }, [api, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const groups = useMemo(() => groupOverdue(matters, now), [matters, now]);
  const tz = settings.timeZone;
  const total = groups.reduce((sum, g) => sum + g.items.length, 0);

  return (
    <Panel
      title="超期督办"
      flush
      testId="overdue-board"
      extra={
        <>
          <span className="muted">
            共 {total} 件超期，{groups.length} 个承办单位{more ? '（仅显示最超期的 1000 件）' : ''}
          </span>
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </>
      }
    >
      {!loading && groups.length === 0 && (
        <Notice kind="warning" title="暂无超期事项">
          所有在办事项均在时限内。
        </Notice>
      )}
      {groups.map((group) => (
        <section key={group.key} className="overdue-group" data-testid={`overdue-group-${group.key}`}>
          <h3>
            {group.holderName} <Tag color="red">{group.items.length} 件超期</Tag>
            <span className="muted" style={{ fontWeight: 'normal', fontSize: 13 }}>
              最长超期 {hoursText(group.maxHours)}
            </span>
          </h3>
          <LightTable<OverdueItem>
            rowKey={(item) => item.matter.id}
            size="small"
            rows={group.items}
            minWidth={960}
            rowProps={(item) => ({ 'data-testid': `overdue-row-${item.matter.id}` })}
            columns={[
              { key: 'title', title: '事项', render: (item) => <Link href={matterHref(item.matter.id)}>{item.matter.title}</Link> },
              { key: 'village', title: '村/社区', width: 110, render: (item) => item.matter.villageName },
              { key: 'status', title: '状态', width: 100, render: (item) => <StatusTag status={item.matter.status} /> },
              {
                key: 'deadline',
                title: '时限',
                width: 170,
                render: (item) => {
                  const running = runningDeadline(item.matter, now, 0);
                  return running ? `${running.name} ${formatDateTime(running.at, tz)}` : '—';
                },
              },
              { key: 'hours', title: '超期时长', width: 110, render: (item) => <span style={{ color: '#cf1322' }}>{hoursText(item.hours)}</span> },
              { key: 'level', title: '督办级别', width: 90, render: (item) => (item.escalationLevel ? `第 ${item.escalationLevel} 级` : '—') },
              { key: 'urges', title: '催办次数', width: 90, render: (item) => item.urgeCount },
              ...(mayUrge
                ? [
                    {
                      key: 'urge',
                      title: '操作',
                      width: 90,
                      render: (item: OverdueItem) => (
                        <Button size="small" danger onClick={() => setUrging({ matter: item.matter, reason: urgeReason(item) })} data-testid={`overdue-urge-${item.matter.id}`}>
                          催办
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ))}
      {urging && (
        <TransitionDialog
          name="urge"
          matter={urging.matter}
          preset={{ reason: urging.reason }}
          onClose={() => setUrging(undefined)}
          onDone={() => {
            setUrging(undefined);
            void load();
          }}
          onConflict={() => {
            setUrging(undefined);
            void load();
          }}
        />
      )}
    </Panel>
  );
}
