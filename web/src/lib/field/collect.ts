import type { ErrorDetail } from '@beatlink/shared';
import { ID_NUMBER_PROBLEM_MESSAGES, type Gender, type IntelType, type ReliabilityGrade } from '@beatlink/shared/intel/labels';
import type { IntelCreateInput } from '@beatlink/shared/intel/records';
import { idNumberProblem, normaliseIdNumber } from '@beatlink/shared/intel/id-number';
import { chinesePart } from '../api-error';
import { detailsToFields, firstField, textLength, tooLong } from './form';
import { PHONE_PATTERN, fromLocalInput, type GeoFix } from './intake';

/**
 * 信息采集 on the phone (/m/collect): the draft of an information record (公安非标库), its checks
 * and the body of POST /intel/records (intelCreateSchema of shared/src/intel/records.ts, which
 * imports zod: the limits are repeated here and the API has the last word; its 400s come back on
 * the same fields). The body nests the type's details in a block named after the type.
 */

export const COLLECT_LIMITS = {
  personName: 50,
  name: 100,
  address: 200,
  occupation: 50,
  category: 50,
  identifier: 50,
  title: 100,
  description: 2000,
  tag: 20,
  tags: 10,
  note: 1000,
  relation: 20,
  links: 20,
} as const;

export interface PersonDraft {
  name: string;
  gender: Gender | '';
  idNumber: string;
  phone: string;
  address: string;
  occupation: string;
}
export interface PlaceDraft {
  name: string;
  address: string;
  location?: GeoFix;
}
export interface ThingDraft {
  name: string;
  category: string;
  identifier: string;
}
export interface EventDraft {
  title: string;
  /** datetime-local, optional. */
  occurredAt: string;
  description: string;
}
export interface OrganisationDraft {
  name: string;
  contactPhone: string;
  address: string;
}
export interface LinkDraft {
  recordId: string;
  /** The linked record's title, to show it (not sent). */
  title: string;
  relation: string;
}

export interface CollectDraft {
  type: IntelType | '';
  villageId: string;
  person: PersonDraft;
  place: PlaceDraft;
  thing: ThingDraft;
  event: EventDraft;
  organisation: OrganisationDraft;
  tags: string[];
  reliability: ReliabilityGrade | '';
  note: string;
  links: LinkDraft[];
}

/**
 * The form's fields, as in `m-collect-error-<field>`: the common ones, then `<type>-<key>` for
 * the details (`person-idNumber`) and `link-<i>-relation` for a link.
 */
export type CollectField =
  | 'type'
  | 'village'
  | 'tags'
  | 'reliability'
  | 'note'
  | 'links'
  | `person-${keyof PersonDraft}`
  | `place-${keyof PlaceDraft}`
  | `thing-${keyof ThingDraft}`
  | `event-${keyof EventDraft}`
  | `organisation-${keyof OrganisationDraft}`
  | `link-${number}-relation`;

export type CollectErrors = Partial<Record<CollectField, string>>;

export function newCollectDraft(defaults: Partial<Pick<CollectDraft, 'villageId' | 'type'>> = {}): CollectDraft {
  return {
    type: defaults.type ?? '',
    villageId: defaults.villageId ?? '',
    person: { name: '', gender: '', idNumber: '', phone: '', address: '', occupation: '' },
    place: { name: '', address: '' },
    thing: { name: '', category: '', identifier: '' },
    event: { title: '', occurredAt: '', description: '' },
    organisation: { name: '', contactPhone: '', address: '' },
    tags: [],
    reliability: '',
    note: '',
    links: [],
  };
}

/* ---------- ID numbers (GB 11643) ---------- */

/** The normalisation the API applies (full-width digits, spaces, a small x). */
export { normaliseIdNumber as normaliseId } from '@beatlink/shared/intel/id-number';

