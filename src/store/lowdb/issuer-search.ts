/**
 * `/shares sensetime`: finds issuers by any name they have filed under (English or Chinese form, former names) or
 * by code. Names are compared without case, punctuation or width ("ＨＳＢＣ" is "hsbc"), so "sensetime",
 * "SenseTime Group" and "sense time" all find "SenseTime Group Inc.".
 */
import { normaliseStockCode } from '../../domain/stock-code.js';
import type { IssuerSummary } from '../../domain/stored-return.js';
import { toIssuerSummary } from './code-index-entry.js';
import type { CodeIndexEntry } from './file-schemas.js';

const SCORE = {
  code: 100,
  wholeName: 90,
  nameStart: 80,
  wordStart: 70,
  within: 60,
  withoutSpaces: 50,
  everyWord: 40,
  /** A match on a name the issuer no longer files under ranks below the same match on its current name. */
  formerNamePenalty: 5,
} as const;

export function searchIssuerIndex(entries: Iterable<CodeIndexEntry>, query: string, limit: number): IssuerSummary[] {
  const wanted = normaliseName(query);
  if (!wanted) return [];
  const code = normaliseStockCode(query);
  const scored: { entry: CodeIndexEntry; score: number }[] = [];
  for (const entry of entries) {
    let score = entry.stockCode === code ? SCORE.code : 0;
    entry.names.forEach((name, i) => {
      const nameScore = scoreName(normaliseName(name), wanted);
      if (nameScore > 0) score = Math.max(score, nameScore - (i === 0 ? 0 : SCORE.formerNamePenalty));
    });
    if (score > 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.entry.stockCode < b.entry.stockCode ? -1 : 1));
  return scored.slice(0, Math.max(0, limit)).map(({ entry }) => toIssuerSummary(entry));
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function scoreName(name: string, wanted: string): number {
  if (name === wanted) return SCORE.wholeName;
  if (name.startsWith(wanted)) return SCORE.nameStart;
  if (` ${name}`.includes(` ${wanted}`)) return SCORE.wordStart;
  if (name.includes(wanted)) return SCORE.within;
  if (name.replace(/ /g, '').includes(wanted.replace(/ /g, ''))) return SCORE.withoutSpaces;
  const words = name.split(' ');
  if (wanted.split(' ').every((w) => words.some((word) => word.startsWith(w)))) return SCORE.everyWord;
  return 0;
}
