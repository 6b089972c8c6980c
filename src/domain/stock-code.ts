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
