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
];
