import type {
  ReportActionAssignInput,
  ReportGenerateInput,
  ReportListQuery,
  SensitivePeriodCancelInput,
  SensitivePeriodCreateInput,
  SensitivePeriodListQuery,
  SensitivePeriodUpdateInput,
} from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { assignReportAction } from '../../services/analysis/assign-action';
import { generateReport } from '../../services/analysis/produce-reports';
import { getReport, listReports } from '../../services/analysis/report-access';
import { exportReport } from '../../services/analysis/report-export';
import { cancelSensitivePeriod, createSensitivePeriod, getSensitivePeriod, listSensitivePeriods, updateSensitivePeriod } from '../../services/analysis/sensitive-periods';

type ById = { id: string };

/** The analysis context: 研判讲评 reports, their export and action items, sensitive periods (日调度). */
export const handler = contextRouter(
  'analysis',
  {
    listReports: handle<unknown, ReportListQuery>(({ ctx, query }) => listReports(ctx, query)),
    getReport: handle<unknown, unknown, ById>(({ ctx, params }) => getReport(ctx, params.id)),
    exportReport: handle<unknown, unknown, ById>(({ ctx, params }) => exportReport(ctx, params.id)),
    generateReport: handle<ReportGenerateInput>(({ ctx, body }) => generateReport(ctx, body)),
    assignReportAction: handle<ReportActionAssignInput, unknown, ById & { actionId: string }>(({ ctx, params, body }) => assignReportAction(ctx, params.id, params.actionId, body)),
    listSensitivePeriods: handle<unknown, SensitivePeriodListQuery>(({ ctx, query }) => listSensitivePeriods(ctx, query)),
    getSensitivePeriod: handle<unknown, unknown, ById>(({ ctx, params }) => getSensitivePeriod(ctx, params.id)),
    createSensitivePeriod: handle<SensitivePeriodCreateInput>(({ ctx, body }) => createSensitivePeriod(ctx, body)),
    updateSensitivePeriod: handle<SensitivePeriodUpdateInput, unknown, ById>(({ ctx, params, body }) => updateSensitivePeriod(ctx, params.id, body)),
    cancelSensitivePeriod: handle<SensitivePeriodCancelInput, unknown, ById>(({ ctx, params, body }) => cancelSensitivePeriod(ctx, params.id, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
