import type { ErrorDetail } from '@beatlink/shared';
import type {
  DisputeStage,
  DisputeType,
  MatterKind,
  MatterSource,
  PartyRole,
  RiskLevel,
  Severity,
} from '@beatlink/shared/matters/kinds';

/**
 * The intake form of the phone (录入事项): the draft the officer fills in, its checks, and the
 * body of POST /matters. Zod-free on purpose (the field pages' budget is 180 kB): the few rules
 * are checked by hand with the schema's limits (shared/src/matters/schemas.ts), and whatever else
 * the API refuses comes back as `details[]` and is mapped onto the same fields.
 */

/** The sources the field form offers: 群众反映 (default) and 民警发现. */
export const FIELD_SOURCES = ['resident', 'officer'] as const satisfies readonly MatterSource[];

/** Sources for which the API requires a reporter. */
const REPORTER_REQUIRED: readonly MatterSource[] = ['resident', 'hotline'];

/** `phoneSchema` of shared/src/fields.ts (which imports zod): a mobile or a landline with area code. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const LIMITS = { description: 2000, reporterName: 40, address: 120, partyName: 40, parties: 30, attachments: 20 } as const;

export interface PartyDraft {
  name: string;
  role: PartyRole;
  phone: string;
}

export interface DisputeDraft {
  /** The officer opened the dispute section (kind 矛盾纠纷 only). */
  enabled: boolean;
  parties: PartyDraft[];
  disputeType: DisputeType | '';
  riskLevel: RiskLevel | '';
  stageFound: DisputeStage | '';
}

export interface GeoFix {
  lat: number;
  lng: number;
  /** Metres, as the browser reports it. */
  accuracy?: number;
}

export interface IntakeDraft {
  kind: MatterKind | '';
  villageId: string;
  categoryId: string;
  severity: Severity | '';
  description: string;
  source: MatterSource;
  reporterName: string;
  reporterPhone: string;
  /** A `datetime-local` value in the phone's time zone (minute precision, so a retry sends the same). */
  occurredAt: string;
  location?: GeoFix;
  address: string;
  dispute: DisputeDraft;
}

/**
 * The form's fields, as named in `m-intake-error-<field>` and `m-intake-<field>` test ids.
 * Dispute parties are `dispute-party-<i>-name` / `-phone` / `-role`.
 */
export type IntakeField =
  | 'kind'
  | 'village'
  | 'category'
  | 'severity'
  | 'description'
  | 'source'
  | 'reporter-name'
  | 'reporter-phone'
  | 'occurred-at'
  | 'location'
  | 'address'
  | 'photos'
  | 'dispute'
  | 'dispute-parties'
  | 'dispute-type'
  | 'dispute-risk'
  | 'dispute-stage'
  | `dispute-party-${number}-${'name' | 'role' | 'phone'}`;

export type IntakeErrors = Partial<Record<IntakeField, string>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** `Date` → `YYYY-MM-DDTHH:mm` in the phone's own time zone (the value of a datetime-local input). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value → UTC ISO (`…T01:30:00.000Z`), or undefined when it is not a time. */
export function fromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.toISOString();
}

export function emptyParty(role: PartyRole = 'applicant'): PartyDraft {
  return { name: '', role, phone: '' };
}

/** A fresh draft: occurred now, reported by a resident. */
export function newDraft(now: Date, defaults: Partial<Pick<IntakeDraft, 'villageId'>> = {}): IntakeDraft {
  return {
    kind: '',
    villageId: defaults.villageId ?? '',
    categoryId: '',
    severity: '',
    description: '',
    source: 'resident',
    reporterName: '',
    reporterPhone: '',
    occurredAt: toLocalInput(now),
    address: '',
    dispute: { enabled: false, parties: [emptyParty('applicant'), emptyParty('respondent')], disputeType: '', riskLevel: '', stageFound: '' },
  };
}

export function reporterRequired(source: MatterSource): boolean {
  return REPORTER_REQUIRED.includes(source);
}

const length = (value: string) => Array.from(value.trim()).length;

/** The dispute section is sent only for kind 矛盾纠纷 when the officer opened it. */
export function sendsDispute(draft: IntakeDraft): boolean {
  return draft.kind === 'dispute' && draft.dispute.enabled;
}

/** Parties the officer left completely empty are dropped, not refused. */
function filledParties(parties: readonly PartyDraft[]): Array<{ party: PartyDraft; index: number }> {
  return parties.map((party, index) => ({ party, index })).filter(({ party }) => party.name.trim() || party.phone.trim());
}

