/**
 * Ranking within a peer group (网上排名): higher total first; equal totals share a rank
 * (1, 1, 3) and are listed by name, then id, so the order never depends on read order.
 */
export interface Rankable {
  subjectId: string;
  name: string;
  total: number;
}

export type Ranked<T extends Rankable> = T & { rank: number };

export function rankGroup<T extends Rankable>(members: readonly T[]): Array<Ranked<T>> {
  const sorted = [...members].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN') || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  let rank = 0;
  return sorted.map((m, i) => {
    if (i === 0 || m.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...m, rank };
  });
}
