/**
 * Where each part of the pre-2021 form starts, found by its heading. Parts do not keep to pages (a filer's long
 * table pushes the next part down), so a part runs from its heading to the next heading found.
 */
import { type Line, lineAt, type PlacedItem } from '../layout/lines.js';
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

/** Headings in the order the template prints them. Optional letters cover filers who number the III tables. */
const HEADINGS: readonly { readonly key: SectionKey; readonly pattern: RegExp }[] = [
  { key: 'authorised', pattern: /^I\.?\s*Movements in (Authorised|Registered)/i },
  { key: 'issued', pattern: /^II\.?\s*Movements in Issued/i },
  { key: 'shareOptions', pattern: /^(\(?[A-E]\)?\.?\s*)?Share Options\b/i },
  { key: 'warrants', pattern: /^(\(?[A-E]\)?\.?\s*)?Warrants to Issue/i },
  { key: 'convertibles', pattern: /^(\(?[A-E]\)?\.?\s*)?Convertibles\b/i },
  { key: 'otherArrangements', pattern: /^(\(?[A-E]\)?\.?\s*)?Any other Agreements/i },
  { key: 'otherMovements', pattern: /^(\(?[A-E]\)?\.?\s*)?Other Movements in Issued/i },
  { key: 'grandTotals', pattern: /^Total increase\s*\/\s*\(?decrease\)? in ordinary/i },
  { key: 'remarks', pattern: /^Remarks\b/i },
  { key: 'submission', pattern: /^Submitted by\b/i },
];

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

export function findSections(items: readonly PlacedItem[]): Sections {
  const lines = groupLines(items);
  const starts: { key: SectionKey; pos: number }[] = [{ key: 'header', pos: Number.NEGATIVE_INFINITY }];
  let searchFrom = 0;
  for (const heading of HEADINGS) {
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
