import { REPORT_TYPE_LABELS, type Report } from '@beatlink/shared';
import { changeText } from '@beatlink/shared/analysis/report-summary';
import { notificationId, type NotificationAudience, type NotificationRecord } from '../../data/notifications';

/**
 * "Report ready" (研判报告 / 日调度报告) for the report's readers: the county report to the bureau
 * leaders, a station's report to its chief. The id is a digest of reason, report and audience,
 * so a report written again (it never is: its put is conditional) could not notify twice either.
 */
export function reportAudience(report: Pick<Report, 'scope'>): NotificationAudience {
  return report.scope.kind === 'county'
    ? { kind: 'role', key: 'ROLE#bureau_leader', roles: ['bureau_leader'] }
    : { kind: 'role', key: `ROLE#station_chief#${report.scope.id}`, roles: ['station_chief'] };
}

export function reportNotifications(report: Report): NotificationRecord[] {
  const reason = report.type === 'weekly' ? 'report_ready' : 'dispatch_ready';
  const audience = reportAudience(report);
  const t = report.totals;
  const before = report.type === 'weekly' ? '上周' : '前一日';
  const message =
    `${report.period}${report.scope.name}${REPORT_TYPE_LABELS[report.type].zh}已生成：受理事项 ${t.matters} 件（较${before}${changeText(t.matters, t.previous, before)}），` +
    `热点村 ${t.hotSpots} 个，高风险纠纷 ${t.highRiskDisputes} 起，超期事项 ${t.overdue} 件，研判事项 ${report.actions.length} 项。`;
  return [
    {
      tenantId: report.tenantId,
      id: notificationId(reason, report.id, audience.key),
      reason,
      subject: { type: 'report', id: report.id },
      title: `${REPORT_TYPE_LABELS[report.type].zh} ${report.period} ${report.scope.name}`,
      message,
      audience,
      createdAt: report.generatedAt,
    },
  ];
}
