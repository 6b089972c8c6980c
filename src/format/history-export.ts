/**
 * A history export as a file: CSV (one row per month and class, a header row first) or JSON (an array of the same
 * rows). The CSV is written by csv-stringify, which quotes a field only where RFC 4180 needs it (a comma, a quote, a
 * line break), so that a class or file name such as `Class "B", voting` reads back as written.
 */
import { stringify } from 'csv-stringify/sync';
import { describeMonthRange } from '../domain/month-range.js';
import { formatOtherExchangeCode } from '../domain/stock-code.js';
import type { HistoryExport, HistoryExportRow } from '../view-models/history-export.js';
import { escapeMrkdwn, SLACK_LIMITS, section, truncate } from './blocks.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';

/** The columns, in order, with the heading each has in the file. */
const COLUMNS = [
  ['month', 'month'],
  ['class', 'class'],
  ['stockCode', 'stock code'],
  ['otherExchangeCode', 'other exchange code'],
  ['preceding', 'preceding'],
  ['movement', 'movement'],
  ['closing', 'closing'],
  ['treasury', 'treasury'],
  ['total', 'total'],
  ['optionsOutstanding', 'options outstanding'],
  ['flags', 'flags'],
  ['dateSubmitted', 'submission date'],
  ['source', 'source'],
] as const satisfies readonly (readonly [keyof HistoryExportRow, string])[];

export const HISTORY_CSV_HEADINGS: readonly string[] = COLUMNS.map(([, heading]) => heading);

/** A blank cell is a figure the form leaves blank; flags are separated by semicolons within their cell. */
function cells(row: HistoryExportRow): (string | number)[] {
  const flags = row.resubmitted ? ['resubmission', ...row.flags] : row.flags;
  return COLUMNS.map(([key]) => {
    if (key === 'flags') return flags.join('; ');
    if (key === 'otherExchangeCode') return row.otherExchangeCode ? formatOtherExchangeCode(row.otherExchangeCode) : '';
    const value = row[key];
    return value === null ? '' : (value as string | number);
  });
}

export function renderHistoryCsv(history: Pick<HistoryExport, 'rows'>): string {
  return stringify([[...HISTORY_CSV_HEADINGS], ...history.rows.map(cells)], { record_delimiter: 'unix' });
}

export function renderHistoryJson(history: Pick<HistoryExport, 'rows'>): string {
  return JSON.stringify(history.rows, null, 2);
}

/** "00020_history_2024-01_2025-06.csv": the code and the months the file holds. */
export function historyFileName(history: HistoryExport, extension: 'csv' | 'json' | 'png'): string {
  const months = history.rows.map((row) => row.month);
  const first = months[0];
  const last = months.at(-1);
  const span = first && last ? `_${first}_${last}` : '';
  return `${history.stockCode}_history${span}.${extension}`;
}

/** The comment posted with the file: what it holds, in words a phone notification can show. */
export function renderHistoryExportNote(history: HistoryExport): SlackMessage {
  const months = new Set(history.rows.map((row) => row.month)).size;
  const span = history.range ? ` (${describeMonthRange(history.range)})` : '';
  const name = escapeMrkdwn(shortIssuerName(history.issuerName));
  const lines = [
    months === 0
      ? `${name} (${history.stockCode}): no month held${span}, so the file has only its headings.`
      : `${name} (${history.stockCode}) · issued shares by month${span}: ${months} month${months === 1 ? '' : 's'}, ${history.rows.length} rows, one per month and class.`,
  ];
  if (history.damagedMonths.length > 0) {
    lines.push(`:warning: Left out, damaged in the store: ${history.damagedMonths.join(', ')}.`);
  }
  const text = truncate(lines.join('\n'), SLACK_LIMITS.sectionText);
  return { text, blocks: [section(text)] };
}
