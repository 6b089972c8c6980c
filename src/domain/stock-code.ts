import { z } from 'zod';

/** An HKEX stock code, always five digits ("00020"); forms and users also write "20", "0020" or "1149". */
export const StockCodeSchema = z.string().regex(/^\d{5}$/, 'expected a five-digit stock code such as 00020');
export type StockCode = z.infer<typeof StockCodeSchema>;

/** Normalises "20", "0020", "00020" to "00020"; returns null for anything that is not one to five digits. */
export function normaliseStockCode(input: string): StockCode | null {
  const trimmed = input.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const code = trimmed.padStart(5, '0');
  return code === '00000' ? null : code;
}

/** How people write a code in a message: "5", "00005", "5.HK", "HK0005", "0005.hk". */
const WRITTEN_CODE = /^(?:hk)?(\d+)(?:\.hk)?$/i;

/** True for a word written as a stock code, valid or not ("000020" is one, too long): never a name to search. */
export function looksLikeStockCode(word: string): boolean {
  return WRITTEN_CODE.test(word.trim());
}

/** "5.HK", "HK0005", "0005", "00005" -> "00005"; null for a word that is not a valid code. */
export function readStockCode(word: string): StockCode | null {
  const digits = WRITTEN_CODE.exec(word.trim())?.[1];
  return digits === undefined ? null : normaliseStockCode(digits);
}

/**
 * The mainland exchanges whose codes an A+H issuer prints for its A (and B) shares: six digits, never an HKEX code.
 * SSE: Shanghai Stock Exchange; SZSE: Shenzhen Stock Exchange.
 */
export const OtherExchangeSchema = z.enum(['SSE', 'SZSE']);
export type OtherExchange = z.infer<typeof OtherExchangeSchema>;

/** A class's code on another exchange, as printed in its "Stock code" cell: "SSE 600036", "SZSE 000333". */
export const OtherExchangeCodeSchema = z.object({
  exchange: OtherExchangeSchema,
  /** Six digits, as printed: never padded, never shortened. */
  stockCode: z.string().regex(/^\d{6}$/, 'expected a six-digit code such as 600036'),
});
export type OtherExchangeCode = z.infer<typeof OtherExchangeCodeSchema>;

export const OTHER_EXCHANGE_NAMES: Readonly<Record<OtherExchange, string>> = {
  SSE: 'Shanghai Stock Exchange',
  SZSE: 'Shenzhen Stock Exchange',
};

/**
 * The exchange a six-digit code belongs to by its first digit, as the two exchanges number their listings:
 * Shanghai 6xxxxx (A shares, STAR Market 688xxx) and 9xxxxx (B shares); Shenzhen 0xxxxx (A shares), 2xxxxx
 * (B shares) and 3xxxxx (ChiNext). Null for anything else (Beijing's 8xxxxx / 4xxxxx, or not six digits).
 */
export function exchangeOfSixDigitCode(code: string): OtherExchange | null {
  if (!/^\d{6}$/.test(code)) return null;
  const first = code[0];
  if (first === '6' || first === '9') return 'SSE';
  if (first === '0' || first === '2' || first === '3') return 'SZSE';
  return null;
}

/** "Shanghai Stock Exchange", "SSE", "上海證券交易所" -> SSE; null for an exchange not known here. */
export function readExchangeName(text: string): OtherExchange | null {
  const words = text.trim();
  if (/^SSE$|Shanghai|上海/i.test(words)) return 'SSE';
  if (/^SZSE$|Shenzhen|深圳/i.test(words)) return 'SZSE';
  return null;
}

/** "SSE 600036". */
export function formatOtherExchangeCode(code: OtherExchangeCode): string {
  return `${code.exchange} ${code.stockCode}`;
}
