/**
 * A stock code given to `history` or `fetch`, read as `/shares` reads it: an HKEX code as it is, and six digits of
 * Shanghai or Shenzhen as the held issuer whose returns print them for a class (601338 -> 01338), with the same
 * words as `/shares` where none does.
 */
import { AppError } from '../domain/errors.js';
import { notAStockCode, readCodeWord } from '../domain/shares-query.js';
import type { StockCode } from '../domain/stock-code.js';
import { describeOtherExchangeClass } from '../format/other-exchange-class.js';
import { findOtherExchangeClasses } from '../services/other-exchange-class.js';
import type { FilingStore } from '../store/filing-store.js';

export type CodeWord = NonNullable<ReturnType<typeof readCodeWord>>;

/** Throws an Error with `/shares`'s words for a word that is no code: a usage error. */
export function readCodeArgument(word: string): CodeWord {
  const read = readCodeWord(word);
  if (!read) throw new Error(notAStockCode(word));
  return read;
}

/**
 * The HKEX code a code given stands for, and a line saying which issuer's class a six-digit code is (null for an
 * HKEX code). Throws AppError('bad-input') where no held issuer, or more than one, prints a six-digit code.
 */
export async function resolveCodeArgument(
  store: FilingStore,
  given: CodeWord,
): Promise<{ stockCode: StockCode; note: string | null }> {
  if (given.kind === 'code') return { stockCode: given.code, note: null };
  const [found, ...others] = await findOtherExchangeClasses(store, given.code);
  if (others.length > 0) {
    const codes = [found, ...others].map((each) => each.stockCode).join(', ');
    throw new AppError(
      'bad-input',
      `${given.code.stockCode} is printed for a class by the returns of ${codes}: give one of those codes.`,
      {
        word: given.code.stockCode,
      },
    );
  }
  return { stockCode: found.stockCode, note: describeOtherExchangeClass(found) };
}
