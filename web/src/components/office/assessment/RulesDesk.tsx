'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import type { ScoreRuleVersion } from '@beatlink/shared/assessment/rules';
import type { ScoreRulesView } from '@beatlink/shared/assessment/views';
import { describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import { RuleSetView } from './RuleSetView';
import '../matters/matters.css';
import './assessment.css';

// The editor (antd inputs, the preview and publish forms) loads when the office opens the draft.
const RulesEditor = dynamic(() => import('./RulesEditor'), { ssr: false, loading: () => <p className="muted">正在加载编辑器…</p> });

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; view: ScoreRulesView };
type VersionRow = ScoreRulesView['versions'][number];

/** 考核细则 (/assessment/rules): the version in force, the history; the program office edits, previews and publishes a draft. */
export function RulesDesk() {
  const { api, can } = useSession();
  const message = useMessage();
  const manage = can('assessment.manage');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [shown, setShown] = useState<ScoreRuleVersion>();
  const [loadingVersion, setLoadingVersion] = useState<number>();
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', view: await api.get<ScoreRulesView>('/assessment/rules') });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const showVersion = async (version: number) => {
    setLoadingVersion(version);
    try {
      setShown(await api.get<ScoreRuleVersion>(`/assessment/rules/versions/${version}`));
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setLoadingVersion(undefined);
    }
  };

  if (state.kind === 'loading') return <p className="muted">正在加载考核细则…</p>;
  if (state.kind === 'failed') {
    return (
      <Notice kind="error" title="无法加载考核细则" action={<Button onClick={() => void load()}>重试</Button>}>
        {state.message}
      </Notice>
    );
  }
  const { current, versions, hasDraft } = state.view;

  if (editing) {
    return (
      <Panel title="编辑考核细则草稿" flush testId="rules-editor-panel" extra={<Button onClick={() => setEditing(false)}>返回现行细则</Button>}>
        <RulesEditor
          current={current}
          onPublished={() => {
            setEditing(false);
            setShown(undefined);
            void load();
          }}
        />
      </Panel>
    );
  }

  const viewing = shown && shown.version !== current.version ? shown : undefined;
  return (
    <>
      <Panel
        title="考核细则"
        flush
        testId="rules-desk"
        extra={
          manage ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="rules-edit">
              {hasDraft ? '继续编辑草稿' : '编辑草稿'}
            </Button>
          ) : undefined
        }
      >
        <div className="assess-run-meta" data-testid="rules-current" data-version={current.version}>
          {viewing ? (
            <>
              <Tag color="orange">历史版本</Tag>
              <strong>第 {viewing.version} 版</strong>
              <span>{viewing.note}</span>
              <Button size="small" onClick={() => setShown(undefined)}>
                返回现行版本
              </Button>
            </>
          ) : (
            <>
              <Tag color="green">现行</Tag>
              <strong>第 {current.version} 版</strong>
              <span>{current.note}</span>
              {current.publishedAt && (
                <span className="muted">
                  {current.publishedByName} 于 {formatDateTime(current.publishedAt)} 发布
                </span>
              )}
              {manage && hasDraft && <Tag color="blue">有未发布的草稿</Tag>}
            </>
          )}
        </div>
        <RuleSetView rules={viewing ? viewing.rules : current.rules} />
      </Panel>
      <Panel title="版本记录" flush testId="rules-history">
        <LightTable<VersionRow>
          rows={[...versions].sort((a, b) => b.version - a.version)}
          rowKey={(v) => v.version}
          size="small"
          empty="尚未发布过考核细则（使用系统默认细则）"
          columns={[
            { key: 'version', title: '版本', width: 80, render: (v) => `第 ${v.version} 版` },
            { key: 'note', title: '说明', render: (v) => v.note },
            { key: 'by', title: '发布人', width: 100, render: (v) => v.publishedByName ?? '—' },
            { key: 'at', title: '发布时间', width: 150, render: (v) => formatDateTime(v.publishedAt) || '—' },
            {
              key: 'view',
              title: '操作',
              width: 90,
              render: (v) =>
                v.version === current.version ? (
                  <span className="muted">现行</span>
                ) : (
                  <Button size="small" type="link" loading={loadingVersion === v.version} onClick={() => void showVersion(v.version)}>
                    查看
                  </Button>
                ),
            },
          ]}
        />
      </Panel>
    </>
  );
}
