/**
 * THE schedule table: which job runs when, in which time zone. The CDK jobs stack creates an
 * EventBridge Scheduler schedule per entry; the local scheduler (croner) reads the same entries.
 * `perTenant` jobs run once per active county, each in that county's configured time zone.
 */
export interface ScheduleDef {
  job: string;
  /** Five-field cron (minute hour day month weekday), evaluated in the county's time zone. */
  cron: string;
  perTenant: boolean;
  description: string;
}

export const schedules: readonly ScheduleDef[] = [
  { job: 'supervise-matters', cron: '*/15 * * * *', perTenant: true, description: '督导：临期提醒、超期催办、逐级升级' },
  // Nightly, not only on Monday: visits recorded offline arrive up to a week late, and make-ups expire any day.
  { job: 'evaluate-duty', cron: '30 1 * * *', perTenant: true, description: '履职评估：上周每名民警的驻村情况，补课到期核查' },
  // After evaluate-duty (01:30) so the report has last week's compliance.
  { job: 'weekly-analysis', cron: '0 8 * * 1', perTenant: true, description: '每周一研判讲评：上周全县及各派出所的研判报告' },
  // Every morning; the job does nothing unless yesterday lies in a sensitive period.
  { job: 'daily-dispatch', cron: '30 7 * * *', perTenant: true, description: '日调度：敏感时期内每日上午生成前一日调度报告' },
  // Tuesday session, Thursday shortfall (per the county's weekday), make-ups due within 2 days.
  { job: 'send-reminders', cron: '0 9 * * *', perTenant: true, description: '提醒：包村民警当日下午工作、社区民警驻村天数不足、补课即将到期' },
  // Fans the outbox out to inboxes, e-mail and SMS; the jobs that write the outbox also deliver at their end.
  { job: 'deliver-notifications', cron: '*/5 * * * *', perTenant: true, description: '通知投递：站内信、邮件、短信' },
  // 月抽查: before scoring, the previous month's samples of every contact officer's work.
  { job: 'spot-check-draw', cron: '0 1 1 * *', perTenant: true, description: '月抽查：抽取包村民警上月走访与入户样本，待回访核实' },
  // 网上考核: the past month (and the past quarter when the month closes one), officers and agencies.
  { job: 'monthly-scoring', cron: '0 2 1 * *', perTenant: true, description: '月度/季度考核：自动计分、分组排名、成员单位考核，结果发布' },
  // Webhook retries: deliveries whose backoff has run out (the stream fan-out makes the first attempt at once).
  { job: 'deliver-webhooks', cron: '* * * * *', perTenant: true, description: '事件推送：按退避重试未送达的推送' },
  // Platform job: every province's rollup of the last finished week and month (idempotent per period).
  { job: 'province-rollup', cron: '0 5 * * *', perTenant: false, description: '省厅汇总：各县上周及上月的汇总指标与排名' },
];
