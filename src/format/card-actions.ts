/**
 * The buttons' ids and values, shared by the renderers that draw the buttons and the listeners that answer them.
 * A value names a return by stock code and month ("00020:2023-11"), never by an id that a resubmission would change.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import { normaliseStockCode, type StockCode } from '../domain/stock-code.js';

export const CARD_ACTIONS = {
  history: 'shares_history',
  chart: 'shares_chart',
  previousMonth: 'shares_previous_month',
  postToChannel: 'shares_post_to_channel',
  showAll: 'shares_show_all',
} as const;

export interface ReturnRef {
  readonly stockCode: StockCode;
  readonly month: ReportMonth;
}

export function encodeReturnRef(ref: ReturnRef): string {
  return `${ref.stockCode}:${ref.month}`;
}

/** Null for a value this app did not write. */
export function decodeReturnRef(value: string | undefined): ReturnRef | null {
  const match = /^(\d{5}):(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(value ?? '');
  const stockCode = match?.[1] ? normaliseStockCode(match[1]) : null;
  return stockCode && match?.[2] ? { stockCode, month: match[2] } : null;
}
