/**
 * One line for each option scheme, warrant, convertible, other arrangement and other movement of part III, the ones
 * that moved in the month first: a card shows what changed before what merely stands.
 */
import type { DetailsOfMovements, InstrumentMovement, Money } from '../domain/monthly-return.js';
import { escapeMrkdwn, truncate } from './blocks.js';
import { formatCount, formatDecimal, formatMoney } from './figures.js';

export interface PartIiiLine {
  readonly text: string;
  readonly moved: boolean;
}

const NAME_LENGTH = 80;

function isNonZero(value: number | string | null | undefined): boolean {
  return value !== null && value !== undefined && Number(value) !== 0;
}

/** The rows that moved: a form prints Granted / Exercised / Cancelled / Lapsed rows whether or not they did. */
function movementTexts(movements: readonly InstrumentMovement[]): string[] {
  return movements
    .filter((m) => isNonZero(m.number) || isNonZero(m.amount))
    .map((m) => {
      const figure = m.number !== null ? formatCount(m.number) : formatDecimal(m.amount);
      return `${escapeMrkdwn(m.label.trim() || '(no label)')} ${figure}`;
    });
}

/** "outstanding 25,043,352 → 24,898,952", or "21,527,316 outstanding" where nothing changed. */
function balance(preceding: string | null, closing: string | null, noun = 'outstanding'): string | null {
  if (preceding === null && closing === null) return null;
  if (preceding === closing || preceding === null) return `${closing} ${noun}`;
  return `${noun} ${preceding} → ${closing ?? '–'}`;
}

function moved(movements: readonly InstrumentMovement[], ...others: (number | string | null)[]): boolean {
  return movements.some((m) => isNonZero(m.number) || isNonZero(m.amount)) || others.some(isNonZero);
}

function describe(kind: string, name: string, parts: (string | null)[]): string {
  const detail = parts.filter((p): p is string => p !== null && p.length > 0).join('; ');
  return `${kind} · ${escapeMrkdwn(truncate(name.replace(/\s+/g, ' ').trim(), NAME_LENGTH))}: ${detail || 'no movement'}`;
}

function issuedNote(newShares: number | null, treasury: number | null): string | null {
  const parts = [
    isNonZero(newShares) ? `${formatCount(newShares)} new shares issued` : null,
    isNonZero(treasury) ? `${formatCount(treasury)} transferred out of treasury` : null,
  ];
  return parts.filter(Boolean).join(', ') || null;
}

function amount(currency: string | null, value: string | null, amountsIn?: 'money' | 'units'): string | null {
  if (value === null) return null;
  // Some pre-2021 filers count warrants in units under the currency column: "HKD 90,000,000" would be wrong.
  return amountsIn === 'units' ? `${formatDecimal(value)} units` : formatMoney({ currency, amount: value });
}

function count(value: number | null): string | null {
  return value === null ? null : formatCount(value);
}

export function describePartIii(details: DetailsOfMovements): PartIiiLine[] {
  const lines: PartIiiLine[] = [];
  for (const group of details.shareOptions.classes) {
    for (const scheme of group.items) {
      lines.push({
        moved: moved(scheme.movements, scheme.newSharesIssued, scheme.treasurySharesTransferred),
        text: describe('Options', scheme.particulars, [
          ...movementTexts(scheme.movements),
          balance(count(scheme.outstandingPreceding), count(scheme.outstandingClosing)),
          issuedNote(scheme.newSharesIssued, scheme.treasurySharesTransferred),
        ]),
      });
    }
  }
  for (const [kind, section] of [
    ['Warrants', details.warrants],
    ['Convertibles', details.convertibles],
  ] as const) {
    for (const group of section.classes) {
      for (const item of group.items) {
        lines.push({
          moved: moved(item.movements, item.newSharesIssued, item.treasurySharesTransferred),
          text: describe(kind, item.description, [
            ...movementTexts(item.movements),
            balance(
              amount(item.currency, item.amountPreceding, item.amountsIn),
              amount(item.currency, item.amountClosing, item.amountsIn),
            ),
            issuedNote(item.newSharesIssued, item.treasurySharesTransferred),
          ]),
        });
      }
    }
  }
  for (const group of details.otherArrangements.classes) {
    for (const item of group.items) {
      lines.push({
        moved: moved(item.movements, item.newSharesIssued, item.treasurySharesTransferred),
        text: describe('Other arrangement', item.description, [
          ...movementTexts(item.movements),
          issuedNote(item.newSharesIssued, item.treasurySharesTransferred),
        ]),
      });
    }
  }
  for (const group of details.otherMovements.classes) {
    for (const item of group.items) {
      lines.push({
        moved: isNonZero(item.changeInIssuedShares) || isNonZero(item.changeInTreasuryShares),
        text: describe('Other movement', item.event, [
          item.changeInIssuedShares !== null ? `issued shares ${formatCount(item.changeInIssuedShares)}` : null,
          item.changeInTreasuryShares !== null ? `treasury shares ${formatCount(item.changeInTreasuryShares)}` : null,
          item.dateOfEvent ? `on ${item.dateOfEvent}` : null,
        ]),
      });
    }
  }
  // A stable sort: within each group the order of the form is kept.
  return [...lines.filter((l) => l.moved), ...lines.filter((l) => !l.moved)];
}

export function describeFundsRaised(fundsRaised: Money | null): string | null {
  return fundsRaised && isNonZero(fundsRaised.amount)
    ? `Funds raised from option exercises: ${formatMoney(fundsRaised)}`
    : null;
}
