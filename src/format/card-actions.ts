/**
 * The buttons' ids and values, shared by the renderers that draw the buttons and the listeners that answer them.
 * A value names a return by stock code and month ("00020:2023-11"), never by an id that a resubmission would change;
 * the Post to channel button of an answer that is not a card carries the `/shares` words that ask for it again
 * ("00020 history 2024-01..2025-06", "list", "holdings"), read back by the one grammar.
 */
import type { MonthRange } from '../domain/month-range.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import { normaliseStockCode, type StockCode } from '../domain/stock-code.js';
import type { ActionsBlock } from './block-kit.js';
import { actions, button } from './blocks.js';

export const CARD_ACTIONS = {
  history: 'shares_history',
  chart: 'shares_chart',
  previousMonth: 'shares_previous_month',
  postToChannel: 'shares_post_to_channel',
  postAnswer: 'shares_post_answer',
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

/** The words of `/shares CODE history [range]`. */
export function historyCommandText(stockCode: StockCode, range: MonthRange | null): string {
  return range ? `${stockCode} history ${range.since ?? ''}..${range.until ?? ''}` : `${stockCode} history`;
}

/** The Post to channel button of an answer that the words `command` ask for. */
export function postAnswerActions(command: string): ActionsBlock {
  return actions('post-answer', [button('Post to channel', CARD_ACTIONS.postAnswer, command, 'primary')]);
}
