/**
 * Labels of the information store (信息采集, 公安非标库) for the portal: record types, reliability
 * grades, verification states, genders and what is wrong with an ID number. Zod-free, so the
 * field pages can import it without the schemas.
 */

/** 人、地、物、事、组织 */
export const INTEL_TYPES = ['person', 'place', 'thing', 'event', 'organisation'] as const;
export type IntelType = (typeof INTEL_TYPES)[number];

export const INTEL_TYPE_LABELS: Record<IntelType, { zh: string; en: string }> = {
  person: { zh: '人员', en: 'person' },
  place: { zh: '场所', en: 'place' },
  thing: { zh: '物品', en: 'thing' },
  event: { zh: '事件', en: 'event' },
  organisation: { zh: '组织', en: 'organisation' },
};

/**
 * Reliability of the source (Admiralty grading): how far the officer trusts where the information
 * came from, not whether it has been checked (that is the verification state).
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Record<ReliabilityGrade, { zh: string; en: string }> = {
  A: { zh: '完全可靠', en: 'completely reliable' },
  B: { zh: '通常可靠', en: 'usually reliable' },
  C: { zh: '相当可靠', en: 'fairly reliable' },
  D: { zh: '通常不可靠', en: 'not usually reliable' },
  E: { zh: '不可靠', en: 'unreliable' },
  F: { zh: '无法判断', en: 'reliability cannot be judged' },
};

export const VERIFICATION_STATES = ['unverified', 'verified', 'disputed', 'obsolete'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const VERIFICATION_LABELS: Record<VerificationState, { zh: string; en: string }> = {
  unverified: { zh: '未核实', en: 'unverified' },
  verified: { zh: '已核实', en: 'verified' },
  disputed: { zh: '存疑', en: 'disputed' },
  obsolete: { zh: '已失效', en: 'obsolete' },
};

export const GENDERS = ['male', 'female', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Record<Gender, { zh: string; en: string }> = {
  male: { zh: '男', en: 'male' },
  female: { zh: '女', en: 'female' },
  unknown: { zh: '未知', en: 'unknown' },
};

/** The personal fields a record can hold; each is encrypted at rest and revealed on request only. */
export const INTEL_SECRET_FIELDS = ['idNumber', 'phone', 'contactPhone'] as const;
export type IntelSecretField = (typeof INTEL_SECRET_FIELDS)[number];

export const INTEL_SECRET_FIELD_LABELS: Record<IntelSecretField, { zh: string; en: string }> = {
  idNumber: { zh: '身份证号码', en: 'ID number' },
  phone: { zh: '联系电话', en: 'phone' },
  contactPhone: { zh: '组织联系电话', en: "organisation's contact phone" },
};

/** What the portal and the API say for each problem `idNumberProblem` finds (id-number.ts). */
export const ID_NUMBER_PROBLEM_MESSAGES = {
  format: '身份证号码须为 17 位数字加 1 位数字或 X / an ID number is 17 digits followed by a digit or X',
  region: '身份证号码的地址码不存在 / the region code of the ID number does not exist',
  birth_date: '身份证号码中的出生日期无效 / the birth date in the ID number is not valid',
  sequence: '身份证号码的顺序码不能为 000 / the sequence number of the ID number cannot be 000',
  check_digit: '身份证号码校验码错误 / the check digit of the ID number is wrong',
} as const satisfies Record<'format' | 'region' | 'birth_date' | 'sequence' | 'check_digit', string>;
