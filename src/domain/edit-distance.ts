/**
 * How far apart two short words are, and the keyword a typo was probably meant to be ("histroy" -> "history").
 * Only ever run on words of bounded length: the table is |a| × |b|.
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i] ?? [];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Longer words than any keyword are never a keyword's typo, so the table stays small whatever is typed. */
const LONGEST_KEYWORD_TYPO = 12;

/** The keyword `word` was probably meant to be ("histroy" -> "history"), or null. */
export function suggestKeyword(word: string, keywords: readonly string[]): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 3 || lower.length > LONGEST_KEYWORD_TYPO) return null;
  const best = keywords
    .map((keyword) => ({ keyword, distance: editDistance(lower, keyword) }))
    .filter((s) => s.distance > 0 && s.distance <= (s.keyword.length <= 4 ? 1 : 2))
    .sort((a, b) => a.distance - b.distance)[0];
  return best?.keyword ?? null;
}

/**
 * `editDistance(a, b)` when it is at most `max`, else `max + 1`; only the diagonal band of width 2·max + 1 is
 * computed, so that comparing a long query with a short name costs nothing and two long words cost length × band.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const cols = b.length + 1;
  let before = new Int32Array(cols).fill(over);
  let previous = Int32Array.from({ length: cols }, (_, j) => Math.min(j, over));
  let current = new Int32Array(cols);
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    if (i <= max) current[0] = i;
    let best = current[0] ?? over;
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let cell = Math.min((previous[j] ?? over) + 1, (current[j - 1] ?? over) + 1, (previous[j - 1] ?? over) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cell = Math.min(cell, (before[j - 2] ?? over) + 1);
      current[j] = Math.min(cell, over);
      best = Math.min(best, cell);
    }
    if (best > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? over, over);
}
