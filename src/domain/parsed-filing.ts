import type { Flag } from './flag.js';
import type { MonthlyReturn } from './monthly-return.js';

/** What the parser makes of one filing: the return as printed, and what the checks found in it. */
export interface ParsedFiling {
  readonly monthlyReturn: MonthlyReturn;
  readonly flags: readonly Flag[];
}
