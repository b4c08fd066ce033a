/** Runs at most `limit` tasks at once (the seeds' concurrency). */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolveSlot) => waiting.push(resolveSlot));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * How many audited writes (services that append to the county's audit chain) a seed runs at once
 * per county: one. Appends of a county are serialised on its chain's head anyway, and on a loaded
 * machine two seed writers collide so often that retries cost more than waiting in line.
 */
export const AUDITED_WRITES_PER_COUNTY = 1;
