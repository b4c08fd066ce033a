'use client';

import { Button, Tag } from 'antd';
import {
  DISPUTE_STAGE_LABELS,
  DISPUTE_TYPE_LABELS,
  MEDIATION_RESULT_LABELS,
  PARTY_ROLE_LABELS,
  RISK_LEVEL_LABELS,
} from '@beatlink/shared/matters/kinds';
import type { DisputeRecord } from '@beatlink/shared/matters/views';
import { formatDateTime } from '../../../lib/format';
import { Panel } from '../Panel';

export interface DisputePanelProps {
  record: DisputeRecord;
  timeZone?: string;
  mayReveal: boolean;
  revealed: Record<string, string>;
  onReveal(field: string, who: string): void;
  /** Absent when the user may not edit the record. */
  onEdit?: () => void;
}

function Flag({ on, label, testId }: { on: boolean; label: string; testId: string }) {
  return (
    <Tag color={on ? 'blue' : 'default'} data-testid={testId} data-on={on}>
      {label}：{on ? '是' : '否'}
    </Tag>
  );
}

/** 纠纷记录: parties (masked phones), type, risk, stage, mediations, agreement, follow-ups and the three flags. */
export function DisputePanel({ record, timeZone, mayReveal, revealed, onReveal, onEdit }: DisputePanelProps) {
  return (
    <Panel
      title="纠纷记录"
      testId="dispute-panel"
      extra={
        onEdit && (
          <Button onClick={onEdit} data-testid="dispute-edit">
            编辑纠纷记录
          </Button>
        )
      }
    >
      <dl className="matter-facts">
        <dt>纠纷类型</dt>
        <dd>{DISPUTE_TYPE_LABELS[record.disputeType]?.zh ?? record.disputeType}</dd>
        <dt>风险等级</dt>
        <dd>
          <Tag color={record.riskLevel === 'high' ? 'red' : record.riskLevel === 'medium' ? 'orange' : 'green'}>{RISK_LEVEL_LABELS[record.riskLevel]?.zh ?? record.riskLevel}</Tag>
        </dd>
        <dt>发现阶段</dt>
        <dd>{DISPUTE_STAGE_LABELS[record.stageFound]?.zh ?? record.stageFound}</dd>
        <dt>化解情况</dt>
        <dd>
          <Flag on={record.resolvedAtVillage} label="村级化解" testId="dispute-flag-village" />
          <Flag on={record.escalated} label="上交" testId="dispute-flag-escalated" />
          <Flag on={record.turnedIntoCase} label="转为案件" testId="dispute-flag-case" />
        </dd>
        <dt>当事人</dt>
        <dd className="wide">
          {record.parties.length === 0 && <span className="muted">未登记</span>}
          {record.parties.map((party, i) => {
            const field = `party.${i}`;
            return (
              <div key={`${party.name}-${i}`} className="matter-phone matter-party" data-testid={`dispute-party-${i}`}>
                <span>
                  {party.name}（{PARTY_ROLE_LABELS[party.role]?.zh ?? party.role}）
                </span>
                {party.phoneMasked && <span>{revealed[field] ?? party.phoneMasked}</span>}
                {party.phoneMasked && mayReveal && !revealed[field] && (
                  <Button size="small" type="link" onClick={() => onReveal(field, party.name)} data-testid={`reveal-party-${i}`}>
                    查看号码
                  </Button>
                )}
              </div>
            );
          })}
        </dd>
        <dt>调解记录</dt>
        <dd className="wide">
          {record.mediations.length === 0 && <span className="muted">暂无</span>}
          {record.mediations.map((m, i) => (
            <div key={i}>
              {m.date} · {m.mediator} · {MEDIATION_RESULT_LABELS[m.result]?.zh ?? m.result}
              {m.note ? `：${m.note}` : ''}
            </div>
          ))}
        </dd>
        <dt>调解协议</dt>
        <dd className="wide">
          {record.agreement ? `${record.agreement.date}（${record.agreement.form === 'written' ? '书面' : '口头'}）：${record.agreement.summary}` : <span className="muted">暂无</span>}
        </dd>
        <dt>回访</dt>
        <dd className="wide">
          {record.followUps.length === 0 && <span className="muted">暂无</span>}
          {record.followUps.map((f, i) => (
            <div key={i}>
              {f.date} · {f.by} · {f.stable ? '稳定' : '不稳定'}
              {f.note ? `：${f.note}` : ''}
            </div>
          ))}
        </dd>
        <dt>更新</dt>
        <dd className="wide muted">
          {formatDateTime(record.updatedAt, timeZone)} · {record.updatedBy} · 第 {record.version} 版
        </dd>
      </dl>
    </Panel>
  );
}
