'use client';

import { Button, Tag } from 'antd';
import type { Household } from '@beatlink/shared/registry/households';
import { HOUSEHOLD_TAG_KEYS, householdTagColor, householdTagLabel } from '../../../lib/registry/labels';
import { Notice } from '../Notice';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';
import { MaskedField } from './MaskedField';
import { usePagedList } from './usePagedList';

/** 住户: the village's households by address, optionally one tag; the head's phone masked with 查看. */
export function HouseholdsTab({ villageId, tag, onTag }: { villageId: string; tag?: string; onTag(tag: string | undefined): void }) {
  const { can } = useSession();
  const list = usePagedList<Household>('/households', { villageId, tag });
  const canReveal = can('registry.reveal');

  return (
    <div data-testid="households-tab">
      <div className="registry-toolbar" role="group" aria-label="按标签筛选">
        <button type="button" className="registry-chip" aria-pressed={!tag} onClick={() => onTag(undefined)}>
          全部
        </button>
        {HOUSEHOLD_TAG_KEYS.map((key) => (
          <button key={key} type="button" className="registry-chip" aria-pressed={tag === key} onClick={() => onTag(key)} data-testid={`household-tag-${key}`}>
            {householdTagLabel(key)}
          </button>
        ))}
      </div>
      {list.error ? (
        <Notice kind="error" title="无法加载住户">
          {list.error}
        </Notice>
      ) : (
        <LightTable<Household>
          rows={list.items}
          rowKey={(h) => h.id}
          loading={list.loading}
          size="small"
          minWidth={900}
          testId="households-table"
          empty={tag ? `没有「${householdTagLabel(tag)}」住户` : '暂无住户登记'}
          rowProps={(h) => ({ 'data-testid': 'household-row', 'data-status': h.status })}
          columns={[
            { key: 'address', title: '地址', width: 180, render: (h) => h.address },
            { key: 'head', title: '户主', width: 100, render: (h) => (h.status === 'inactive' ? <span className="muted">{h.headName}（已注销）</span> : h.headName) },
            {
              key: 'phone',
              title: '户主电话',
              width: 190,
              render: (h) => <MaskedField masked={h.headPhoneMasked} field="headPhone" fieldLabel="户主电话" who={h.headName} path={`/households/${encodeURIComponent(h.id)}/reveal`} canReveal={canReveal} />,
            },
            { key: 'members', title: '人数', width: 60, render: (h) => h.members },
            {
              key: 'tags',
              title: '标签',
              render: (h) =>
                h.tags.length ? (
                  h.tags.map((t) => (
                    <Tag key={t} color={householdTagColor(t)}>
                      {householdTagLabel(t)}
                    </Tag>
                  ))
                ) : (
                  <span className="muted">—</span>
                ),
            },
            { key: 'note', title: '备注', width: 200, render: (h) => h.note ?? '' },
          ]}
        />
      )}
      <div className="registry-more">
        <span className="muted">已显示 {list.items.length} 户</span>
        {list.hasMore && (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="households-load-more">
            加载更多
          </Button>
        )}
        <Button onClick={list.reload} disabled={list.loading}>
          刷新
        </Button>
      </div>
    </div>
  );
}