/** The checks the form makes before it sends (the API checks again and has the last word). */
export function validateDraft(draft: IntakeDraft): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!draft.kind) errors.kind = '请选择事项类型';
  if (!draft.villageId) errors.village = '请选择村（社区）';
  if (!draft.categoryId) errors.category = '请选择事项分类';
  if (!draft.description.trim()) errors.description = '请填写事项描述';
  else if (length(draft.description) > LIMITS.description) errors.description = `最多 ${LIMITS.description} 个字`;

  const name = draft.reporterName.trim();
  const phone = draft.reporterPhone.trim();
  const needReporter = reporterRequired(draft.source) || name !== '' || phone !== '';
  if (needReporter) {
    if (!name) errors['reporter-name'] = reporterRequired(draft.source) ? '群众反映的事项须填写反映人姓名' : '请同时填写反映人姓名';
    else if (length(name) > LIMITS.reporterName) errors['reporter-name'] = `最多 ${LIMITS.reporterName} 个字`;
    if (!phone) errors['reporter-phone'] = reporterRequired(draft.source) ? '群众反映的事项须填写联系电话' : '请同时填写联系电话';
    else if (!PHONE_PATTERN.test(phone)) errors['reporter-phone'] = '请填写有效的手机号码或带区号的固定电话';
  }

  if (!fromLocalInput(draft.occurredAt)) errors['occurred-at'] = '请填写发生时间';
  if (length(draft.address) > LIMITS.address) errors.address = `最多 ${LIMITS.address} 个字`;

  if (sendsDispute(draft)) {
    const parties = filledParties(draft.dispute.parties);
    if (parties.length === 0) errors['dispute-parties'] = '请至少填写一名当事人';
    else if (parties.length > LIMITS.parties) errors['dispute-parties'] = `当事人最多 ${LIMITS.parties} 名`;
    for (const { party, index } of parties) {
      if (!party.name.trim()) errors[`dispute-party-${index}-name`] = '请填写当事人姓名';
      else if (length(party.name) > LIMITS.partyName) errors[`dispute-party-${index}-name`] = `最多 ${LIMITS.partyName} 个字`;
      if (party.phone.trim() && !PHONE_PATTERN.test(party.phone.trim())) errors[`dispute-party-${index}-phone`] = '请填写有效的电话号码';
    }
    if (!draft.dispute.disputeType) errors['dispute-type'] = '请选择纠纷类型';
    if (!draft.dispute.riskLevel) errors['dispute-risk'] = '请选择风险等级';
    if (!draft.dispute.stageFound) errors['dispute-stage'] = '请选择发现阶段';
  }
  return errors;
}

/** The body of POST /matters (matterIntakeSchema); call after `validateDraft` found nothing. */
export interface IntakeBody {
  kind: MatterKind;
  source: MatterSource;
  villageId: string;
  categoryId: string;
  severity?: Severity;
  description: string;
  reporter?: { name: string; phone: string };
  location?: { lat: number; lng: number };
  address?: string;
  occurredAt: string;
  attachmentIds?: string[];
  dispute?: {
    parties: Array<{ name: string; role: PartyRole; phone?: string }>;
    disputeType: DisputeType;
    riskLevel: RiskLevel;
    stageFound: DisputeStage;
  };
}

export function draftToBody(draft: IntakeDraft, attachmentIds: readonly string[] = []): IntakeBody {
  const name = draft.reporterName.trim();
  const phone = draft.reporterPhone.trim();
  const address = draft.address.trim();
  const body: IntakeBody = {
    kind: draft.kind as MatterKind,
    source: draft.source,
    villageId: draft.villageId,
    categoryId: draft.categoryId,
    ...(draft.severity ? { severity: draft.severity } : {}),
    description: draft.description.trim(),
    ...(name || phone ? { reporter: { name, phone } } : {}),
    ...(draft.location ? { location: { lat: round(draft.location.lat), lng: round(draft.location.lng) } } : {}),
    ...(address ? { address } : {}),
    occurredAt: fromLocalInput(draft.occurredAt) ?? draft.occurredAt,
    ...(attachmentIds.length ? { attachmentIds: [...attachmentIds] } : {}),
  };
  if (sendsDispute(draft)) {
    body.dispute = {
      parties: filledParties(draft.dispute.parties).map(({ party }) => ({
        name: party.name.trim(),
        role: party.role,
        ...(party.phone.trim() ? { phone: party.phone.trim() } : {}),
      })),
      disputeType: draft.dispute.disputeType as DisputeType,
      riskLevel: draft.dispute.riskLevel as RiskLevel,
      stageFound: draft.dispute.stageFound as DisputeStage,
    };
  }
  return body;
}

