/**
 * Page 1 of the pre-2021 form (title, month, issuer, date submitted) and its last page (remarks, who submitted).
 * The form has no submission status: a resubmission is only a later "Date Submitted" for the same month.
 */
import { AppError } from '../../domain/errors.js';
import { type Line, lineAt } from '../layout/lines.js';
import { parseDate } from './cell-values.js';
import type { LegacyLabels } from './labels.js';
import { tidy } from './layout.js';
import type { Section } from './sections.js';

export interface LegacyHeader {
  readonly title: string;
  readonly issuerName: string;
  readonly monthEnded: string;
  readonly dateSubmitted: string | null;
}

export function readHeader(header: Section, fileName: string, labels: LegacyLabels): LegacyHeader {
  const lines = header.lines;
  const titleLine = lines.find((line) => labels.title.test(line.text));
  if (!titleLine) {
    throw new AppError('not-a-monthly-return', `${fileName}: no "Monthly Return of Equity Issuer" title on page 1`, {
      fileName,
    });
  }
  // The Chinese title is over-printed (set several times for bold): the title is the words once.
  const title = labels.title.exec(titleLine.text)?.[0] ?? titleLine.text;

  const monthText = textAfter(lines, labels.header.monthEnded, 2).replace(/\(dd\/mm\/yyyy\)/i, '');
  const monthEnded = parseDate(monthText);
  if (!monthEnded) {
    throw new AppError('unreadable-filing', `${fileName}: no readable "For the month ended" date on page 1`, {
      fileName,
      field: 'monthEnded',
      printed: monthText,
    });
  }
  const issuerName = textAfter(lines, labels.header.issuerName, 0);
  if (!issuerName) {
    throw new AppError('unreadable-filing', `${fileName}: no "Name of Issuer" on page 1`, { fileName });
  }
  const dateSubmitted = parseDate(textAfter(lines, labels.header.dateSubmitted, 1)) ?? null;
  return { title, issuerName, monthEnded, dateSubmitted };
}

/**
 * The text that follows a label on its line; where the line holds nothing more, the next `extraLines` lines (filers
 * and extractors break "For the month ended / (dd/mm/yyyy) :  31/12/2020" over two lines).
 */
function textAfter(lines: readonly Line[], label: RegExp, extraLines: number): string {
  const index = lines.findIndex((line) => label.test(line.text));
  if (index < 0) return '';
  const line = lineAt(lines, index);
  const match = label.exec(line.text);
  const rest = tidy(line.text.slice((match?.index ?? 0) + (match?.[0].length ?? 0)).replace(/^\s*:\s*/, ''));
  if (rest.replace(/\(dd\/mm\/yyyy\)\s*:?/i, '').trim() !== '' || extraLines === 0) return rest;
  const following = lines.slice(index + 1, index + 1 + extraLines).map((next) => next.text);
  return tidy([rest, ...following].join(' '));
}

export interface Submission {
  readonly submittedBy: string | null;
  readonly submittedByTitle: string | null;
}

export function readSubmission(section: Section | undefined, labels: LegacyLabels): Submission {
  if (!section) return { submittedBy: null, submittedByTitle: null };
  return {
    submittedBy: cleanSignature(textAfter(section.lines, labels.header.submittedBy, 0)),
    submittedByTitle: cleanSignature(textAfter(section.lines, labels.header.submittedByTitle, 0)),
  };
}

/** "____Tricor Standard Limited_________" -> "Tricor Standard Limited". */
function cleanSignature(text: string): string | null {
  const cleaned = tidy(text.replace(/_+/g, ' '));
  return cleaned === '' ? null : cleaned;
}

/** The filer's remarks under "Remarks (if any):", one line each as printed; null where there are none. */
export function readRemarks(section: Section | undefined, labels: LegacyLabels): string | null {
  if (!section) return null;
  const [first, ...rest] = section.lines;
  if (!first) return null;
  const afterLabel = first.text.replace(labels.header.remarks, '').trim();
  const lines = [afterLabel, ...rest.map((line) => line.text)].map(tidy).filter((text) => text !== '');
  return lines.length > 0 ? lines.join('\n') : null;
}
