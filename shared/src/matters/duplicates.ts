/**
 * Duplicate candidates at intake (疑似重复): same village, same category, close in time, similar
 * text. Pure: the API fetches the village's recent matters through an index and passes them in.
 */
const DAY = 86_400_000;

/** Letters, digits and CJK characters only, lower-cased: punctuation and spaces carry no meaning. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The set of character bigrams (a single character for a one-character text). */
export function bigrams(text: string): Set<string> {
  const chars = [...normalizeText(text)];
  if (chars.length === 1) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Jaccard similarity of the character bigrams, 0–1 (0 when either text is empty). */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

export interface DuplicateProbe {
  /** The matter itself when checking an existing one, so it is never its own duplicate. */
  id?: string;
  villageId: string;
  categoryId: string;
  description: string;
  /** ISO time the matter was taken in. */
  createdAt: string;
}

export interface DuplicateCandidate extends DuplicateProbe {
  id: string;
  /** Merged matters are never offered: offer the matter they were merged into. */
  status?: string;
}

export interface DuplicateMatch<T extends DuplicateCandidate = DuplicateCandidate> {
  matter: T;
  score: number;
}

/**
 * Candidates in the same village and category within `windowDays` of the probe (either side)
 * whose text similarity is at least `minScore`, best first (ties: closest in time first).
 */
export function findDuplicateCandidates<T extends DuplicateCandidate>(
  probe: DuplicateProbe,
  candidates: readonly T[],
  options: { windowDays: number; minScore: number },
): Array<DuplicateMatch<T>> {
  const at = Date.parse(probe.createdAt);
  const gap = (m: T) => Math.abs(Date.parse(m.createdAt) - at);
  return candidates
    .filter(
      (m) =>
        m.id !== probe.id &&
        m.status !== 'merged' &&
        m.villageId === probe.villageId &&
        m.categoryId === probe.categoryId &&
        gap(m) <= options.windowDays * DAY,
    )
    .map((matter) => ({ matter, score: textSimilarity(probe.description, matter.description) }))
    .filter((m) => m.score >= options.minScore)
    .sort((a, b) => b.score - a.score || gap(a.matter) - gap(b.matter));
}
