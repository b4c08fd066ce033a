import { RATE_PERIOD_SECONDS, type RateLimit } from '@beatlink/shared';
import { countApiKeyCall } from '../../data/integrations';
import { AppError } from '../../lib/app-error';

/**
 * Per-key rate limits: a fixed window counter (`<keyId>#<windowStart>`), one conditional ADD per
 * call. Fixed windows allow up to twice the limit across a window boundary; that is accepted for
 * the price of a single write, and the limit is a protection, not a quota that is billed.
 */
export interface RateWindow {
  /** Epoch seconds the window starts at (a multiple of its length). */
  start: number;
  end: number;
  /** Seconds until the window ends (at least 1): the Retry-After of a refused call. */
  retryAfter: number;
  /** When the counter may be deleted (TTL, epoch seconds): a while after the window, never read again. */
  expiresAt: number;
}

/** Counters outlive their window by this much before TTL removes them (TTL deletes lazily anyway). */
const COUNTER_GRACE_SECONDS = 3600;

export function rateWindow(rateLimit: Pick<RateLimit, 'per'>, nowMs: number): RateWindow {
  const length = RATE_PERIOD_SECONDS[rateLimit.per];
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % length);
  const end = start + length;
  return { start, end, retryAfter: Math.max(1, end - now), expiresAt: end + COUNTER_GRACE_SECONDS };
}

/** Counts the call, or throws RATE_LIMITED with the seconds until the window ends. */
export async function consumeRate(key: { tenantId: string; id: string; rateLimit: RateLimit }, nowMs: number): Promise<void> {
  const window = rateWindow(key.rateLimit, nowMs);
  if (await countApiKeyCall(key.tenantId, key.id, window, key.rateLimit.limit)) return;
  throw new AppError('RATE_LIMITED', `调用过于频繁，请 ${window.retryAfter} 秒后重试 / rate limit reached, retry in ${window.retryAfter} s`, { retryAfter: window.retryAfter });
}
