/** Part V, "Confirmations": who submitted the return, and their title. */

import { lineAt } from '../layout/lines.js';
import { textAfter } from './labelled-line.js';
import type { LineRange, ReadingContext } from './reading.js';

export interface Signatory {
  readonly submittedBy: string | null;
  readonly title: string | null;
}

export function readSignatory(context: ReadingContext, range: LineRange): Signatory {
  const { signatory } = context.labels;
  let submittedBy: string | null = null;
  let title: string | null = null;
  for (let index = range.start; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    submittedBy ??= nonEmpty(textAfter(line, signatory.submittedBy));
    title ??= nonEmpty(textAfter(line, signatory.title));
  }
  return { submittedBy, title };
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
