import { AGENCY_KIND_LABELS } from '../directory/labels';
import type { MatterCategory, MatterConfig } from '../matters/config';
import {
  MATTER_KINDS,
  MATTER_KIND_LABELS,
  MATTER_OUTCOME_LABELS,
  MATTER_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  type MatterOutcome,
  type MatterStatus,
} from '../matters/kinds';
import type { Open311CreateRequestInput, Open311PostUpdateInput, Open311UpdateStatus } from './open311';
import type { Open311Attribute, Open311Request, Open311Service, Open311ServiceDefinition, Open311Update } from './open311-responses';
import type { PublicMatterCreateInput, PublicMatterUpdateInput, PublicMatterView, PublicTimelineEvent } from './public-matters';

/**
 * Open311 ⇄ matters, pure. A service is a county's matter category; a request is a matter; an
 * update is a step of its timeline.
 *
 * What requests never carry, though the spec has fields for them: `description` (residents'
 * own words name people: police data), `lat`/`long` (a point locates a household) and
 * `media_url`. `address` is the village's name and `address_id` its division code.
 */

/** What every created request is told. */
export const OPEN311_SERVICE_NOTICE = '由县公安局“一村一警”活动办研判后交办承办单位 / triaged by the county bureau’s program office, then assigned';

/** The group of a service: police business or a linkage (综治联动) matter for an agency. */
export function open311GroupOf(config: Pick<MatterConfig, 'routing'>, categoryId: string): '公安' | '综治联动' {
  return config.routing[categoryId]?.target === 'agency' ? '综治联动' : '公安';
}

export function open311ServiceOf(config: Pick<MatterConfig, 'routing'>, category: Pick<MatterCategory, 'id' | 'name'>): Open311Service {
  const route = config.routing[category.id];
  const group = open311GroupOf(config, category.id);
  const routeLabel = route?.target === 'agency' ? AGENCY_KIND_LABELS[route.agencyKind]?.zh : undefined;
  return {
    service_code: category.id,
    service_name: category.name,
    description: `${category.name}（${group}${routeLabel ? `：${routeLabel}` : ''}）`,
    metadata: true,
    type: 'realtime',
    keywords: [category.name, group, routeLabel].filter(Boolean).join(', '),
    group,
  };
}

/** The county's active categories as services. */
export function open311ServicesOf(config: Pick<MatterConfig, 'categories' | 'routing'>): Open311Service[] {
  return config.categories.filter((c) => c.active).map((c) => open311ServiceOf(config, c));
}

const ATTRIBUTES: Open311Attribute[] = [
  {
    variable: true,
    code: 'kind',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '缺省为 demand（群众诉求） / default demand',
    order: 1,
    description: '事项类型 / kind of matter',
    values: MATTER_KINDS.map((kind) => ({ key: kind, name: MATTER_KIND_LABELS[kind].zh })),
  },
  {
    variable: true,
    code: 'severity',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '缺省为 medium（中） / default medium',
    order: 2,
    description: '紧急程度 / severity',
    values: SEVERITIES.map((severity) => ({ key: severity, name: SEVERITY_LABELS[severity].zh })),
  },
  {
    variable: true,
    code: 'village_code',
    datatype: 'string',
    required: false,
    datatype_description: '12 位村级区划代码 / the village’s 12-digit division code',
    order: 3,
    description: '所属村（社区） / village',
  },
  {
    variable: true,
    code: 'occurred_at',
    datatype: 'datetime',
    required: false,
    datatype_description: 'W3C 时间，缺省为提交时间 / W3C datetime, default the time of submission',
    order: 4,
    description: '发生时间 / when it happened',
  },
];

export function open311ServiceDefinitionOf(category: Pick<MatterCategory, 'id'>): Open311ServiceDefinition {
  return { service_code: category.id, attributes: ATTRIBUTES };
}

/** The status note of a request: its status in words, with the outcome or the request it was merged into. */
export function open311StatusNotes(view: Pick<PublicMatterView, 'status' | 'outcome' | 'mergedInto'>): string {
  const label = MATTER_STATUS_LABELS[view.status].zh;
  if (view.status === 'merged' && view.mergedInto) return `${label}：并入 ${view.mergedInto} / merged into ${view.mergedInto}`;
  if (view.outcome) return `${label}：${MATTER_OUTCOME_LABELS[view.outcome].zh}`;
  return label;
}

export function open311RequestOf(view: PublicMatterView, divisionCode?: string): Open311Request {
  return {
    service_request_id: view.id,
    status: view.open311Status,
    status_notes: open311StatusNotes(view),
    service_name: view.categoryName,
    service_code: view.categoryId,
    agency_responsible: view.agencyResponsible,
    service_notice: OPEN311_SERVICE_NOTICE,
    requested_datetime: view.createdAt,
    updated_datetime: view.updatedAt,
    ...(view.expectedAt ? { expected_datetime: view.expectedAt } : {}),
    address: view.villageName,
    ...(divisionCode ? { address_id: divisionCode } : {}),
  };
}

