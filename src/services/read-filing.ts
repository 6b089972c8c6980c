import type { ParsedFiling } from '../domain/parsed-filing.js';
import { parseMonthlyReturn } from '../parse/index.js';
import { type ExtractLimits, extractText } from '../pdf/extract-text.js';

/** PDF bytes -> a parsed, checked monthly return. Throws AppError for anything that is not one. */
export async function readFiling(
  bytes: Uint8Array,
  options: { fileName: string; limits?: ExtractLimits },
): Promise<ParsedFiling> {
  const doc = await extractText(bytes, options.limits, options.fileName);
  return parseMonthlyReturn(doc, options.fileName);
}
