'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { Button, Tag } from 'antd';
import type { Report, ReportAction } from '@beatlink/shared/analysis/reports';
import { actionKindLabel, assignable, withAction } from '../../../lib/analysis/reports';
import { formatDateTime } from '../../../lib/format';
import { matterHref } from '../../../lib/matters/links';
import { useSession } from '../session';

// The form (antd Form, Modal, the assignee pickers) loads when a leader opens it.
const AssignActionDialog = dynamic(() => import('./AssignActionDialog'), { ssr: false });

/** 研判事项: the report's proposed tasks; 转为交办 for those who manage, the matter's link once assigned. */
export function ReportActions({ report, timeZone, onChanged, onConflict }: { report: Report; timeZone: string; onChanged(report: Report): void; onConflict(): void }) {
  const { can } = useSession();
  const [assigning, setAssigning] = useState<ReportAction>();
  const mayAssign = can('analysis.manage');
  return (
    <section className="report-section" data-testid="report-actions">
      <h3>
        研判事项<span className="muted">（{report.actions.length}）</span>
      </h3>
      {report.actions.length === 0 && <p className="muted">本期无需交办的研判事项。</p>}
      <ol className="report-action-list">
        {report.actions.map((action) => (
          <li key={action.id} className="report-action" data-testid="report-action" data-action-id={action.id} data-assigned={!!action.assignedMatterId}>
            <div className="report-action-main">
              <div>
                <Tag color="blue">{actionKindLabel(action.kind)}</Tag>
                <strong>{action.title}</strong>
                {action.villageName && <span className="muted"> · {action.villageName}</span>}
              </div>
              <div className="report-action-detail">{action.detail}</div>
              {action.matterId && (
                <div className="muted">
                  相关事项：<Link href={matterHref(action.matterId)}>{action.matterId}</Link>
                </div>
              )}
            </div>
            <div className="report-action-side no-print">
              {action.assignedMatterId ? (
                <span data-testid="report-action-assigned">
                  <Link href={matterHref(action.assignedMatterId)}>已交办：查看事项</Link>
                  {action.assignedAt && <div className="muted">{formatDateTime(action.assignedAt, timeZone)}</div>}
                </span>
              ) : mayAssign && assignable(action) ? (
                <Button onClick={() => setAssigning(action)} data-testid="report-action-assign">
                  转为交办事项
                </Button>
              ) : null}
            </div>
            {action.assignedMatterId && <div className="print-only muted">已交办</div>}
          </li>
        ))}
      </ol>
      {assigning && (
        <AssignActionDialog
          report={report}
          action={assigning}
          onClose={() => setAssigning(undefined)}
          onDone={(action) => {
            setAssigning(undefined);
            onChanged(withAction(report, action));
          }}
          onConflict={() => {
            setAssigning(undefined);
            onConflict();
          }}
        />
      )}
    </section>
  );
}
