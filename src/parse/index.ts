/**
 * Extracted pages -> MonthlyReturn. Detects which form and version a document is, dispatches to that form's
 * reader, validates the result once with zod, and runs the arithmetic checks.
 */
import { AppError } from '../domain/errors.js';
import type { ExtractedDocument } from '../domain/extracted-document.js';
import type { Flag } from '../domain/flag.js';
import { type MonthlyReturn, MonthlyReturnSchema } from '../domain/monthly-return.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { checkMonthlyReturn } from './checks.js';
import { detectFormVersion } from './detect-form.js';
import { readFf301Return } from './ff301/index.js';
import { readLegacyFiling } from './legacy/index.js';

/** Bumped whenever a change to the parser can change what it reads from a filing. */
export const PARSER_VERSION = '1.1.0';

export { checkMonthlyReturn } from './checks.js';
export { detectFormVersion, type FormDetection } from './detect-form.js';

export function parseMonthlyReturn(doc: ExtractedDocument, fileName = 'the file'): ParsedFiling {
  const form = detectFormVersion(doc, fileName);
  let read: MonthlyReturn;
  let readerFlags: readonly Flag[] = [];
  if (form.kind === 'FF301') {
    const reading = readFf301Return(doc, form);
    read = reading.monthlyReturn;
    readerFlags = reading.flags;
  } else {
    const reading = readLegacyFiling(doc, fileName, form.language);
    read = reading.monthlyReturn;
    readerFlags = reading.flags;
  }
  const monthlyReturn = validate(read, fileName);
  return { monthlyReturn, flags: [...readerFlags, ...checkMonthlyReturn(monthlyReturn)] };
}

function validate(candidate: MonthlyReturn, fileName: string): MonthlyReturn {
  const result = MonthlyReturnSchema.safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '(unknown)';
  const value = issue ? valueAt(candidate, issue.path) : undefined;
  throw new AppError(
    'unreadable-filing',
    `${fileName} could not be read as a monthly return: ${field} ${describeValue(value)} (${issue?.message ?? 'invalid'})`,
    { fileName, field },
    { cause: result.error },
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === '' || value === undefined) return 'is missing';
  return `is ${JSON.stringify(value)}`;
}
