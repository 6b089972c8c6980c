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
