/** The pre-July-2021 form ("Monthly Return of Equity Issuer on Movements in Securities", a Word template). */
import { AppError } from '../../domain/errors.js';
import type { ExtractedDocument } from '../../domain/extracted-document.js';
import type { MonthlyReturn } from '../../domain/monthly-return.js';

export function readLegacyReturn(_doc: ExtractedDocument, fileName: string): MonthlyReturn {
  throw new AppError('not-a-monthly-return', `${fileName}: the pre-2021 form is not supported yet`, { fileName });
}
