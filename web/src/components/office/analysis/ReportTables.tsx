'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CountRow, Report, ReportDisputeRow, ReportDutyRow, ReportOverdueRow, VillageRow } from '@beatlink/shared/analysis/reports';
import type { ComplianceStatus, DutyRole } from '@beatlink/shared/duty/labels';
import { DISPUTE_TYPE_LABELS, RISK_LEVEL_LABELS, type DisputeType, type MatterStatus, type RiskLevel } from '@beatlink/shared/matters/kinds';
import { sortedCounts } from '../../../lib/analysis/reports';
import { complianceLabel, dutyRoleLabel } from '../../../lib/duty/labels';
import { formatDateTime } from '../../../lib/format';
import { matterHref } from '../../../lib/matters/links';
import { statusLabel } from '../../../lib/matters/labels';
import { LightTable } from '../matters/LightTable';

const label = <K extends string>(labels: Record<K, { zh: string }>, key: string) => labels[key as K]?.zh ?? key;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
/** A compliance status (weekly), or `visited` — the officers who went to a village that day (daily). */
const dutyStatusLabel = (status: string) => (status === 'visited' ? '入村民警' : complianceLabel(status as ComplianceStatus));

function Section({ title, count, testId, children }: { title: string; count?: number; testId: string; children: ReactNode }) {
  return (
    <section className="report-section" data-testid={testId}>
      <h3>
        {title}
        {count !== undefined && <span className="muted">（{count}）</span>}
      </h3>
      {children}
    </section>
  );
}

const MatterLink = ({ id, title }: { id: string; title: string }) => <Link href={matterHref(id)}>{title}</Link>;

/** The report's lists: hot villages, high-risk disputes, overdue matters, duty problems, information by type. */
export function ReportTables({ report, timeZone }: { report: Report; timeZone: string }) {
  const duty = report.duty;
  return (
    <div className="report-tables">
      <Section title="热点村（社区）" count={report.hotSpots.length} testId="report-hotspots">
        <LightTable<VillageRow>
          size="small"
          rows={report.hotSpots}
          rowKey={(r) => r.villageId}
          empty="本期无热点村"
          columns={[
            { key: 'village', title: '村（社区）', render: (r) => r.villageName },
            { key: 'count', title: '本期事项', width: 100, render: (r) => r.count },
            { key: 'previous', title: '上期', width: 80, render: (r) => r.previous },
            { key: 'change', title: '增减', width: 80, render: (r) => <span className="report-change-up">{signed(r.change)}</span> },
          ]}
        />
      </Section>
      <Section title="高风险矛盾纠纷" count={report.highRiskDisputes.length} testId="report-disputes">
        <LightTable<ReportDisputeRow>
          size="small"
          rows={report.highRiskDisputes}
          rowKey={(r) => r.matterId}
          empty="本期无高风险纠纷"
          rowProps={(r) => ({ 'data-testid': 'report-dispute-row', 'data-matter-id': r.matterId })}
          columns={[
            { key: 'title', title: '事项', render: (r) => <MatterLink id={r.matterId} title={r.title} /> },
            { key: 'village', title: '村（社区）', width: 130, render: (r) => r.villageName },
            { key: 'type', title: '纠纷类型', width: 110, render: (r) => label<DisputeType>(DISPUTE_TYPE_LABELS, r.disputeType) },
            { key: 'risk', title: '风险', width: 70, render: (r) => label<RiskLevel>(RISK_LEVEL_LABELS, r.riskLevel) },
            { key: 'status', title: '状态', width: 100, render: (r) => statusLabel(r.status as MatterStatus) },
          ]}
        />
      </Section>
      <Section title="超期事项" count={report.overdue.length} testId="report-overdue">
        <LightTable<ReportOverdueRow>
          size="small"
          rows={report.overdue}
          rowKey={(r) => r.matterId}
          empty="期末无超期事项"
          columns={[
            { key: 'title', title: '事项', render: (r) => <MatterLink id={r.matterId} title={r.title} /> },
            { key: 'village', title: '村（社区）', width: 120, render: (r) => r.villageName },
            { key: 'holder', title: '承办', width: 140, render: (r) => r.holderName },
            { key: 'deadline', title: '时限', width: 150, render: (r) => formatDateTime(r.deadline, timeZone) },
            { key: 'hours', title: '超期', width: 90, render: (r) => `${r.overdueHours} 小时` },
            { key: 'level', title: '督办级别', width: 80, render: (r) => (r.escalationLevel ? `${r.escalationLevel} 级` : '—') },
          ]}
        />
      </Section>
      <Section title={report.type === 'weekly' ? '驻村履职问题' : '当日走访'} testId="report-duty">
        <p className="muted">
          {report.type === 'weekly' ? `考核 ${duty.evaluated} 人` : `走访民警 ${duty.evaluated} 人`}
          {sortedCounts(duty.byStatus).map(([status, n]) => `；${dutyStatusLabel(status)} ${n}`)}
        </p>
        <LightTable<ReportDutyRow>
          size="small"
          rows={duty.problems}
          rowKey={(r) => r.officerId}
          empty="无履职问题"
          columns={[
            { key: 'name', title: '民警', width: 100, render: (r) => r.officerName },
            { key: 'role', title: '类别', width: 100, render: (r) => dutyRoleLabel(r.role as DutyRole) },
            { key: 'status', title: '结果', width: 80, render: (r) => dutyStatusLabel(r.status) },
            { key: 'reasons', title: '情况说明', render: (r) => r.reasons.join('；') || '—' },
          ]}
        />
      </Section>
      <Section title="信息采集（按类型）" testId="report-intel">
        <LightTable<CountRow>
          size="small"
          rows={report.intelByType}
          rowKey={(r) => r.key}
          empty="本期未采集信息"
          columns={[
            { key: 'name', title: '类型', render: (r) => r.name },
            { key: 'count', title: '条数', width: 100, render: (r) => r.count },
          ]}
        />
      </Section>
    </div>
  );
}
