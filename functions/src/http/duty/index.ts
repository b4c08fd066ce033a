import type { CheckInInput, CheckOutInput, ComplianceEvaluateInput, ComplianceListQuery, DutyWeekQuery, VisitListQuery } from '@beatlink/shared';
import type { AbsenceCreateInput, AbsenceDecisionInput, AbsenceListQuery } from '@beatlink/shared/duty/absences';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { decideAbsence, fileAbsence, getAbsence, listAbsences } from '../../services/duty/absences';
import { isoNow } from '../../lib/clock';
import { complianceBoard, evaluateWeekNow } from '../../services/duty/compliance';
import { getDutyWeek } from '../../services/duty/duty-week';
import { checkIn, checkOut, getVisit, listVisits } from '../../services/duty/visits';

type ById = { id: string };

/** The duty context: officers' visits to their villages, their absence reports, their weeks' compliance (警力下沉, 报备, 履职). */
export const handler = contextRouter(
  'duty',
  {
    checkIn: handle<CheckInInput>(({ ctx, body }) => checkIn(ctx, body)),
    checkOut: handle<CheckOutInput, unknown, ById>(({ ctx, params, body }) => checkOut(ctx, params.id, body)),
    listVisits: handle<unknown, VisitListQuery>(({ ctx, query }) => listVisits(ctx, query)),
    getVisit: handle<unknown, unknown, ById>(({ ctx, params }) => getVisit(ctx, params.id)),
    fileAbsence: handle<AbsenceCreateInput>(({ ctx, body }) => fileAbsence(ctx, body)),
    listAbsences: handle<unknown, AbsenceListQuery>(({ ctx, query }) => listAbsences(ctx, query)),
    getAbsence: handle<unknown, unknown, ById>(({ ctx, params }) => getAbsence(ctx, params.id)),
    decideAbsence: handle<AbsenceDecisionInput, unknown, ById>(({ ctx, params, body }) => decideAbsence(ctx, params.id, body)),
    getDutyWeek: handle<unknown, DutyWeekQuery>(({ ctx, query }) => getDutyWeek(ctx, query)),
    listCompliance: handle<unknown, ComplianceListQuery>(({ ctx, query }) => complianceBoard(ctx, query)),
    evaluateCompliance: handle<ComplianceEvaluateInput>(({ ctx, body }) => evaluateWeekNow(ctx, body.week, isoNow())),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
