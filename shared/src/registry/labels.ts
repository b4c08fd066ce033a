/**
 * The vocabularies of the household register and the village resources, zod-free so the portal's
 * pages use the very same labels (the schemas are in households.ts).
 */
export const HOUSEHOLD_TAGS = ['elderly_alone', 'left_behind_child', 'disabled', 'low_income', 'rental', 'key_person', 'veteran', 'special_care'] as const;
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];

export const HOUSEHOLD_TAG_LABELS: Record<HouseholdTag, { zh: string; en: string }> = {
  elderly_alone: { zh: '独居老人', en: 'elderly living alone' },
  left_behind_child: { zh: '留守儿童', en: 'left-behind child' },
  disabled: { zh: '残疾人', en: 'disabled person' },
  low_income: { zh: '低保户', en: 'low-income household' },
  rental: { zh: '出租房', en: 'rental house' },
  key_person: { zh: '重点人员', en: 'key person' },
  veteran: { zh: '退役军人', en: 'veteran' },
  special_care: { zh: '特殊关爱', en: 'needs special care' },
};

/** Who paid for cameras and devices. */
export const FUNDERS = ['enterprise', 'village', 'bureau'] as const;
export type Funder = (typeof FUNDERS)[number];
export const FUNDER_LABELS: Record<Funder, { zh: string; en: string }> = {
  enterprise: { zh: '企业出资', en: 'enterprise' },
  village: { zh: '村集体出资', en: 'village' },
  bureau: { zh: '公安局出资', en: 'bureau' },
};

/** The physical devices (物防) counted per village, by who paid for them. */
export const RESOURCE_DEVICES = ['cameras', 'windowGuards', 'alarms'] as const;
export type ResourceDevice = (typeof RESOURCE_DEVICES)[number];
export const RESOURCE_DEVICE_LABELS: Record<ResourceDevice, { zh: string; en: string }> = {
  cameras: { zh: '监控探头', en: 'cameras' },
  windowGuards: { zh: '气死贼', en: 'window guards' },
  alarms: { zh: '电子狗', en: 'door alarms' },
};
