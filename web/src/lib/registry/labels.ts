import type { FamiliarityRate } from '@beatlink/shared/intel/familiarity';
import type { FundedCount } from '@beatlink/shared/registry/households';
import { FUNDER_LABELS, FUNDERS, HOUSEHOLD_TAG_LABELS, HOUSEHOLD_TAGS, type Funder, type HouseholdTag } from '@beatlink/shared/registry/labels';

/** Labels and colours of the village profile (村情档案), from the zod-free shared vocabularies. */

export const VILLAGE_KIND_TEXT: Record<'village' | 'community', string> = { village: '行政村', community: '社区' };
export const villageKindLabel = (kind: string | undefined) => (kind ? (VILLAGE_KIND_TEXT[kind as 'village' | 'community'] ?? kind) : '');

export const HOUSEHOLD_TAG_TEXT = Object.fromEntries(HOUSEHOLD_TAGS.map((t) => [t, HOUSEHOLD_TAG_LABELS[t].zh])) as Record<HouseholdTag, string>;
export const HOUSEHOLD_TAG_KEYS: readonly HouseholdTag[] = HOUSEHOLD_TAGS;

/** antd Tag colours: care needs warm, the police's concerns red, the rest neutral. */
export const HOUSEHOLD_TAG_COLORS: Record<HouseholdTag, string> = {
  elderly_alone: 'orange',
  left_behind_child: 'gold',
  disabled: 'purple',
  low_income: 'cyan',
  rental: 'blue',
  key_person: 'red',
  veteran: 'green',
  special_care: 'magenta',
};

export const householdTagLabel = (tag: string) => HOUSEHOLD_TAG_TEXT[tag as HouseholdTag] ?? tag;
export const householdTagColor = (tag: string) => HOUSEHOLD_TAG_COLORS[tag as HouseholdTag] ?? 'default';
export const isHouseholdTag = (tag: string | null | undefined): tag is HouseholdTag => !!tag && tag in HOUSEHOLD_TAG_TEXT;

export const FUNDER_TEXT = Object.fromEntries(FUNDERS.map((f) => [f, FUNDER_LABELS[f].zh])) as Record<Funder, string>;
export const FUNDER_KEYS: readonly Funder[] = FUNDERS;

export const fundedTotal = (c: FundedCount | undefined): number => (c ? c.enterprise + c.village + c.bureau : 0);

/** `0.8333` → `83.3%`; not measured (no call-backs) → `—`. */
export function rateText(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** `5 / 6（83.3%）`, or `未测` when nobody was sampled. */
export function rateWithCount(count: number, rate: FamiliarityRate): string {
  if (!rate.sampled) return '未测';
  return `${count} / ${rate.sampled}（${rateText(count / rate.sampled)}）`;
}

/** `1380` → `1,380`; absent → `—`. */
export const countText = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en-US'));
