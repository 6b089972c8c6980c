/**
 * "Remarks:" (備註) blocks, which may follow any table. The text is kept as printed, one line per printed line.
 */

import { type Line, lineAt } from '../layout/lines.js';
import { startsWith, textAfter } from './labelled-line.js';
import type { LineRange, ReadingContext } from './reading.js';

export function isRemarksLine(context: ReadingContext, line: Line): boolean {
  return startsWith(line, context.labels.remarks);
}

/** The remarks that start at `start` and run to the end of the range (or to the first line `stop` accepts). */
export function readRemarks(
  context: ReadingContext,
  range: LineRange,
  start: number,
  stop: (line: Line) => boolean = () => false,
): { text: string | null; end: number } {
  const parts: string[] = [];
  const first = textAfter(lineAt(range.lines, start), context.labels.remarks);
  if (first) parts.push(first);
  let index = start + 1;
  for (; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    if (stop(line)) break;
    parts.push(line.text);
  }
  return { text: parts.length > 0 ? parts.join('\n') : null, end: index };
}

/** Several remarks blocks in one part are kept in order, separated by a blank line. */
export function appendRemarks(existing: string | null, more: string | null): string | null {
  if (more === null) return existing;
  return existing === null ? more : `${existing}\n\n${more}`;
}
