import {
  GENDER_LABELS,
  INTEL_SECRET_FIELD_LABELS,
  INTEL_TYPE_LABELS,
  INTEL_TYPES,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  VERIFICATION_LABELS,
  VERIFICATION_STATES,
  type Gender,
  type IntelSecretField,
  type IntelType,
  type ReliabilityGrade,
  type VerificationState,
} from '@beatlink/shared/intel/labels';

/** Labels and colours of the information store (信息采集), from the zod-free shared vocabulary. */
export { INTEL_TYPES, RELIABILITY_GRADES, VERIFICATION_STATES };

export const intelTypeLabel = (type: IntelType | string) => INTEL_TYPE_LABELS[type as IntelType]?.zh ?? type;
export const verificationLabel = (state: VerificationState | string) => VERIFICATION_LABELS[state as VerificationState]?.zh ?? state;
export const genderLabel = (gender: Gender | string) => GENDER_LABELS[gender as Gender]?.zh ?? gender;
export const secretFieldLabel = (field: IntelSecretField | string) => INTEL_SECRET_FIELD_LABELS[field as IntelSecretField]?.zh ?? field;

/** `B 通常可靠` */
export const reliabilityText = (grade: ReliabilityGrade | string) => {
  const label = RELIABILITY_LABELS[grade as ReliabilityGrade]?.zh;
  return label ? `${grade} ${label}` : grade;
};

export const INTEL_TYPE_COLORS: Record<IntelType, string> = { person: 'blue', place: 'cyan', thing: 'geekblue', event: 'volcano', organisation: 'purple' };
export const VERIFICATION_COLORS: Record<VerificationState, string> = { unverified: 'default', verified: 'green', disputed: 'orange', obsolete: 'red' };
/** A–B trusted, C fair, D–E doubtful, F not judged. */
export const RELIABILITY_COLORS: Record<ReliabilityGrade, string> = { A: 'green', B: 'green', C: 'blue', D: 'orange', E: 'red', F: 'default' };

export const intelTypeColor = (type: string) => INTEL_TYPE_COLORS[type as IntelType] ?? 'default';
export const verificationColor = (state: string) => VERIFICATION_COLORS[state as VerificationState] ?? 'default';
export const reliabilityColor = (grade: string) => RELIABILITY_COLORS[grade as ReliabilityGrade] ?? 'default';

export const isIntelType = (v: string | null | undefined): v is IntelType => !!v && (INTEL_TYPES as readonly string[]).includes(v);
export const isVerificationState = (v: string | null | undefined): v is VerificationState => !!v && (VERIFICATION_STATES as readonly string[]).includes(v);

export const intelHref = (id: string) => `/intel/view?id=${encodeURIComponent(id)}`;

const DETAIL_FIELD_LABELS: Record<string, string> = {
  name: '名称',
  title: '标题',
  gender: '性别',
  idNumber: '身份证号码',
  phone: '联系电话',
  contactPhone: '联系电话',
  address: '地址',
  occupation: '职业',
  location: '位置',
  category: '类别',
  identifier: '标识',
  occurredAt: '发生时间',
  description: '经过',
};
const RECORD_FIELD_LABELS: Record<string, string> = {
  villageId: '所属村（社区）',
  reliability: '可靠程度',
  tags: '标签',
  links: '关联记录',
  note: '备注',
  verification: '核实状态',
};

/** A name in a history entry (`person.idNumber`, `links`, …) in Chinese: `身份证号码`, `关联记录`. */
export function changedFieldLabel(name: string): string {
  if (RECORD_FIELD_LABELS[name]) return RECORD_FIELD_LABELS[name];
  const dot = name.indexOf('.');
  if (dot > 0) {
    const [type, field] = [name.slice(0, dot), name.slice(dot + 1)];
    if (type === 'person' && field === 'name') return '姓名';
    return DETAIL_FIELD_LABELS[field] ?? field;
  }
  return name;
}

export const EVENT_ACTION_TEXT: Record<'create' | 'update' | 'verify', string> = { create: '采集', update: '更新', verify: '核实' };
