/**
 * `/shares 00020 history`: issued shares month by month, one row per class and month, in a Block Kit table (one
 * table per message, at most 100 rows, non-empty cells), with the same figures as plain lines in `text` for
 * notifications and clients that do not draw tables.
 */

import { describeMonthRange } from '../domain/month-range.js';
import type { HistoryClassRow, HistoryMonth, ShareHistory } from '../view-models/share-history.js';
import type { KnownBlock, RawTextElement, TableBlock } from './block-kit.js';
import { context, escapeMrkdwn, header, SLACK_LIMITS, truncate } from './blocks.js';
import { historyCommandText, postAnswerActions } from './card-actions.js';
import { withOtherExchangeCode } from './class-label.js';
import { formatChange, formatComparedWith, formatCount, formatShortMonth } from './figures.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';

const TABLE_ROWS = 100;

function cell(text: string): RawTextElement {
  return { type: 'raw_text', text: text.length > 0 ? text : '–' };
}

function notes(month: HistoryMonth, row?: HistoryClassRow): string {
  const parts: string[] = [];
  if (row?.change != null && row.comparedWith.kind === 'preceding-balance')
    parts.push(formatComparedWith(row.comparedWith));
  if (month.resubmitted) parts.push('resubmitted');
  if (month.flagCount > 0) parts.push(`${month.flagCount} flag${month.flagCount === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function changeOf(change: number | null): string {
  return change === null ? '–' : formatChange(change);
}

/** Treasury and total columns appear where a month shown is on a form that has them (v1.1+). */
function hasTreasuryColumns(history: ShareHistory): boolean {
  return history.months.some((month) => month.hasTreasuryColumns);
}

/**
 * The table's rows as text, the heading first: one row per class and month, newest first, as many months as fit in
 * `maxRows` rows (a month is never split).
 */
export function historyTableRows(
  history: ShareHistory,
  maxRows = Number.POSITIVE_INFINITY,
): { rows: string[][]; monthsShown: number; treasury: boolean } {
  const treasury = hasTreasuryColumns(history);
  const rows = [['Month', 'Class', 'Issued', 'Change', ...(treasury ? ['Treasury', 'Total'] : []), 'Notes']];
  let monthsShown = 0;
  for (const month of history.months) {
    if (rows.length + month.classes.length > maxRows) break;
    for (const row of month.classes) {
      rows.push([
        formatShortMonth(month.month),
        truncate(withOtherExchangeCode(row.label, row.otherExchangeCode), 40),
        formatCount(row.issued),
        changeOf(row.change),
        ...(treasury ? [formatCount(row.treasury), formatCount(row.total)] : []),
        notes(month, row),
      ]);
    }
    monthsShown++;
  }
  return { rows, monthsShown, treasury };
}

function table(history: ShareHistory): { block: TableBlock; monthsShown: number } {
  const { rows, monthsShown, treasury } = historyTableRows(history, TABLE_ROWS);
  const right = { align: 'right' } as const;
  return {
    block: {
      type: 'table',
      rows: rows.map((row) => row.map(cell)),
      column_settings: [
        { align: 'left' },
        { align: 'left', is_wrapped: true },
        right,
        right,
        ...(treasury ? [right, right] : []),
      ],
    },
    monthsShown,
  };
}

function fallbackLines(history: ShareHistory): string {
  const single = history.months.every((m) => m.classes.length === 1);
  const lines = history.months.map((month) => {
    const figures = month.classes.map((row) => {
      const label = single ? '' : `${escapeMrkdwn(withOtherExchangeCode(row.label, row.otherExchangeCode))} `;
      const against = row.change !== null && row.comparedWith.kind === 'preceding-balance' ? ' in the month' : '';
      const treasury = row.treasury === null ? '' : `, treasury ${formatCount(row.treasury)}`;
      const total = row.total === null ? '' : `, total ${formatCount(row.total)}`;
      return `${label}${formatCount(row.issued)} (${changeOf(row.change)}${against}${treasury}${total})`;
    });
    const note = notes(month);
    return `${formatShortMonth(month.month)}: ${figures.join('; ')}${note ? ` [${note}]` : ''}`;
  });
  return lines.join('\n');
}

function damagedNote(history: ShareHistory): string | null {
  const months = history.damagedMonths;
  if (months.length === 0) return null;
  const named = months.map(formatShortMonth).join(', ');
  const them = months.length === 1 ? 'its filing' : 'their filings';
  return `:warning: ${named} could not be read from the store (damaged) and ${months.length === 1 ? 'is' : 'are'} left out; share ${them} again to restore ${months.length === 1 ? 'it' : 'them'}.`;
}

export function renderShareHistory(history: ShareHistory, options: { postToChannel?: boolean } = {}): SlackMessage {
  const span = history.range ? `, ${describeMonthRange(history.range)}` : '';
  const titleOf = (name: string) => `${name} (${history.stockCode}) · issued shares by month${span}`;
  const title = titleOf(shortIssuerName(history.issuerName));
  const { block, monthsShown } = table(history);
  const left = history.months.length - monthsShown + history.olderMonthsHeld;
  const blocks: KnownBlock[] = [
    header(title),
    context(
      'Change is against the month held before, or the preceding balance the return prints where none is held; issued shares exclude treasury shares.',
    ),
  ];
  // A table is the last block of a message: the count of months left out goes above it.
  if (left > 0) blocks.push(context(`+${left} earlier months held`));
  if (history.months.length === 0 && history.range) {
    blocks.push(context(`No month held ${describeMonthRange(history.range)}.`));
  }
  if (options.postToChannel) blocks.push(postAnswerActions(historyCommandText(history.stockCode, history.range)));
  blocks.push(block);
  const damaged = damagedNote(history);
  if (damaged) blocks.push(context(damaged));
  // The header is plain text; `text` is read as mrkdwn, so the issuer's name is escaped there as in any block.
  const text = truncate(
    `${titleOf(escapeMrkdwn(shortIssuerName(history.issuerName)))}\n${fallbackLines(history)}${damaged ? `\n${damaged}` : ''}`,
    SLACK_LIMITS.fallbackText,
  );
  return { text, blocks };
}
