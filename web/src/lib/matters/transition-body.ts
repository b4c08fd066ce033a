import type { MatterKind, MatterOutcome, Severity, VerifyMethod } from '@beatlink/shared/matters/kinds';
import type { TransitionName } from '@beatlink/shared/matters/transitions';
import type { HolderType, Matter, MatterDetail } from '@beatlink/shared/matters/views';

/**
 * The values of the transition dialogs, and the request body each transition sends
 * (POST /matters/{id}/{transition}; shapes in shared/src/matters/schemas.ts). Pure, zod-free.
 */
export interface TransitionFormValues {
  kind?: MatterKind;
  categoryId?: string;
  severity?: Severity;
  policeBusiness?: boolean;
  targetType?: HolderType;
  unitId?: string;
  agencyId?: string;
  officerId?: string;
  /** ISO overrides, already converted from the county's wall time (sla.ts). */
  acceptBy?: string;
  feedbackBy?: string;
  outcome?: MatterOutcome;
  satisfied?: boolean;
  method?: VerifyMethod;
  intoMatterId?: string;
  attachmentIds?: string[];
  note?: string;
  reason?: string;
}

const trimmed = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** Only the keys whose value is defined (the API's strict schemas refuse nothing else, but keep bodies clean). */
function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** The assignee object of assign / reassign, or undefined while incomplete. */
export function assigneeOf(values: Pick<TransitionFormValues, 'targetType' | 'unitId' | 'agencyId' | 'officerId'>): Record<string, unknown> | undefined {
  if (!values.targetType) return undefined;
  if (values.targetType === 'agency') return values.agencyId ? { type: 'agency', id: values.agencyId } : undefined;
  if (!values.unitId) return undefined;
  return compact({ type: values.targetType, id: values.unitId, officerId: values.officerId || undefined });
}

/** The body of one transition from the dialog's values, with the version the page last read. */
export function transitionBody(name: TransitionName, values: TransitionFormValues, version: number): Record<string, unknown> {
  const note = trimmed(values.note);
  const reason = trimmed(values.reason);
  switch (name) {
    case 'triage':
      return compact({ version, kind: values.kind, categoryId: values.categoryId, severity: values.severity, policeBusiness: values.policeBusiness, note });
    case 'assign':
      return compact({ version, assignee: assigneeOf(values), acceptBy: values.acceptBy, feedbackBy: values.feedbackBy, note });
    case 'reassign':
      return compact({ version, assignee: assigneeOf(values), acceptBy: values.acceptBy, feedbackBy: values.feedbackBy, reason });
    case 'accept':
      return compact({ version, note });
    case 'return':
    case 'urge':
    case 'escalate':
      return compact({ version, reason });
    case 'feedback':
      return compact({ version, outcome: values.outcome, note, attachmentIds: values.attachmentIds?.length ? values.attachmentIds : undefined });
    case 'verify':
      return compact({ version, satisfied: values.satisfied, method: values.method ?? 'phone', note });
    case 'close':
      return compact({ version, outcome: values.outcome, note });
    case 'merge':
      return compact({ version, intoMatterId: trimmed(values.intoMatterId), note });
  }
}

/**
 * Which form field an API error path belongs to (`assignee.id` → the unit or agency select,
 * `assignee.officerId` → the officer select); undefined for a path the dialog does not show.
 */
export function formFieldOfPath(path: string, values: Pick<TransitionFormValues, 'targetType'>): keyof TransitionFormValues | undefined {
  switch (path) {
    case 'assignee':
    case 'assignee.type':
      return 'targetType';
    case 'assignee.id':
      return values.targetType === 'agency' ? 'agencyId' : 'unitId';
    case 'assignee.officerId':
      return 'officerId';
    case 'kind':
    case 'categoryId':
    case 'severity':
    case 'policeBusiness':
    case 'acceptBy':
    case 'feedbackBy':
    case 'outcome':
    case 'satisfied':
    case 'method':
    case 'intoMatterId':
    case 'note':
    case 'reason':
      return path;
    default:
      return path.startsWith('attachmentIds') ? 'attachmentIds' : undefined;
  }
}

/** What the dialog requires before it sends (the API checks again): Chinese messages per field. */
export function missingFields(name: TransitionName, values: TransitionFormValues): Partial<Record<keyof TransitionFormValues, string>> {
  const missing: Partial<Record<keyof TransitionFormValues, string>> = {};
  const need = (field: keyof TransitionFormValues, message: string) => {
    const value = values[field];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) missing[field] = message;
  };
  switch (name) {
    case 'triage':
      need('severity', '请选择严重程度');
      need('policeBusiness', '请选择是否属于公安职责');
      break;
    case 'assign':
    case 'reassign':
      need('targetType', '请选择承办单位类型');
      if (values.targetType === 'agency') need('agencyId', '请选择成员单位');
      else if (values.targetType) need('unitId', '请选择承办单位');
      if (name === 'reassign') need('reason', '请填写改派原因');
      if (values.acceptBy && values.feedbackBy && Date.parse(values.feedbackBy) < Date.parse(values.acceptBy)) {
        missing.feedbackBy = '反馈时限不能早于签收时限';
      }
      break;
    case 'return':
      need('reason', '请填写退回原因');
      break;
    case 'urge':
      need('reason', '请填写催办事由');
      break;
    case 'escalate':
      need('reason', '请填写升级督办事由');
      break;
    case 'feedback':
      need('outcome', '请选择办理结果');
      need('note', '请填写办理情况');
      break;
    case 'verify':
      need('satisfied', '请选择回访结果');
      if (values.satisfied === false) need('note', '不满意时须说明原因');
      break;
    case 'close':
      need('outcome', '请选择办结结果');
      break;
    case 'merge':
      need('intoMatterId', '请选择或填写要并入的事项编号');
      break;
    case 'accept':
      break;
  }
  return missing;
}

/**
 * The assignee the 交办 / 改派 dialog starts with: the routing suggestion (triage, reopened), else
 * the current holder (a reassignment from assigned / accepted / answered), else the unit type the
 * routing table names.
 */
export function initialAssignee(
  matter: Pick<Matter, 'holder'> & Partial<Pick<MatterDetail, 'routing'>>,
): Pick<TransitionFormValues, 'targetType' | 'unitId' | 'agencyId' | 'officerId'> {
  const suggested = matter.routing?.suggested;
  if (suggested) return suggested.type === 'agency' ? { targetType: 'agency', agencyId: suggested.id } : { targetType: suggested.type, unitId: suggested.id };
  const holder = matter.holder;
  if (holder) {
    return holder.type === 'agency'
      ? { targetType: 'agency', agencyId: holder.id }
      : { targetType: holder.type, unitId: holder.id, ...(holder.officerId ? { officerId: holder.officerId } : {}) };
  }
  const route = matter.routing?.route;
  if (route) return route.target === 'agency' ? { targetType: 'agency' } : { targetType: route.unitType };
  return {};
}
