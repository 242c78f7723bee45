/** An entity's score to rank; null scores get no rank. */
export interface Scored {
  readonly id: string;
  readonly score: number | null;
}

/**
 * Ranks by score, 1 = best (highest); ties are broken by id in code-point order (the
 * smaller id first), so ranks are a permutation of 1 … m over the m entities with a
 * score. Entities with a null score get a null rank.
 */
export function rankByScore(entries: readonly Scored[]): Map<string, number | null> {
  const ranked = entries
    .filter((entry) => entry.score !== null && !Number.isNaN(entry.score))
    .sort((a, b) => (b.score as number) - (a.score as number) || compareIds(a.id, b.id));
  const ranks = new Map<string, number | null>(entries.map((entry) => [entry.id, null]));
  ranked.forEach((entry, index) => ranks.set(entry.id, index + 1));
  return ranks;
}

/** Code-point order of ids, independent of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
