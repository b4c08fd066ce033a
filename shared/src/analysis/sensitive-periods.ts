/**
 * Sensitive periods (特殊敏感时期、节点): named date ranges the program office declares (国庆安保);
 * every day inside one gets a daily dispatch (日调度). Zod-free; schemas in analysis/schemas.ts.
 */
type Label = { zh: string; en: string };

export const SENSITIVE_PERIOD_STATUSES = ['active', 'cancelled'] as const;
export type SensitivePeriodStatus = (typeof SENSITIVE_PERIOD_STATUSES)[number];
export const SENSITIVE_PERIOD_STATUS_LABELS: Record<SensitivePeriodStatus, Label> = {
  active: { zh: '生效', en: 'Active' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export interface SensitivePeriod {
  tenantId: string;
  id: string;
  name: string;
  /** First and last day, inclusive, `YYYY-MM-DD` in the county's time zone. */
  startDate: string;
  endDate: string;
  note?: string;
  status: SensitivePeriodStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** Whether the period is in force on a calendar date. */
export function periodCovers(period: Pick<SensitivePeriod, 'startDate' | 'endDate' | 'status'>, date: string): boolean {
  return period.status === 'active' && period.startDate <= date && date <= period.endDate;
}
