/**
 * One line for each option scheme, warrant, convertible, other arrangement and other movement of part III, each
 * with its figures, ordered by their effect on issued shares (largest first): a card shows what moved the share
 * count before what merely stands. A line that moved nothing but options or treasury comes next, then the rest.
 */
import type {
  DetailsOfMovements,
  InstrumentMovement,
  Money,
  OtherMovement,
  ShareClass,
  WarrantOrConvertible,
} from '../domain/monthly-return.js';
import { escapeMrkdwn, truncate } from './blocks.js';
import { describeClassName } from './class-label.js';
import { formatChange, formatCount, formatDecimal, formatMoney } from './figures.js';

export interface PartIiiLine {
  readonly text: string;
  /** The row's effect on issued shares (excluding treasury): new shares issued, or E1. */
  readonly issuedEffect: number;
  /** The row's effect on treasury shares: shares transferred out (negative), or E2. */
  readonly treasuryEffect: number;
  /** Anything in the row moved in the month (a grant or a lapse counts). */
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

function describe(kind: string, name: string, parts: (string | null | undefined)[]): string {
  const detail = parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('; ');
  return `${kind} · ${escapeMrkdwn(truncate(name.replace(/\s+/g, ' ').trim(), NAME_LENGTH))}: ${detail || 'no movement'}`;
}

function amount(currency: string | null, value: string | null, amountsIn?: 'money' | 'units'): string | null {
  if (value === null) return null;
  // Some pre-2021 filers count warrants in units under the currency column: "HKD 90,000,000" would be wrong.
  return amountsIn === 'units' ? `${formatDecimal(value)} units` : formatMoney({ currency, amount: value });
}

function count(value: number | null): string | null {
  return value === null ? null : formatCount(value);
}

function priceText(price: Money | null, what = 'at'): string | null {
  return price ? `${what} ${formatMoney(price)}` : null;
}

/** The columns every row of III(A)-(D) shares: what the row issued or transferred out of treasury. */
interface Issuance {
  readonly movements: readonly InstrumentMovement[];
  readonly newSharesIssued: number | null;
  readonly treasurySharesTransferred: number | null;
}

/** A III(A)-(D) row: its movements, what it says of its balance, then the shares it led to. */
function issuanceLine(kind: string, name: string, item: Issuance, details: (string | null)[]): PartIiiLine {
  const issued = item.newSharesIssued ?? 0;
  const transferred = item.treasurySharesTransferred ?? 0;
  const shares = [
    isNonZero(issued) ? `${formatCount(issued)} new shares issued` : null,
    isNonZero(transferred) ? `${formatCount(transferred)} transferred out of treasury` : null,
  ];
  const moved = item.movements.some((m) => isNonZero(m.number) || isNonZero(m.amount)) || issued !== 0;
  return {
    text: describe(kind, name, [...movementTexts(item.movements), ...details, shares.filter(Boolean).join(', ')]),
    issuedEffect: issued,
    treasuryEffect: -Math.abs(transferred),
    moved: moved || transferred !== 0,
  };
}

function instrumentLine(kind: string, priceWord: string, item: WarrantOrConvertible): PartIiiLine {
  return issuanceLine(kind, item.description, item, [
    balance(
      amount(item.currency, item.amountPreceding, item.amountsIn),
      amount(item.currency, item.amountClosing, item.amountsIn),
    ),
    priceText(item.price, priceWord),
  ]);
}

/** A III(E) row: E1, E2, the shares pending cancellation, the price and the date. */
function otherMovementLine(kind: string, item: OtherMovement): PartIiiLine {
  const text = describe(kind, item.event, [
    item.changeInIssuedShares !== null ? `issued shares ${formatChange(item.changeInIssuedShares)}` : null,
    item.changeInTreasuryShares !== null ? `treasury shares ${formatChange(item.changeInTreasuryShares)}` : null,
    item.pendingCancellation !== null ? `pending cancellation ${formatCount(item.pendingCancellation)}` : null,
    item.sharesIssuableAtClose !== null ? `${formatCount(item.sharesIssuableAtClose)} issuable at close` : null,
    priceText(item.price),
    item.dateOfEvent ? `on ${item.dateOfEvent}` : null,
  ]);
  const moved = [item.changeInIssuedShares, item.changeInTreasuryShares, item.pendingCancellation].some(isNonZero);
  return {
    text,
    issuedEffect: item.changeInIssuedShares ?? 0,
    treasuryEffect: item.changeInTreasuryShares ?? 0,
    moved,
  };
}

/** Largest effect on issued shares first, then on treasury, then rows that moved otherwise; the form's order within. */
function byEffect(a: PartIiiLine, b: PartIiiLine): number {
  return (
    Math.abs(b.issuedEffect) - Math.abs(a.issuedEffect) ||
    Math.abs(b.treasuryEffect) - Math.abs(a.treasuryEffect) ||
    Number(b.moved) - Number(a.moved)
  );
}

/** The rows of a section, each with the kind it is named by: the class too where the section has several. */
function rowsOf<T>(
  kind: string,
  section: { classes: readonly (ShareClass & { items: readonly T[] })[] },
): { kind: string; item: T }[] {
  const several = section.classes.length > 1;
  return section.classes.flatMap((group) => {
    const named = several ? `${kind} (${escapeMrkdwn(describeClassName(group))})` : kind;
    return group.items.map((item) => ({ kind: named, item }));
  });
}

export function describePartIii(details: DetailsOfMovements): PartIiiLine[] {
  const lines = [
    ...rowsOf('Options', details.shareOptions).map(({ kind, item }) =>
      issuanceLine(kind, item.particulars, item, [
        balance(count(item.outstandingPreceding), count(item.outstandingClosing)),
      ]),
    ),
    ...rowsOf('Warrants', details.warrants).map(({ kind, item }) => instrumentLine(kind, 'subscription price', item)),
    ...rowsOf('Convertibles', details.convertibles).map(({ kind, item }) =>
      instrumentLine(kind, 'conversion price', item),
    ),
    ...rowsOf('Other arrangement', details.otherArrangements).map(({ kind, item }) =>
      issuanceLine(kind, item.description, item, []),
    ),
    ...rowsOf('Other movement', details.otherMovements).map(({ kind, item }) => otherMovementLine(kind, item)),
  ];
  // Array.prototype.sort is stable: rows of equal effect keep the form's order.
  return lines.sort(byEffect);
}

export function describeFundsRaised(fundsRaised: Money | null): string | null {
  return fundsRaised && isNonZero(fundsRaised.amount)
    ? `Funds raised from option exercises: ${formatMoney(fundsRaised)}`
    : null;
}
