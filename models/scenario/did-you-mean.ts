/**
 * "Did you mean" suggestions by edit distance, for unknown keys, names and options.
 */

/**
 * Optimal string alignment distance between `a` and `b`: insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1 (`cahce` → `cache` is 1).
 * O(|a|·|b|) time, O(|b|) extra space per row kept.
 */
export function editDistance(a: string, b: string): number {
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const beforePrevious = previousRow;
    previousRow = row;
    row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previousRow[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min(previousRow[j]! + 1, row[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      row.push(best);
    }
  }
  return row[b.length]!;
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most one
 * edit per three characters (at least one), ignoring case; ties go to the earlier
 * candidate. Failing that, the only candidate `word` abbreviates (`expo` → `exponential`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const list = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || lower.length < 3) return best;
  const extensions = list.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return extensions.length === 1 ? extensions[0] : undefined;
}

/** A hint for an unknown `word`: `did you mean "x"?`, or the list of valid ones. */
export function suggestion(word: string, candidates: readonly string[], noun = 'valid'): string {
  const match = closest(word, candidates);
  if (match !== undefined) return `did you mean "${match}"?`;
  return `${noun}: ${candidates.join(', ')}`;
}
