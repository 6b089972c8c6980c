import { AppError, isAppError } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { detectFormVersion, parseMonthlyReturn } from '../parse/index.js';
import { type ExtractLimits, extractText } from '../pdf/extract-text.js';

/**
 * PDF bytes -> a parsed, checked monthly return. Throws AppError for anything that is not one. Whether the document
 * is a monthly return is decided from its first pages, before the rest is read: an error met after that carries
 * `facts.form` (the form found), so that a caller can tell "a return it could not read" from "not a return".
 */
export async function readFiling(
  bytes: Uint8Array,
  options: { fileName: string; limits?: ExtractLimits },
): Promise<ParsedFiling> {
  let form: string | null = null;
  try {
    const doc = await extractText(bytes, options.limits, options.fileName, {
      inspectFirstPages: (firstPages) => {
        form = detectFormVersion(firstPages, options.fileName).kind;
      },
    });
    return parseMonthlyReturn(doc, options.fileName);
  } catch (error) {
    if (form === null || !isAppError(error)) throw error;
    throw new AppError(error.code, error.message, { ...error.facts, form }, { cause: error.cause });
  }
}

/** Whether an error of readFiling came after the first pages showed a monthly return. */
export function isErrorOfMonthlyReturn(error: unknown): boolean {
  return isAppError(error) && typeof error.facts.form === 'string';
}
