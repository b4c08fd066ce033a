/** Summary figures of a list of latencies in milliseconds. */
export interface Summary {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { n: sorted.length, meanMs: round(mean), p50Ms: round(at(0.5)), p95Ms: round(at(0.95)) };
}

export function ratio(a: Summary, b: Summary): number {
  return Math.round((a.p50Ms / b.p50Ms) * 100) / 100;
}