/** What the API would say about the number (shape, region, birth date, sequence, check digit), checked before sending. */
export function idNumberError(value: string): string | undefined {
  const problem = idNumberProblem(value);
  return problem ? chinesePart(ID_NUMBER_PROBLEM_MESSAGES[problem]) : undefined;
}

/* ---------- tags ---------- */

/** `出租房, 重点关注、 出租房` → the new tags (split at commas, 、 and spaces), not repeating `existing`. */
export function addTags(existing: readonly string[], typed: string): string[] {
  const next = [...existing];
  for (const tag of typed.split(/[,，、;；\s]+/)) {
    const t = tag.trim();
    if (t && !next.includes(t)) next.push(t);
  }
  return next;
}

/* ---------- checks ---------- */

const required = (value: string, message: string) => (value.trim() ? undefined : message);

function put(errors: CollectErrors, field: CollectField, message: string | undefined) {
  if (message && !errors[field]) errors[field] = message;
}

function phoneError(value: string): string | undefined {
  const v = value.trim();
  return v && !PHONE_PATTERN.test(v) ? '请填写有效的手机号码或带区号的固定电话' : undefined;
}

/** The checks before sending (the API checks again). */
export function validateCollect(draft: CollectDraft): CollectErrors {
  const e: CollectErrors = {};
  const L = COLLECT_LIMITS;
  if (!draft.type) e.type = '请选择信息类型';
  if (!draft.villageId) e.village = '请选择村（社区）';
  if (!draft.reliability) e.reliability = '请选择来源可靠程度';
  switch (draft.type) {
    case 'person': {
      const p = draft.person;
      put(e, 'person-name', required(p.name, '请填写姓名') ?? tooLong(p.name, L.personName));
      if (!p.gender) e['person-gender'] = '请选择性别';
      if (p.idNumber.trim()) put(e, 'person-idNumber', idNumberError(p.idNumber));
      put(e, 'person-phone', phoneError(p.phone));
      put(e, 'person-address', tooLong(p.address, L.address));
      put(e, 'person-occupation', tooLong(p.occupation, L.occupation));
      break;
    }
    case 'place':
      put(e, 'place-name', required(draft.place.name, '请填写场所名称') ?? tooLong(draft.place.name, L.name));
      put(e, 'place-address', tooLong(draft.place.address, L.address));
      break;
    case 'thing':
      put(e, 'thing-name', required(draft.thing.name, '请填写物品名称') ?? tooLong(draft.thing.name, L.name));
      put(e, 'thing-category', required(draft.thing.category, '请填写物品类别') ?? tooLong(draft.thing.category, L.category));
      put(e, 'thing-identifier', tooLong(draft.thing.identifier, L.identifier));
      break;
    case 'event':
      put(e, 'event-title', required(draft.event.title, '请填写事件标题') ?? tooLong(draft.event.title, L.title));
      if (draft.event.occurredAt && !fromLocalInput(draft.event.occurredAt)) e['event-occurredAt'] = '请填写有效的时间';
      put(e, 'event-description', required(draft.event.description, '请填写事件经过') ?? tooLong(draft.event.description, L.description));
      break;
    case 'organisation':
      put(e, 'organisation-name', required(draft.organisation.name, '请填写组织名称') ?? tooLong(draft.organisation.name, L.name));
      put(e, 'organisation-contactPhone', phoneError(draft.organisation.contactPhone));
      put(e, 'organisation-address', tooLong(draft.organisation.address, L.address));
      break;
    default:
      break;
  }
  if (draft.tags.length > L.tags) e.tags = `标签最多 ${L.tags} 个`;
  else put(e, 'tags', draft.tags.some((t) => textLength(t) > L.tag) ? `每个标签最多 ${L.tag} 个字` : undefined);
  put(e, 'note', tooLong(draft.note, L.note));
  if (draft.links.length > L.links) e.links = `关联记录最多 ${L.links} 条`;
  draft.links.forEach((link, i) => put(e, `link-${i}-relation`, required(link.relation, '请填写关系，如：户主、经营、涉及') ?? tooLong(link.relation, L.relation)));
  return e;
}

