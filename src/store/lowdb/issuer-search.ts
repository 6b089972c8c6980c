/**
 * `/shares sensetime`: finds issuers by any name they have filed under (English or Chinese form, former names) or
 * by code. Names are compared without case, punctuation or width ("ＨＳＢＣ" is "hsbc"), so "sensetime",
 * "SenseTime Group" and "sense time" all find "SenseTime Group Inc.".
 */
import { MAX_NAME_CHARS } from '../../domain/shares-query.js';
import { normaliseStockCode, type StockCode } from '../../domain/stock-code.js';
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

/** A name normalised once, when the index entry changes, in the forms a search compares. */
export interface PreparedName {
  readonly text: string;
  /** With a leading space, so that " word" finds a word start anywhere. */
  readonly spaced: string;
  readonly compact: string;
  readonly words: readonly string[];
}

/**
 * An index entry with its names prepared (the current name first), as the index keeps them; or, for a store that
 * keeps less of each issuer in memory, whatever it keeps under its stock code.
 */
export interface SearchableIssuer<E extends { readonly stockCode: StockCode } = CodeIndexEntry> {
  readonly entry: E;
  readonly names: readonly PreparedName[];
}

export function prepareName(name: string): PreparedName {
  const text = normaliseName(name);
  return { text, spaced: ` ${text}`, compact: text.replace(/ /g, ''), words: text.split(' ') };
}

/**
 * The issuers a query finds, best first, at most `limit`. `include` (whether the asker may see any of an issuer's
 * months, say) is asked only of issuers the query matches: asked of all 2,600 a market holds, per search, it was most
 * of a search's work and garbage.
 */
export function rankIssuers<E extends { readonly stockCode: StockCode }>(
  issuers: Iterable<SearchableIssuer<E>>,
  query: string,
  limit: number,
  include: (entry: E) => boolean = () => true,
): E[] {
  // Nothing held is longer than a name may be, and every comparison below grows with the query: refused unread.
  if (query.length > MAX_NAME_CHARS * 4) return [];
  const wanted = prepareName(query);
  if (!wanted.text || wanted.text.length > MAX_NAME_CHARS) return [];
  const code = normaliseStockCode(query);
  const scored: { entry: E; score: number }[] = [];
  for (const { entry, names } of issuers) {
    let score = entry.stockCode === code ? SCORE.code : 0;
    names.forEach((name, i) => {
      const nameScore = scoreName(name, wanted);
      if (nameScore > 0) score = Math.max(score, nameScore - (i === 0 ? 0 : SCORE.formerNamePenalty));
    });
    if (score > 0 && include(entry)) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.entry.stockCode < b.entry.stockCode ? -1 : 1));
  return scored.slice(0, Math.max(0, limit)).map(({ entry }) => entry);
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function scoreName(name: PreparedName, wanted: PreparedName): number {
  if (name.text === wanted.text) return SCORE.wholeName;
  if (name.text.startsWith(wanted.text)) return SCORE.nameStart;
  if (name.spaced.includes(wanted.spaced)) return SCORE.wordStart;
  if (name.text.includes(wanted.text)) return SCORE.within;
  if (name.compact.includes(wanted.compact)) return SCORE.withoutSpaces;
  if (wanted.words.length > 1 && wanted.words.every((w) => name.words.some((word) => word.startsWith(w)))) {
    return SCORE.everyWord;
  }
  return 0;
}
