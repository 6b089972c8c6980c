/**
 * What a resubmission changed, as the card shows it: one line per field, "where: was → now", in the form's order,
 * and the filer's remarks that are new or changed, quoted (the resubmission's reason is usually there).
 */
import { type FieldChange, type FieldValue, isRemarkChange } from '../domain/compare-submissions.js';
import { escapeMrkdwn, fitLines, truncate } from './blocks.js';
import { formatCount, formatDecimal } from './figures.js';

const MAX_CHANGE_LINES = 12;
const REMARK_LENGTH = 600;

function valueText(value: FieldValue): string {
  if (value === null) return '–';
  if (typeof value === 'number') return formatCount(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return /^-?\d+(\.\d+)?$/.test(value) ? formatDecimal(value) : truncate(value.replace(/\s+/g, ' ').trim(), 80);
}

/** ["III", "(A)", "Scheme", "Exercised"] -> "III(A) · Scheme · Exercised". */
export function describeWhere(where: readonly string[]): string {
  return where.join(' · ').replace(/\bIII · \(/g, 'III(');
}

/** "II · Ordinary shares · issued shares · closing: 860,300,000 → 860,320,000". */
export function describeFieldChange(change: FieldChange): string {
  return `${describeWhere(change.where)}: ${valueText(change.was)} → ${valueText(change.now)}`;
}

/** The card's "What changed" section, or null when the two submissions hold the same figures. */
export function renderSubmissionChanges(
  changes: readonly FieldChange[],
  earlierSubmitted: string | null,
): string | null {
  if (changes.length === 0) return null;
  const fields = changes.filter((c) => !isRemarkChange(c));
  const remarks = changes.filter((c) => isRemarkChange(c) && typeof c.now === 'string');
  const title = `*What changed* from the submission of ${earlierSubmitted ?? 'an unprinted date'} (was → now):`;
  const lines = fields.map((c) => `• ${escapeMrkdwn(describeFieldChange(c))}`);
  const text =
    lines.length > 0 ? fitLines(title, lines, MAX_CHANGE_LINES, 'more changes (Show all has the whole return)') : title;
  const quoted = remarks.map((c) => {
    const where = c.where.length > 1 ? ` (${describeWhere(c.where.slice(0, -1))})` : '';
    return `Filer's remark${where}: “${escapeMrkdwn(truncate(String(c.now).replace(/\s+/g, ' ').trim(), REMARK_LENGTH))}”`;
  });
  return [text, ...quoted].join('\n');
}
