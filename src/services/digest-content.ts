/**
 * Reads what a digest needs from the store: for each watched code, its return for the month and the latest one
 * before it; for a code with none for the month, its latest return, to name it.
 */
import { buildDigest } from '../digest/build-digest.js';
import { filingDeadline } from '../digest/filing-deadline.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import type { Digest } from '../view-models/digest.js';

export async function loadDigest(
  store: FilingStore,
  stockCodes: readonly StockCode[],
  month: ReportMonth,
  checkedOnHkexnews: readonly StockCode[] = [],
): Promise<Digest> {
  const sources = await Promise.all(
    stockCodes.map(async (stockCode) => {
      const [current, previous] = await Promise.all([
        store.forMonth(stockCode, month),
        store.previous(stockCode, month),
      ]);
      const latest = current ? null : await store.latest(stockCode);
      return { stockCode, current, previous, latest };
    }),
  );
  return buildDigest({ month, deadline: filingDeadline(month), sources, checkedOnHkexnews });
}
