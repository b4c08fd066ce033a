import type { ReportAction } from '@beatlink/shared/analysis/reports';
import type { MatterKind, Severity } from '@beatlink/shared/matters/kinds';
import { assigneeOf, type TransitionFormValues } from '../matters/transition-body';

/**
 * 转为交办: a report's action item becomes a matter taken in, triaged and assigned in one step
 * (POST /analysis/reports/{id}/actions/{actionId}/assign). Pure, zod-free.
 */
export type ActionAssignValues = Pick<TransitionFormValues, 'targetType' | 'unitId' | 'agencyId' | 'officerId' | 'note'> & {
  kind?: MatterKind;
  categoryId?: string;
  severity?: Severity;
  policeBusiness?: boolean;
  title?: string;
  description?: string;
};

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 2000;

/** What the form starts with: the action's words, and the kind and severity its kind suggests. */
export function actionDefaults(action: Pick<ReportAction, 'kind' | 'title' | 'detail'>): ActionAssignValues {
  const dispute = action.kind === 'high_risk_dispute';
  return {
    kind: dispute ? 'dispute' : 'hazard',
    severity: dispute || action.kind === 'hot_spot' ? 'high' : 'medium',
    policeBusiness: true,
    title: action.title.slice(0, TITLE_MAX),
    description: action.detail.slice(0, DESCRIPTION_MAX),
  };
}

/** Chinese messages for what is missing (the API checks again). */
export function missingActionFields(values: ActionAssignValues): Partial<Record<keyof ActionAssignValues, string>> {
  const missing: Partial<Record<keyof ActionAssignValues, string>> = {};
  if (!values.kind) missing.kind = '请选择事项类型';
  if (!values.categoryId) missing.categoryId = '请选择分类';
  if (!values.severity) missing.severity = '请选择严重程度';
  if (values.policeBusiness === undefined) missing.policeBusiness = '请选择是否属于公安职责';
  if (!values.targetType) missing.targetType = '请选择承办单位类型';
  else if (values.targetType === 'agency' && !values.agencyId) missing.agencyId = '请选择成员单位';
  else if (values.targetType !== 'agency' && !values.unitId) missing.unitId = '请选择承办单位';
  if (values.title && values.title.trim().length > TITLE_MAX) missing.title = `标题不超过 ${TITLE_MAX} 字`;
  return missing;
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** The request body; title and description only when they differ from the action's (the API defaults to them). */
export function actionAssignBody(
  action: Pick<ReportAction, 'title' | 'detail' | 'villageId'>,
  values: ActionAssignValues,
  deadlines: { acceptBy?: string; feedbackBy?: string },
): Record<string, unknown> {
  const title = trimmed(values.title);
  const description = trimmed(values.description);
  const body: Record<string, unknown> = {
    kind: values.kind,
    categoryId: values.categoryId,
    severity: values.severity,
    policeBusiness: values.policeBusiness,
    villageId: action.villageId,
    title: title && title !== action.title ? title : undefined,
    description: description && description !== action.detail ? description : undefined,
    assignee: assigneeOf(values),
    acceptBy: deadlines.acceptBy,
    feedbackBy: deadlines.feedbackBy,
    note: trimmed(values.note),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** Which form field an API error path belongs to (`assignee.id` → the unit or agency select). */
export function actionFieldOfPath(path: string, values: Pick<ActionAssignValues, 'targetType'>): string | undefined {
  if (path === 'assignee' || path === 'assignee.type') return 'targetType';
  if (path === 'assignee.id') return values.targetType === 'agency' ? 'agencyId' : 'unitId';
  if (path === 'assignee.officerId') return 'officerId';
  if (path === 'acceptBy') return 'acceptByLocal';
  if (path === 'feedbackBy') return 'feedbackByLocal';
  return ['kind', 'categoryId', 'severity', 'policeBusiness', 'title', 'description', 'note'].includes(path) ? path : undefined;
}
