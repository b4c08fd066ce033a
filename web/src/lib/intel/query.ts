import type { IntelListQuery } from '@beatlink/shared/intel/records';
import { isIntelType, isVerificationState } from './labels';

/** The filters of the records list, kept in the URL (`/intel?villageId=…&type=person`). */
export type IntelFilters = Partial<Pick<IntelListQuery, 'villageId' | 'type' | 'tag' | 'verification'>>;

interface Params {
  get(name: string): string | null;
}

/** The filters the URL holds; unknown values are dropped rather than sent to be refused. */
export function readIntelFilters(params: Params): IntelFilters {
  const filters: IntelFilters = {};
  const villageId = params.get('villageId')?.trim();
  if (villageId && villageId.startsWith('vil_')) filters.villageId = villageId;
  const type = params.get('type');
  if (isIntelType(type)) filters.type = type;
  const tag = params.get('tag')?.trim();
  if (tag) filters.tag = tag.slice(0, 20);
  const verification = params.get('verification');
  if (isVerificationState(verification)) filters.verification = verification;
  return filters;
}

/** `/intel?villageId=…&type=…` in a stable order, without empty filters. */
export function intelListHref(filters: IntelFilters, base = '/intel'): string {
  const params = new URLSearchParams();
  for (const key of ['villageId', 'type', 'tag', 'verification'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** Whether the list can be asked for: county-wide roles may omit the village, others must pick one. */
export function canList(filters: IntelFilters, countyWide: boolean): boolean {
  return countyWide || !!filters.villageId;
}
