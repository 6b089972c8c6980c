/**
 * Page 1 above part I: the form's title, "For the month ended", "Status", "Name of Issuer", "Date Submitted".
 */
import type { SubmissionStatus } from '../../domain/monthly-return.js';
import { parseFormDate } from '../dates.js';
import { joinTextLines, lineAt } from '../layout/lines.js';
import { readLabelledLine, startsWith } from './labelled-line.js';
import { isNextWrappedLine, type LineRange, noteUncertain, type ReadingContext } from './reading.js';

export interface Ff301Header {
  readonly title: string;
  readonly monthEnded: string | null;
  readonly status: SubmissionStatus | null;
  readonly issuerName: string;
  readonly dateSubmitted: string | null;
}

const SECTION = 'header';

export function readHeader(context: ReadingContext, range: LineRange): Ff301Header {
  const { header } = context.labels;
  const lines = range.lines.slice(range.start, range.end);
  const titleStart = lines.findIndex((line) => context.labels.title.test(line.text));
  const titleLines: string[] = [];
  for (let index = Math.max(titleStart, 0); index < lines.length; index++) {
    const line = lineAt(lines, index);
    if (startsWith(line, header.monthEnded) || startsWith(line, header.issuerName)) break;
    titleLines.push(line.text);
  }

  let monthEnded: string | null = null;
  let status: SubmissionStatus | null = null;
  let issuerName = '';
  let dateSubmitted: string | null = null;
  lines.forEach((line, index) => {
    const values = readLabelledLine(line, {
      monthEnded: header.monthEnded,
      status: header.status,
      issuerName: header.issuerName,
      dateSubmitted: header.dateSubmitted,
    });
    if (values.monthEnded) monthEnded = readDate(context, values.monthEnded.text, 'month ended');
    if (values.dateSubmitted) dateSubmitted = readDate(context, values.dateSubmitted.text, 'date submitted');
    if (values.status) {
      const text = values.status.text;
      status = context.labels.statuses.find(([pattern]) => pattern.test(text))?.[1] ?? null;
      if (status === null) noteUncertain(context, SECTION, null, `status "${text}" is not one the form offers`);
    }
    if (values.issuerName) {
      const parts = [values.issuerName.text];
      const column = values.issuerName.words[0]?.x0 ?? values.issuerName.labelEnd;
      // A long name wraps under itself.
      for (let next = index + 1; next < lines.length; next++) {
        const candidate = lineAt(lines, next);
        const previous = lineAt(lines, next - 1);
        if (!isNextWrappedLine(previous, candidate) || candidate.words.some((word) => word.x0 < column - 2)) break;
        parts.push(candidate.text);
      }
      issuerName = joinTextLines(parts);
    }
  });
  return { title: joinTextLines(titleLines), monthEnded, status, issuerName, dateSubmitted };
}

function readDate(context: ReadingContext, text: string, name: string): string | null {
  const date = parseFormDate(text);
  if (date === undefined) {
    noteUncertain(context, SECTION, null, `${name} "${text}" is not a date`);
    return null;
  }
  return date;
}
