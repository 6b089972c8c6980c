/**
 * One company's lines in a digest: each class's closing issued shares with its change in shares and percent, the
 * notable movements of part III and the flags, within one section.
 */
import type { ClassChange, FiledCompany, PendingCompany } from '../view-models/digest.js';
import type { NotableMovement } from '../view-models/notable-movement.js';
import { escapeMrkdwn, moreNote, takeWithRest } from './blocks.js';
import { formatChange, formatComparedWith, formatCount, formatShortMonth } from './figures.js';
import { shortIssuerName } from './filing-card.js';
import { flagIcon, mostSevereIcon } from './flag-icon.js';

const MAX_CLASSES = 6;
const MAX_MOVEMENTS = 5;
const MAX_FLAGS = 3;

/**
 * +5.00%, -0.08%, and for a change too small for two decimals "+<0.01%", its `<` escaped (`&lt;`), since every
 * digest line is mrkdwn, where a raw `<` opens a link; null when unknown.
 */
export function formatPercent(percent: number | null): string | null {
  if (percent === null) return null;
  if (percent === 0) return '0%';
  const sign = percent > 0 ? '+' : '-';
  const size = Math.abs(percent);
  return size < 0.005 ? `${sign}${escapeMrkdwn('<')}0.01%` : `${sign}${size.toFixed(2)}%`;
}

function classLine(change: ClassChange): string {
  const label = escapeMrkdwn(change.label);
  const figures = [formatChange(change.change), formatPercent(change.changePercent)].filter(Boolean).join(', ');
  const line = `${label}: *${formatCount(change.closing)}* (${figures} ${formatComparedWith(change.comparedWith)})`;
  if (change.treasuryClosing === null) return line;
  const treasuryMoved = change.treasuryChange !== null && change.treasuryChange !== 0;
  return `${line}; treasury ${formatCount(change.treasuryClosing)}${treasuryMoved ? ` (${formatChange(change.treasuryChange)})` : ''}`;
}

function movementLine(movement: NotableMovement): string {
  const effects = [
    movement.issuedChange ? `${formatChange(movement.issuedChange)} issued` : null,
    movement.treasuryChange ? `${formatChange(movement.treasuryChange)} treasury` : null,
  ].filter(Boolean);
  const rows = movement.rows > 1 ? ` (${movement.rows} entries)` : '';
  return `• ${escapeMrkdwn(movement.label)}: ${effects.join(', ')}${rows}`;
}

export function companyName(company: { stockCode: string; issuerName: string | null }): string {
  return company.issuerName
    ? `${escapeMrkdwn(shortIssuerName(company.issuerName))} (${company.stockCode})`
    : company.stockCode;
}

export function renderCompanyText(company: FiledCompany): string {
  const submitted = company.dateSubmitted ? ` · submitted ${company.dateSubmitted}` : '';
  const resubmitted = company.resubmission ? ' · resubmission' : '';
  const late = company.late ? ' · :hourglass_flowing_sand: filed late' : '';
  const lines = [`*${companyName(company)}*${submitted}${late}${resubmitted}`];
  const classes = takeWithRest(company.classes, MAX_CLASSES);
  lines.push(...classes.shown.map(classLine));
  const moreClasses = moreNote(classes.rest, 'more classes');
  if (moreClasses) lines.push(moreClasses);
  const movements = takeWithRest(company.movements, MAX_MOVEMENTS);
  lines.push(...movements.shown.map(movementLine));
  const moreMovements = moreNote(movements.rest, 'more movements');
  if (moreMovements) lines.push(moreMovements);
  const flags = takeWithRest(company.flags, MAX_FLAGS);
  lines.push(...flags.shown.map((flag) => `${flagIcon(flag)} ${escapeMrkdwn(flag.message)}`));
  if (flags.rest > 0) {
    const worst = mostSevereIcon(company.flags.slice(MAX_FLAGS));
    lines.push(`${worst} +${flags.rest} more flags: \`/shares ${company.stockCode}\` shows them all`);
  }
  return lines.join('\n');
}

/** The size of a company's largest change, for one-line mentions: "-90.00%", or the shares where no percent is known. */
export function headlineChange(company: FiledCompany): string {
  const largest = [...company.classes].sort(
    (a, b) =>
      Math.abs(b.changePercent ?? 0) - Math.abs(a.changePercent ?? 0) ||
      Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0),
  )[0];
  if (!largest) return 'no classes read';
  return formatPercent(largest.changePercent) ?? formatChange(largest.change);
}

export function pendingName(company: PendingCompany): string {
  if (company.issuerName === null) return `${company.stockCode} (no return held yet)`;
  const latest = company.latestMonthHeld ? `, latest ${formatShortMonth(company.latestMonthHeld)}` : '';
  return `${escapeMrkdwn(shortIssuerName(company.issuerName))} (${company.stockCode}${latest})`;
}
