/** A six-digit code asked for, and the class of a held HKEX issuer that carries it (its A shares: SSE 601338). */
import type { ShareClass } from '../domain/monthly-return.js';
import type { OtherExchangeCode, StockCode } from '../domain/stock-code.js';

export interface OtherExchangeClass {
  readonly code: OtherExchangeCode;
  /** The HKEX code the issuer's returns are filed under. */
  readonly stockCode: StockCode;
  readonly issuerName: string;
  /** The class as the latest return held prints it; null where only an earlier month lists the code. */
  readonly shareClass: ShareClass | null;
}
