/**
 * What a fill of the watched codes from HKEXnews found for a month (services/watchlist-fill.ts), and the record of
 * it kept with its claim, which another process's scheduler, waking at the same time, takes instead of asking the
 * site again.
 */
import { z } from 'zod';
import { ReportMonthSchema } from './monthly-return.js';
import { StockCodeSchema } from './stock-code.js';

export const WatchlistFillSchema = z.object({
  month: ReportMonthSchema,
  /** Codes HKEXnews was asked about and answered for: a code among them still without a return has not filed. */
  checked: z.array(StockCodeSchema).readonly(),
  /** Codes whose return for the month was stored by this fill. */
  found: z.array(StockCodeSchema).readonly(),
  /** Codes the site could not be asked about, with why (not listed there, or the site failed). */
  problems: z.array(z.object({ stockCode: StockCodeSchema, message: z.string() }).readonly()).readonly(),
});
export type WatchlistFill = z.infer<typeof WatchlistFillSchema>;

export const KeptWatchlistFillSchema = z.object({
  /** When the fill ended, by the clock of the process that ran it. */
  filledAt: z.iso.datetime(),
  fill: WatchlistFillSchema,
});
export type KeptWatchlistFill = z.infer<typeof KeptWatchlistFillSchema>;
