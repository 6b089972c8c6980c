/**
 * Part II, "Movements in Issued Share Capital": one table with a column per slot (ordinary shares (1) and (2),
 * preference shares, other classes). A column holding only "N/A" is a slot the issuer does not use.
 */
import type { Movement } from '../../domain/monthly-return.js';
import { parseCellShareCount } from './cell-values.js';
import { findColumns } from './columns.js';
import type { BalanceRow, LegacyLabels } from './labels.js';
import type { ParseNotes } from './parse-notes.js';
import { cellText, readRows } from './rows.js';
import type { Section } from './sections.js';
import type { ShareSlot } from './share-slots.js';

export interface IssuedColumn {
  readonly slot: ShareSlot;
  readonly issuedShares: Movement;
}

export interface IssuedTable {
  readonly title: string;
  readonly columns: IssuedColumn[];
}

export function readIssuedTable(section: Section | undefined, notes: ParseNotes, labels: LegacyLabels): IssuedTable {
  const { defaultTitle, columns: columnRules, rows: rowRules } = labels.issued;
  if (!section) {
    notes.missing('II', 'Part II (Movements in Issued Share Capital) was not found');
    return { title: defaultTitle, columns: [] };
  }
  const [titleLine, ...lines] = section.lines;
  const title = titleLine?.text ?? defaultTitle;
  const firstRow = lines.find((line) => rowRules[0]?.label.test(line.text));
  const end = lines.find((line) => /^III\.?\s/i.test(line.text))?.pos ?? section.to;
  const headingItems = section.items.filter(
    (item) => item.pos > (titleLine?.pos ?? section.from) + 1 && item.pos < (firstRow?.pos ?? end) - 2,
  );
  const columns = findColumns(headingItems, columnRules);
  if (columns.length === 0) notes.uncertain('II', null, 'Part II: the column headings were not found');
  const rows = readRows(lines, section.items, rowRules, columns, end);

  const result: IssuedColumn[] = [];
  for (const column of columns) {
    const value = (row: BalanceRow) => {
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