/* ---------- the body ---------- */

const optional = <K extends string>(key: K, value: string) => (value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});
/** Six decimals (~0.1 m): the same body on a retry. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** The details block of the draft's type. */
function detailsOf(draft: CollectDraft): Partial<IntelCreateInput> {
  switch (draft.type) {
    case 'person': {
      const p = draft.person;
      return {
        person: {
          name: p.name.trim(),
          gender: p.gender as Gender,
          ...(p.idNumber.trim() ? { idNumber: normaliseIdNumber(p.idNumber) } : {}),
          ...optional('phone', p.phone),
          ...optional('address', p.address),
          ...optional('occupation', p.occupation),
        },
      };
    }
    case 'place':
      return {
        place: {
          name: draft.place.name.trim(),
          ...optional('address', draft.place.address),
          ...(draft.place.location ? { location: { lat: round(draft.place.location.lat), lng: round(draft.place.location.lng) } } : {}),
        },
      };
    case 'thing':
      return { thing: { name: draft.thing.name.trim(), category: draft.thing.category.trim(), ...optional('identifier', draft.thing.identifier) } };
    case 'event': {
      const at = draft.event.occurredAt ? fromLocalInput(draft.event.occurredAt) : undefined;
      return { event: { title: draft.event.title.trim(), ...(at ? { occurredAt: at } : {}), description: draft.event.description.trim() } };
    }
    case 'organisation':
      return {
        organisation: {
          name: draft.organisation.name.trim(),
          ...optional('contactPhone', draft.organisation.contactPhone),
          ...optional('address', draft.organisation.address),
        },
      };
    default:
      return {};
  }
}

/** The body of POST /intel/records; call after `validateCollect` found nothing. */
export function collectToBody(draft: CollectDraft): IntelCreateInput {
  return {
    type: draft.type as IntelType,
    villageId: draft.villageId,
    ...detailsOf(draft),
    tags: draft.tags.map((t) => t.trim()).filter(Boolean),
    links: draft.links.map((l) => ({ recordId: l.recordId, relation: l.relation.trim() })),
    reliability: draft.reliability as ReliabilityGrade,
    ...optional('note', draft.note),
  };
}

/* ---------- the API's 400s ---------- */

const DETAIL_KEYS: Record<IntelType, readonly string[]> = {
  person: ['name', 'gender', 'idNumber', 'phone', 'address', 'occupation'],
  place: ['name', 'address', 'location'],
  thing: ['name', 'category', 'identifier'],
  event: ['title', 'occurredAt', 'description'],
  organisation: ['name', 'contactPhone', 'address'],
};

/** Which field of the form a detail's dotted path belongs to (undefined: a general error). */
export function collectFieldOf(path: string): CollectField | undefined {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'type':
      return 'type';
    case 'villageId':
      return 'village';
    case 'tags':
      return 'tags';
    case 'reliability':
      return 'reliability';
    case 'note':
      return 'note';
    case 'links':
      return second !== undefined && /^\d+$/.test(second) && third === 'relation' ? `link-${Number(second)}-relation` : 'links';
    case 'person':
    case 'place':
    case 'thing':
    case 'event':
    case 'organisation':
      // The block itself (missing, or not the record's type) is the type's problem.
      if (second && DETAIL_KEYS[head].includes(second)) return `${head}-${second}` as CollectField;
      return 'type';
    default:
      return undefined;
  }
}

export function collectErrorsFromApi(details: readonly ErrorDetail[]): { fields: CollectErrors; general: string[] } {
  return detailsToFields(details, collectFieldOf);
}

/** The form's sections in order, to scroll to the first error. */
export const COLLECT_ORDER = ['type', 'village', 'person', 'place', 'thing', 'event', 'organisation', 'tags', 'reliability', 'note', 'links', 'link'] as const;

export function firstCollectError(errors: CollectErrors): CollectField | undefined {
  return firstField(errors, COLLECT_ORDER);
}