/** A matter status in mySociety's update vocabulary. */
export function open311UpdateStatusOf(status: MatterStatus, outcome?: MatterOutcome): Open311UpdateStatus {
  switch (status) {
    case 'triage':
    case 'reopened':
      return 'OPEN';
    case 'assigned':
      return 'ACTION_SCHEDULED';
    case 'accepted':
    case 'feedback_given':
    case 'verified':
      return 'IN_PROGRESS';
    case 'closed_resolved':
      return 'FIXED';
    case 'closed_unresolved':
      return outcome === 'not_responsible' ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
    case 'merged':
      return 'CLOSED';
  }
}

/** Timeline entries that are updates of a request: those that move it (not reminders, urging, triage). */
export const OPEN311_UPDATE_EVENT_TYPES: ReadonlySet<string> = new Set(['created', 'assign', 'accept', 'return', 'reassign', 'feedback', 'verify', 'close', 'merge']);

export function open311UpdateOf(matterId: string, event: PublicTimelineEvent, outcome?: MatterOutcome): Open311Update | undefined {
  if (!OPEN311_UPDATE_EVENT_TYPES.has(event.type) || !event.to) return undefined;
  return {
    update_id: event.id,
    service_request_id: matterId,
    status: open311UpdateStatusOf(event.to, outcome),
    updated_datetime: event.at,
    description: `${event.typeLabel}${event.detail ? `：${event.detail}` : ''}（${MATTER_STATUS_LABELS[event.to].zh}）`,
  };
}

/**
 * An agency's posted update as the REST v1 action it means: OPEN / IN_PROGRESS / ACTION_SCHEDULED
 * accept the matter; FIXED and CLOSED feed back `resolved`; NO_FURTHER_ACTION feeds back
 * `unresolved`; NOT_COUNCILS_RESPONSIBILITY returns it with the description as the reason.
 */
export function publicUpdateOfOpen311(body: Pick<Open311PostUpdateInput, 'status' | 'description' | 'update_id'>): PublicMatterUpdateInput {
  const common = { ...(body.description ? { note: body.description } : {}), ...(body.update_id ? { externalId: body.update_id } : {}) };
  switch (body.status) {
    case 'OPEN':
    case 'IN_PROGRESS':
    case 'ACTION_SCHEDULED':
      return { action: 'accept', ...common };
    case 'FIXED':
    case 'CLOSED':
      return { action: 'feedback', outcome: 'resolved', ...common };
    case 'NO_FURTHER_ACTION':
      return { action: 'feedback', outcome: 'unresolved', ...common };
    case 'NOT_COUNCILS_RESPONSIBILITY':
      return { action: 'return', ...common };
  }
}

/** The field of the Open311 form each field of the v1 input came from (for errors that name it). */
export const OPEN311_CREATE_FIELDS = {
  categoryId: 'service_code',
  villageId: 'address_id',
  divisionCode: 'attribute[village_code]',
  location: 'lat',
  address: 'address_string',
  description: 'description',
} as const;

const LATIN = /^[\x20-\x7e]*$/;

/** The reporter's name from first/last name: 王某 for Chinese names, "John Smith" for Latin ones. */
function reporterName(first?: string, last?: string): string {
  const parts = [first, last].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return '匿名';
  const name = parts.every((p) => LATIN.test(p)) ? parts.join(' ') : [last, first].filter(Boolean).join('');
  return name.slice(0, 30);
}

/** What to record when a request comes without a description (the spec makes it optional). */
export const OPEN311_NO_DESCRIPTION = '（未填写描述 / no description given）';

/**
 * An Open311 request as the REST v1 input: where (`address_id` a village id or division code,
 * `attribute[village_code]`, the point, the address), what, and who — the phone only when given
 * (a name without a phone is not kept: nobody could call back). `email`, `device_id` and
 * `account_id` are not stored. A `media_url` is appended to the description for the office.
 */
export function publicCreateOfOpen311(form: Open311CreateRequestInput): PublicMatterCreateInput {
  const attribute = form.attribute ?? {};
  const villageId = form.address_id?.startsWith('vil_') ? form.address_id : undefined;
  const divisionCode = attribute.village_code ?? (form.address_id && !villageId ? form.address_id : undefined);
  const description = form.description || OPEN311_NO_DESCRIPTION;
  return {
    categoryId: form.service_code,
    kind: attribute.kind ?? 'demand',
    ...(attribute.severity ? { severity: attribute.severity } : {}),
    description: form.media_url ? `${description}\n附件链接 / media: ${form.media_url}` : description,
    ...(villageId ? { villageId } : {}),
    ...(divisionCode ? { divisionCode } : {}),
    ...(form.lat !== undefined && form.long !== undefined ? { location: { lat: form.lat, lng: form.long } } : {}),
    ...(form.address_string ? { address: form.address_string } : {}),
    ...(attribute.occurred_at ? { occurredAt: attribute.occurred_at } : {}),
    ...(form.phone ? { reporter: { name: reporterName(form.first_name, form.last_name), phone: form.phone } } : {}),
    ...(form.media_url ? { mediaUrls: [form.media_url] } : {}),
  };
}

/** The token of a request: `tok_` + the ULID of its id (derived, never stored). */
export function open311TokenOf(matterId: string): string {
  return `tok_${matterId.replace(/^mat_/, '')}`;
}

/** The request id a token stands for, or undefined for something that is no token. */
export function matterIdOfToken(token: string): string | undefined {
  const match = /^tok_([0-9A-HJKMNP-TV-Z]{26})$/.exec(token);
  return match ? `mat_${match[1]!}` : undefined;
}
