/**
 * "Did you mean": near misses for a mistyped stock code or issuer name, so that a typo gets an answer that helps
 * rather than a bare "not found". What a suggestion costs is bounded whatever is typed: names are looked up through
 * a trigram index and only the few names that share the most trigrams with the query are compared letter by letter.
 */
import { editDistanceWithin } from '../domain/edit-distance.js';
import { MAX_NAME_CHARS } from '../domain/shares-query.js';
import type { IssuerSummary } from '../domain/stored-return.js';

/** Codes held that are one keystroke away from `code` ("00002" for "00020"). */
export function suggestCodes(code: string, issuers: readonly IssuerSummary[], limit = 5): IssuerSummary[] {
  if (code.length > 5) return [];
  const bare = code.replace(/^0+/, '');
  return issuers
    .map((issuer) => ({
      issuer,
      distance: Math.min(
        editDistanceWithin(code, issuer.stockCode, 1),
        editDistanceWithin(bare, issuer.stockCode.replace(/^0+/, ''), 1),
      ),
    }))
    .filter((s) => s.distance === 1)
    .sort((a, b) => a.issuer.stockCode.localeCompare(b.issuer.stockCode))
    .slice(0, limit)
    .map((s) => s.issuer);
}

/** How many names, of those sharing the most trigrams with the query, are compared letter by letter. */
const CANDIDATES = 40;

interface NameIndex {
  /** The names indexed, so that a changed list is indexed again. */
  readonly key: string;
  readonly words: readonly (readonly string[])[];
  /** Trigram -> positions in `issuers` of the names that have it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

let lastIndex: NameIndex | null = null;

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Each word's trigrams with a space either side, so that a word's start and end count too. */
function trigramsOf(words: readonly string[]): Set<string> {
  const trigrams = new Set<string>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  }
  return trigrams;
}

/**
 * Builds the name index of `issuers` ahead of the first typo (a market's 2,600 names take tens of milliseconds,
 * which the first mistyped command would otherwise spend while other commands wait for their acknowledgement).
 */
export function prepareNameSuggestions(issuers: readonly IssuerSummary[]): void {
  indexOf(issuers);
}

/** The index of `issuers`, built once per list of names (listIssuers gives a new array each time). */
function indexOf(issuers: readonly IssuerSummary[]): NameIndex {
  const key = issuers.map((issuer) => `${issuer.stockCode}\u0000${issuer.issuerName}`).join('\u0001');
  if (lastIndex?.key === key) return lastIndex;
  const words = issuers.map((issuer) => wordsOf(issuer.issuerName));
  const postings = new Map<string, number[]>();
  words.forEach((nameWords, position) => {
    for (const trigram of trigramsOf(nameWords)) {
      const list = postings.get(trigram);
      if (list) list.push(position);
      else postings.set(trigram, [position]);
    }
  });
  lastIndex = { key, words, postings };
  return lastIndex;
}

function allowedEdits(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/** Positions of the names sharing the most trigrams with `needle`, most first. */
function candidatesFor(index: NameIndex, needle: readonly string[]): number[] {
  const shared = new Map<number, number>();
  for (const trigram of trigramsOf(needle)) {
    for (const position of index.postings.get(trigram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
  }
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, CANDIDATES)
    .map(([position]) => position);
}

/** Issuers whose name has a word (or a run of words) close to `text` ("sensetme" finds SenseTime). */
export function suggestNames(text: string, issuers: readonly IssuerSummary[], limit = 5): IssuerSummary[] {
  const needleWords = wordsOf(text);
  const needle = needleWords.join(' ');
  if (needle.length < 3 || needle.length > MAX_NAME_CHARS) return [];
  const index = indexOf(issuers);
  const scored = candidatesFor(index, needleWords).flatMap((position) => {
    const words = index.words[position] ?? [];
    const runs = words.map((_, i) => words.slice(i, i + needleWords.length).join(' '));
    const allowed = allowedEdits(needle);
    const distance = Math.min(...runs.map((run) => editDistanceWithin(needle, run, allowed)));
    // The caller's summary, not the index's: the same names in the same order may be held to another viewer with
    // other months (a private draft's), and a suggestion shows only what this viewer may see.
    const issuer = issuers[position];
    return issuer && distance <= allowed ? [{ issuer, distance }] : [];
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.issuer.stockCode.localeCompare(b.issuer.stockCode))
    .slice(0, limit)
    .map((s) => s.issuer);
}