/** Six decimals (~0.1 m): plenty for a phone fix, and the same body on a retry. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/**
 * Where an API error detail belongs on the form (`details[].path` is dotted: `reporter.phone`,
 * `dispute.parties.0.name`, `attachmentIds.2`), or undefined for a general error. Party indexes
 * of the body are mapped back to the rows of the form (empty rows are not sent).
 */
export function fieldOfPath(path: string, draft?: IntakeDraft): IntakeField | undefined {
  const [head, second, third, fourth] = path.split('.');
  switch (head) {
    case 'kind':
      return 'kind';
    case 'villageId':
      return 'village';
    case 'categoryId':
      return 'category';
    case 'severity':
      return 'severity';
    case 'title':
    case 'description':
      return 'description';
    case 'source':
      return 'source';
    case 'reporter':
      return second === 'phone' ? 'reporter-phone' : 'reporter-name';
    case 'occurredAt':
      return 'occurred-at';
    case 'location':
      return 'location';
    case 'address':
      return 'address';
    case 'attachmentIds':
      return 'photos';
    case 'dispute': {
      if (second === 'disputeType') return 'dispute-type';
      if (second === 'riskLevel') return 'dispute-risk';
      if (second === 'stageFound') return 'dispute-stage';
      if (second === 'parties') {
        if (third === undefined || !/^\d+$/.test(third)) return 'dispute-parties';
        const sent = Number(third);
        const row = draft ? (filledParties(draft.dispute.parties)[sent]?.index ?? sent) : sent;
        if (fourth === 'name' || fourth === 'role' || fourth === 'phone') return `dispute-party-${row}-${fourth}`;
        return 'dispute-parties';
      }
      return 'dispute';
    }
    default:
      return undefined;
  }
}

const CJK = /[\u4e00-\u9fff]/;
/** The Chinese half of a bilingual message ("须为有效的电话号码 / must be a valid phone number"). */
const chinese = (message: string) => {
  const [first] = message.split(' / ');
  return first && CJK.test(first) ? first.trim() : message.trim();
};

/** The API's 400 `details[]` on the form's fields; the rest as general messages. */
export function apiErrorsToFields(details: readonly ErrorDetail[], draft?: IntakeDraft): { fields: IntakeErrors; general: string[] } {
  const fields: IntakeErrors = {};
  const general: string[] = [];
  for (const detail of details) {
    const field = fieldOfPath(detail.path, draft);
    const message = chinese(detail.message) || '格式不正确';
    if (!field) general.push(detail.path ? `${detail.path}：${message}` : message);
    else if (!fields[field]) fields[field] = message;
  }
  return { fields, general };
}

/** The form's fields in the order they are shown, to scroll to the first error. */
export const FIELD_ORDER: readonly string[] = [
  'kind',
  'village',
  'category',
  'severity',
  'description',
  'source',
  'reporter-name',
  'reporter-phone',
  'occurred-at',
  'location',
  'address',
  'photos',
  'dispute',
];

export function firstErrorField(errors: IntakeErrors): IntakeField | undefined {
  const keys = Object.keys(errors) as IntakeField[];
  if (keys.length === 0) return undefined;
  const rank = (key: string) => {
    const i = FIELD_ORDER.indexOf(key.startsWith('dispute') ? 'dispute' : key);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b))[0];
}

/** `123.4` m → "精度约 123 米". */
export function accuracyText(accuracy: number | undefined): string {
  if (accuracy === undefined || !Number.isFinite(accuracy)) return '精度未知';
  return accuracy >= 1000 ? `精度约 ${(accuracy / 1000).toFixed(1)} 公里` : `精度约 ${Math.round(accuracy)} 米`;
}

/** A Chinese sentence for a failed `navigator.geolocation` request (GeolocationPositionError codes). */
export function geolocationErrorText(code: number | undefined): string {
  switch (code) {
    case 1:
      return '未获得定位权限，请在浏览器设置中允许定位';
    case 2:
      return '无法获取位置，请到开阔处重试';
    case 3:
      return '定位超时，请重试';
    default:
      return '此设备不支持定位';
  }
}

/** A duplicate's score (0–1) as a percentage: `0.734` → "73%". */
export function similarityText(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

/** A new Idempotency-Key for a draft (one per draft; a retry of the same draft reuses it). */
export function newDraftKey(random: () => string = () => crypto.randomUUID()): string {
  return `intake-${random()}`;
}
