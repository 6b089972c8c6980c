/**
 * Where each part of the pre-2021 form starts, found by its heading. Parts do not keep to pages (a filer's long
 * table pushes the next part down), so a part runs from its heading to the next heading found.
 */
import { type Line, lineAt, type PlacedItem } from '../layout/lines.js';
import type { LegacyLabels } from './labels.js';
import { groupLines } from './layout.js';

export type SectionKey =
  | 'header'
  | 'authorised'
  | 'issued'
  | 'shareOptions'
  | 'warrants'
  | 'convertibles'
  | 'otherArrangements'
  | 'otherMovements'
  | 'grandTotals'
  | 'remarks'
  | 'submission';

/**
 * A part starts a little above its heading: the grand totals print their first figure a few points higher than
 * the sentence it belongs to.
 */
const HEADING_LEAD = 6;

export interface Section {
  readonly key: SectionKey;
  readonly from: number;
  readonly to: number;
  readonly items: readonly PlacedItem[];
  readonly lines: readonly Line[];
}

export type Sections = ReadonlyMap<SectionKey, Section>;

/** Headings are the language's (labels.ts), in the template's order; optional letters cover filers who number III. */
export function findSections(items: readonly PlacedItem[], labels: LegacyLabels): Sections {
  const lines = groupLines(items);
  const starts: { key: SectionKey; pos: number }[] = [{ key: 'header', pos: Number.NEGATIVE_INFINITY }];
  let searchFrom = 0;
  for (const heading of labels.headings) {
    const index = lines.findIndex((line, i) => i >= searchFrom && heading.pattern.test(line.text));
    if (index < 0) continue;
    starts.push({ key: heading.key, pos: lineAt(lines, index).pos - HEADING_LEAD });
    searchFrom = index + 1;
  }
  const sections = new Map<SectionKey, Section>();
  starts.forEach((start, i) => {
    const to = starts[i + 1]?.pos ?? Number.POSITIVE_INFINITY;
    const sectionItems = items.filter((item) => item.pos >= start.pos && item.pos < to);
    sections.set(start.key, {
      key: start.key,
      from: start.pos,
      to,
      items: sectionItems,
      lines: groupLines(sectionItems),
    });
  });
  return sections;
}
