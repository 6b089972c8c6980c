/**
 * Part II, "Movements in Issued Share Capital": one table with a column per slot (ordinary shares (1) and (2),
 * preference shares, other classes). A column holding only "N/A" is a slot the issuer does not use.
 */
import type { Movement } from '../../domain/monthly-return.js';
import { parseCellShareCount } from './cell-values.js';
import { type ColumnRules, findColumns } from './columns.js';
import type { ParseNotes } from './parse-notes.js';
import { cellText, type RowRule, readRows } from './rows.js';
import type { Section } from './sections.js';
import type { ShareSlot } from './share-slots.js';

const COLUMNS: ColumnRules<ShareSlot> = [
  { key: 'ordinary2', pattern: /\(2\)/ },
  { key: 'ordinary1', pattern: /ordinary|\(1\)/i },
  { key: 'preference', pattern: /preference/i },
  { key: 'other', pattern: /other/i },
];

type IssuedRow = 'preceding' | 'movement' | 'closing';
const ROWS: readonly RowRule<IssuedRow>[] = [
  { key: 'preceding', label: /^Balance at close of/i },
  { key: 'movement', label: /^Increase\s*\/?\s*\(?decrease\)?/i },
  { key: 'closing', label: /^Balance at close of/i },
];

export interface IssuedColumn {
  readonly slot: ShareSlot;
  readonly issuedShares: Movement;
}

export interface IssuedTable {
  readonly title: string;
  readonly columns: IssuedColumn[];
}

export function readIssuedTable(section: Section | undefined, notes: ParseNotes): IssuedTable {
  if (!section) {
    notes.missing('II', 'Part II (Movements in Issued Share Capital) was not found');
    return { title: 'II. Movements in Issued Share Capital', columns: [] };
  }
  const [titleLine, ...lines] = section.lines;
  const title = titleLine?.text ?? 'II. Movements in Issued Share Capital';
  const firstRow = lines.find((line) => /^Balance at close of/i.test(line.text));
  const end = lines.find((line) => /^III\.?\s/i.test(line.text))?.pos ?? section.to;
  const headingItems = section.items.filter(
    (item) => item.pos > (titleLine?.pos ?? section.from) + 1 && item.pos < (firstRow?.pos ?? end) - 2,
  );
  const columns = findColumns(headingItems, COLUMNS);
  if (columns.length === 0) notes.uncertain('II', null, 'Part II: the column headings were not found');
  const rows = readRows(lines, section.items, ROWS, columns, end);

  const result: IssuedColumn[] = [];
  for (const column of columns) {
    const value = (row: IssuedRow) => {
      const text = cellText(rows.get(row), column.key);
      const parsed = parseCellShareCount(text);
      if (parsed === undefined) {
        notes.uncertain('II', column.heading, `Part II: "${text}" under "${column.heading}" is not a number of shares`);
        return null;
      }
      return parsed;
    };
    const issuedShares = { preceding: value('preceding'), movement: value('movement'), closing: value('closing') };
    const used = Object.values(issuedShares).some((figure) => figure !== null && figure !== 0);
    if (used) result.push({ slot: column.key, issuedShares });
  }
  return { title, columns: result };
}
