/**
 * A six-digit Shanghai or Shenzhen code found among the issuers held: an A+H issuer files its monthly return under
 * its HKEX code, and parts I and II print its A shares' code on the mainland beside it. `/shares 601338` and the
 * command line's `history` and `fetch` find the issuer here, and say the same where none is held.
 */
import { AppError, isAppError } from '../domain/errors.js';
import { notAStockCode } from '../domain/shares-query.js';
import { formatOtherExchangeCode, type OtherExchangeCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import type { OtherExchangeClass } from '../view-models/other-exchange-class.js';

/**
 * Every held issuer whose returns list a class under the code (one, but for a code that moved between issuers),
 * by HKEX code. Throws AppError('bad-input') saying what the code is where none does.
 */
export async function findOtherExchangeClasses(
  store: FilingStore,
  code: OtherExchangeCode,
): Promise<[OtherExchangeClass, ...OtherExchangeClass[]]> {
  const found: OtherExchangeClass[] = [];
  const written = formatOtherExchangeCode(code);
  for (const issuer of await store.findByOtherExchangeCode(code)) {
    // A damaged latest month leaves the class unnamed, never the issuer unfound.
    const latest = await store.latest(issuer.stockCode).catch((error: unknown) => {
      if (isAppError(error, 'store-corrupt')) return null;
      throw error;
    });
    const classes = latest?.monthlyReturn.issuedShares.classes ?? [];
    const shareClass = classes.find(
      (c) => c.otherExchangeCode && formatOtherExchangeCode(c.otherExchangeCode) === written,
    );
    found.push({ code, stockCode: issuer.stockCode, issuerName: issuer.issuerName, shareClass: shareClass ?? null });
  }
  const [first, ...rest] = found;
  if (!first) throw new AppError('bad-input', notAStockCode(code.stockCode), { word: code.stockCode });
  return [first, ...rest];
}
