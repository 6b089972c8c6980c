/**
 * The columns of the part III tables, left to right, as data per form generation. v1.0.x has one column of new
 * shares issued ("(A)"); v1.1 added treasury shares transferred out ("(A1)" / "(A2)") and, in (E), the
 * treasury and pending-cancellation columns. The headings carry these codes in both languages, which lets a
 * layout be confirmed before its columns are trusted.
 */
import { hasTreasuryColumns } from './reading.js';

export type DetailPartKey = 'A' | 'B' | 'C' | 'D' | 'E';

export type DetailColumn =
  /** Particulars of the scheme, description of the warrants / convertibles / arrangement, type of event. */
  | 'description'
  /** The currency of the warrants' nominal value or the convertibles' amount. */
  | 'currency'
  | 'preceding'
  | 'movement'
  | 'closing'
  /** New shares issued during the month pursuant thereto: (A), (A1) ... (E), (E1). */
  | 'issued'
  /** Treasury shares transferred out of treasury during the month (A2 ... D2), or E2's change in treasury shares. */
  | 'treasury'
  /** Shares which may be issued (or transferred out of treasury) pursuant thereto as at close of the month. */
  | 'issuable'
  /** III(A): securities which may be issued upon exercise of all share options still to be granted. */
  | 'toBeGranted'
  | 'generalMeetingApprovalDate'
  | 'priceCurrency'
  | 'priceAmount'
  /** A price cell holding both the currency and the amount. */
  | 'price'
  | 'dateOfEvent'
  /** III(E), v1.1+: shares repurchased or redeemed but pending cancellation at close of the month. */
  | 'pendingCancellation';

type Layouts = Readonly<Record<'v1.0' | 'v1.1', readonly (readonly DetailColumn[])[]>>;

const WARRANTS_OR_CONVERTIBLES: Layouts = {
  'v1.0': [['description', 'currency', 'preceding', 'movement', 'closing', 'issued', 'issuable']],
  'v1.1': [['description', 'currency', 'preceding', 'movement', 'closing', 'issued', 'treasury', 'issuable']],
};

/** III(E)'s event columns, before the share columns: the price in two cells (currency, amount), or in one. */
const EVENT_WITH_PRICE_COLUMNS = [
  'description',
  'priceCurrency',
  'priceAmount',
  'dateOfEvent',
  'generalMeetingApprovalDate',
] as const satisfies readonly DetailColumn[];
const EVENT_WITH_ONE_PRICE_CELL = [
  'description',
  'price',
  'dateOfEvent',
  'generalMeetingApprovalDate',
] as const satisfies readonly DetailColumn[];

const DETAIL_LAYOUTS: Readonly<Record<DetailPartKey, Layouts>> = {
  A: {
    'v1.0': [['description', 'preceding', 'movement', 'closing', 'issued', 'issuable', 'toBeGranted']],
    'v1.1': [['description', 'preceding', 'movement', 'closing', 'issued', 'treasury', 'issuable', 'toBeGranted']],
  },
  B: WARRANTS_OR_CONVERTIBLES,
  C: WARRANTS_OR_CONVERTIBLES,
  D: {
    'v1.0': [
      ['description', 'generalMeetingApprovalDate', 'issued', 'issuable'],
      ['description', 'movement', 'generalMeetingApprovalDate', 'issued', 'issuable'],
    ],
    'v1.1': [
      ['description', 'generalMeetingApprovalDate', 'issued', 'treasury', 'issuable'],
      ['description', 'movement', 'generalMeetingApprovalDate', 'issued', 'treasury', 'issuable'],
    ],
  },
  E: {
    'v1.0': [
      [...EVENT_WITH_PRICE_COLUMNS, 'issued', 'issuable'],
      [...EVENT_WITH_ONE_PRICE_CELL, 'issued', 'issuable'],
    ],
    'v1.1': [
      [...EVENT_WITH_PRICE_COLUMNS, 'issued', 'treasury', 'pendingCancellation'],
      [...EVENT_WITH_ONE_PRICE_CELL, 'issued', 'treasury', 'pendingCancellation'],
    ],
  },
};

/**
 * The layout that fits the headings found: the form version's own layouts first, then the other generation's
 * (a filer's form version can be unreadable). A layout fits when it has as many columns as there are headings and
 * every heading that carries a code ("(A)", "(C1)", "(E2)") sits where that code's column belongs.
 */
export function chooseDetailLayout(
  part: DetailPartKey,
  version: string | null,
  headings: readonly string[],
): readonly DetailColumn[] | undefined {
  const own = hasTreasuryColumns(version) === false ? 'v1.0' : 'v1.1';
  const other = own === 'v1.0' ? 'v1.1' : 'v1.0';
  const candidates = [...DETAIL_LAYOUTS[part][own], ...DETAIL_LAYOUTS[part][other]];
  return candidates.find(
    (layout) =>
      layout.length === headings.length && layout.every((column, i) => codeFits(part, column, headings[i] ?? '')),
  );
}

function codeFits(part: DetailPartKey, column: DetailColumn, heading: string): boolean {
  const code = new RegExp(`[（(]\\s*${part}\\s*([12]?)\\s*[)）]`).exec(heading)?.[1];
  if (code === undefined) return true;
  if (code === '' || code === '1') return column === 'issued';
  return column === 'treasury';
}
