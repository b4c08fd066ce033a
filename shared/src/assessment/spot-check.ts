/**
 * 月抽查: each month a random sample of every contact officer's visits and households is called
 * back. The draw is reproducible: candidates are put in id order and shuffled by a PRNG seeded
 * with the recorded seed, so anyone can redraw the same sample from the seed and the candidates.
 */
export const SPOT_CHECK_RESULTS = ['pass', 'fail', 'unreachable'] as const;
export type SpotCheckResult = (typeof SPOT_CHECK_RESULTS)[number];
export const SPOT_CHECK_RESULT_LABELS: Record<SpotCheckResult, string> = { pass: '属实', fail: '不属实', unreachable: '无法联系' };

export const SPOT_CHECK_ITEM_KINDS = ['visit', 'household'] as const;
export type SpotCheckItemKind = (typeof SPOT_CHECK_ITEM_KINDS)[number];

export const SPOT_CHECK_ID_PATTERN = /^spc_\d{4}-(0[1-9]|1[0-2])_ofr_[0-9A-HJKMNP-TV-Z]{26}$/;
export const spotCheckId = (month: string, officerId: string) => `spc_${month}_${officerId}`;

/** FNV-1a: the seed string → 32-bit state. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for drawing a sample (not for secrets). */
export function seededRandom(seed: string): () => number {
  let a = hash32(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `n` candidates drawn without replacement; the same seed and candidates give the same sample. */
export function drawSample<T extends { id: string }>(candidates: readonly T[], n: number, seed: string): T[] {
  const pool = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = seededRandom(seed);
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

export interface SpotCheckItem {
  /** `v1`, `h1`, …: stable within the check. */
  itemId: string;
  kind: SpotCheckItemKind;
  /** The visit or household id. */
  refId: string;
  villageId: string;
  villageName: string;
  /** What the caller asks about: the visit's date and households, or the household's address. */
  label: string;
  result?: SpotCheckResult;
  note?: string;
  recordedAt?: string;
  recordedBy?: string;
  recordedByName?: string;
}

export interface SpotCheck {
  id: string;
  tenantId: string;
  /** The month whose work was sampled. */
  month: string;
  officerId: string;
  officerName: string;
  workstationId?: string;
  seed: string;
  /** How many visits and households the sample was drawn from. */
  candidates: { visits: number; households: number };
  items: SpotCheckItem[];
  status: 'open' | 'done';
  passed: number;
  failed: number;
  unreachable: number;
  drawnAt: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
