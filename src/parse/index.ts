/**
 * Extracted pages -> MonthlyReturn. Detects which form and version a document is, dispatches to that form's
 * reader, validates the result once with zod, and runs the arithmetic checks.
 */
import { AppError } from '../domain/errors.js';
import type { ExtractedDocument } from '../domain/extracted-document.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';

/** Bumped whenever a change to the parser can change what it reads from a filing. */
export const PARSER_VERSION = '0.1.0';

export function parseMonthlyReturn(_doc: ExtractedDocument, fileName = 'the file'): ParsedFiling {
  throw new AppError('not-a-monthly-return', `${fileName}: the parser is not written yet`, { fileName });
}
