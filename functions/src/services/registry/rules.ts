import type { SortKeyRange } from '../../data/repository';

/** Pure rules of the registry (which villages it reaches: services/directory/village-reach.ts). */

/** Call-backs from `from` to `to` (dates, both included) as a condition on `<date>#<id>` sort keys. */
export function callbackDateRange(from: string | undefined, to: string | undefined): SortKeyRange | undefined {
  const upper = to ? `${to}#~` : undefined;
  if (from && upper) return { between: [from, upper] };
  if (from) return { gte: from };
  if (upper) return { lte: upper };
  return undefined;
}
