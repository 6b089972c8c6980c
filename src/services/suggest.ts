/**
 * "Did you mean": near misses for a mistyped stock code, issuer name or sub-command, so that a typo gets an answer
 * that helps rather than a bare "not found".
 */
import type { IssuerSummary } from '../domain/stored-return.js';

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Codes held that are one keystroke away from `code` ("00002" for "00020"). */
export function suggestCodes(code: string, issuers: readonly IssuerSummary[], limit = 5): IssuerSummary[] {
  const bare = code.replace(/^0+/, '');
  return issuers
    .map((issuer) => ({
      issuer,
      distance: Math.min(editDistance(code, issuer.stockCode), editDistance(bare, issuer.stockCode.replace(/^0+/, ''))),
    }))
    .filter((s) => s.distance === 1)
    .sort((a, b) => a.issuer.stockCode.localeCompare(b.issuer.stockCode))
    .slice(0, limit)
    .map((s) => s.issuer);
}

function allowedEdits(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/** Issuers whose name has a word (or a run of words) close to `text` ("sensetme" finds SenseTime). */
export function suggestNames(text: string, issuers: readonly IssuerSummary[], limit = 5): IssuerSummary[] {
  const needle = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (needle.length < 3) return [];
  const scored = issuers.map((issuer) => {
    const words = issuer.issuerName
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const runs = words.map((_, i) => words.slice(i, i + needle.split(' ').length).join(' '));
    const distance = Math.min(...runs.map((run) => editDistance(needle, run)), Number.POSITIVE_INFINITY);
    return { issuer, distance };
  });
  return scored
    .filter((s) => s.distance <= allowedEdits(needle))
    .sort((a, b) => a.distance - b.distance || a.issuer.stockCode.localeCompare(b.issuer.stockCode))
    .slice(0, limit)
    .map((s) => s.issuer);
}

/** The keyword `word` was probably meant to be ("histroy" -> "history"), or null. */
export function suggestKeyword(word: string, keywords: readonly string[]): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const best = keywords
    .map((keyword) => ({ keyword, distance: editDistance(lower, keyword) }))
    .filter((s) => s.distance > 0 && s.distance <= (s.keyword.length <= 4 ? 1 : 2))
    .sort((a, b) => a.distance - b.distance)[0];
  return best?.keyword ?? null;
}
