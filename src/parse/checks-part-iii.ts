/**
 * The checks of part III: each option scheme, warrant and convertible from its opening to its closing balance; each
 * subtotal against its rows; the grand total against the subtotals; and part III's total for a class against that
 * class's movement in part II. Part of checkMonthlyReturn (checks.ts), the one entry to the arithmetic checks.
 */
import type { Flag } from '../domain/flag.js';
import type { DetailsOfMovements, MonthlyReturn, SectionTotal, ShareClass } from '../domain/monthly-return.js';
import { checkBalance, mismatch, withSign } from './check-flags.js';
import { addDecimals, compareDecimals } from './decimal.js';
import { decreasingMovement, signedMovementTotals, sumCounts } from './movement-sums.js';

export function checkDetailsOfMovements(details: DetailsOfMovements): Flag[] {
  return [
    ...checkShareOptionBalances(details.shareOptions),
    ...checkOutstandingAmounts('III(B)', details.warrants),
    ...checkOutstandingAmounts('III(C)', details.convertibles),
    ...checkIssuanceSubtotals(details),
    ...checkSubtotals(
      'III(E)',
      details.otherMovements,
      (s) => s.changeInIssuedShares,
      (s) => s.changeInTreasuryShares,
    ),
    ...checkGrandTotals(details),
  ];
}

/** Each scheme of III(A) from its opening to its closing number of options outstanding. */
function checkShareOptionBalances(shareOptions: DetailsOfMovements['shareOptions']): Flag[] {
  const flags: Flag[] = [];
  for (const group of shareOptions.classes) {
    for (const scheme of group.items) {
      const { outstandingPreceding: preceding, outstandingClosing: closing } = scheme;
      if (preceding === null || closing === null) continue;
      const candidates = signedMovementTotals(scheme.movements.map((m) => ({ type: m.type, value: m.number })));
      if (candidates.some((sum) => preceding + sum === closing)) continue;
      flags.push(
        ...checkBalance('III(A)', scheme.particulars, 'share options outstanding', {
          preceding,
          movement: candidates[0] ?? 0,
          closing,
        }),
      );
    }
  }
  return flags;
}

/** Each warrant (III(B)) or convertible (III(C)) from its opening to its closing amount outstanding. */
function checkOutstandingAmounts(
  section: string,
  part: DetailsOfMovements['warrants'] | DetailsOfMovements['convertibles'],
): Flag[] {
  const flags: Flag[] = [];
  for (const group of part.classes) {
    for (const item of group.items) {
      const { amountPreceding: preceding, amountClosing: closing } = item;
      if (preceding === null || closing === null) continue;
      const movements = item.movements.map((m) => ({ type: m.type, amount: m.amount ?? '0' }));
      const asPrinted = movements.reduce((sum, m) => addDecimals(sum, m.amount), '0');
      const conventional = movements.reduce(
        (sum, m) => addDecimals(sum, decreasingMovement(m.type) ? `-${m.amount.replace(/^-/, '')}` : m.amount),
        '0',
      );
      const reconciles = [asPrinted, conventional].some(
        (sum) => compareDecimals(addDecimals(preceding, sum), closing) === 0,
      );
      if (reconciles) continue;
      flags.push(
        mismatch(
          'balance-mismatch',
          section,
          item.description,
          'amount outstanding',
          addDecimals(preceding, asPrinted),
          closing,
        ),
      );
    }
  }
  return flags;
}

/** The subtotals of III(A) to III(D), which share the columns of new shares issued and treasury shares transferred. */
function checkIssuanceSubtotals(details: DetailsOfMovements): Flag[] {
  const issuing: readonly (readonly [string, DetailPart<IssuanceRow>])[] = [
    ['III(A)', details.shareOptions],
    ['III(B)', details.warrants],
    ['III(C)', details.convertibles],
    ['III(D)', details.otherArrangements],
  ];
  return issuing.flatMap(([section, part]) =>
    checkSubtotals(
      section,
      part,
      (row) => row.newSharesIssued,
      (row) => row.treasurySharesTransferred,
    ),
  );
}

/** The columns (A1)/(A2) ... (D1)/(D2) that every row of III(A) to III(D) has. */
interface IssuanceRow {
  readonly newSharesIssued: number | null;
  readonly treasurySharesTransferred: number | null;
}

interface DetailPart<T> {
  readonly classes: readonly (ShareClass & { readonly items: readonly T[] })[];
  readonly totals: readonly SectionTotal[];
}

/** The class group a printed total belongs to: by name, else by position when the counts agree. */
function groupOfTotal<T>(part: DetailPart<T>, total: SectionTotal, index: number) {
  const byName = part.classes.find((group) => sameClass(group, total.className));
  if (byName) return byName;
  return part.classes.length === part.totals.length ? part.classes[index] : undefined;
}

function checkSubtotals<T>(
  section: string,
  part: DetailPart<T>,
  issued: (item: T) => number | null,
  treasury: (item: T) => number | null,
): Flag[] {
  const flags: Flag[] = [];
  part.totals.forEach((total, index) => {
    const group = groupOfTotal(part, total, index);
    if (!group) return;
    const pairs = [
      [
        total.increaseInIssuedShares,
        total.printedInstead?.increaseInIssuedShares,
        sumCounts(group.items.map(issued)),
        'increase in issued shares',
      ],
      [
        total.decreaseInTreasuryShares,
        total.printedInstead?.decreaseInTreasuryShares,
        sumCounts(group.items.map(treasury)),
        'decrease in treasury shares',
      ],
    ] as const;
    for (const [printed, instead, sum, what] of pairs) {
      if ((printed ?? 0) === sum) continue;
      flags.push(
        mismatch('subtotal-mismatch', section, total.className, what, String(sum), printedText(printed), instead),
      );
    }
  });
  return flags;
}

/** III(A) to (E) in the form's order; (E) last, which the treasury check below relies on. */
function detailParts(details: DetailsOfMovements) {
  return [
    details.shareOptions,
    details.warrants,
    details.convertibles,
    details.otherArrangements,
    details.otherMovements,
  ];
}

/** Each class's grand total ("Total increase / (decrease) ... A to E") against the sum of its subtotals. */
function checkGrandTotals(details: DetailsOfMovements): Flag[] {
  const parts = detailParts(details);
  return details.totals.flatMap((grand) => {
    const subtotalsByPart = parts.map((part) =>
      part.totals.filter((total) => sameName(total.className, grand.className)),
    );
    return [...checkGrandTotalOfIssued(grand, subtotalsByPart), ...checkGrandTotalOfTreasury(grand, subtotalsByPart)];
  });
}

type GrandTotal = DetailsOfMovements['totals'][number];
type SubtotalsByPart = readonly (readonly SectionTotal[])[];

function checkGrandTotalOfIssued(grand: GrandTotal, subtotalsByPart: SubtotalsByPart): Flag[] {
  const issued = sumCounts(subtotalsByPart.flat().map((total) => total.increaseInIssuedShares));
  if ((grand.changeInIssuedShares ?? 0) === issued) return [];
  return [
    mismatch(
      'subtotal-mismatch',
      'III',
      grand.className,
      'total of A to E (issued shares)',
      String(issued),
      printedText(grand.changeInIssuedShares),
      grand.printedInstead?.changeInIssuedShares,
    ),
  ];
}

function checkGrandTotalOfTreasury(grand: GrandTotal, subtotalsByPart: SubtotalsByPart): Flag[] {
  // AA2 to DD2 count treasury shares transferred out, EE2 signed movements: only the sign-free case is checked.
  const treasuryOut = subtotalsByPart
    .slice(0, 4)
    .flat()
    .some((total) => (total.decreaseInTreasuryShares ?? 0) !== 0);
  if (treasuryOut) return [];
  const treasury = sumCounts(subtotalsByPart.flat().map((total) => total.decreaseInTreasuryShares));
  if ((grand.changeInTreasuryShares ?? 0) === treasury) return [];
  return [
    mismatch(
      'subtotal-mismatch',
      'III',
      grand.className,
      'total of A to E (treasury shares)',
      String(treasury),
      printedText(grand.changeInTreasuryShares),
      grand.printedInstead?.changeInTreasuryShares,
    ),
  ];
}

/** A printed figure as a flag carries it: null where the form prints none. */
function printedText(figure: number | null): string | null {
  return figure === null ? null : String(figure);
}

// ---------------------------------------------------------------- part III against part II

export function checkPartIIIAgainstPartII(monthlyReturn: MonthlyReturn): Flag[] {
  const { issuedShares, detailsOfMovements: details } = monthlyReturn;
  const classes = issuedShares.classes;
  const flags: Flag[] = [];
  if (details.totals.length === 0) {
    // With every part of III not applicable, III accounts for no movement at all.
    if (!detailParts(details).every((part) => part.notApplicable)) return flags;
    for (const shareClass of classes) {
      flags.push(...partIIIMismatch(shareClass.className, 'issued shares', 0, shareClass.issuedShares.movement ?? 0));
    }
    return flags;
  }
  for (const grand of details.totals) {
    // The totals name a class as printed; classes that share a name (A and H shares, both "Ordinary shares")
    // cannot be told apart there, so their movements are compared together.
    let matched = classes.filter((shareClass) => sameClass(shareClass, grand.className));
    if (matched.length === 0 && classes.length === 1 && details.totals.length === 1) matched = classes;
    if (matched.length === 0) continue;
    const movement = sumCounts(matched.map((shareClass) => shareClass.issuedShares.movement));
    flags.push(
      ...partIIIMismatch(grand.className, 'issued shares', grand.changeInIssuedShares, movement, {
        printedInstead: grand.printedInstead?.changeInIssuedShares,
      }),
    );
    if (matched.some((shareClass) => shareClass.treasuryShares !== null)) {
      const treasury = sumCounts(matched.map((shareClass) => shareClass.treasuryShares?.movement ?? null));
      flags.push(
        ...partIIIMismatch(grand.className, 'treasury shares', grand.changeInTreasuryShares, treasury, {
          printedInstead: grand.printedInstead?.changeInTreasuryShares,
        }),
      );
    }
  }
  return flags;
}

/**
 * Part III's total for a class against part II's movement. A total printed N/A (or left blank) accounts for no
 * movement, and the flag says what the form prints rather than calling it 0.
 */
function partIIIMismatch(
  subject: string,
  what: string,
  partIII: number | null,
  partII: number,
  printed: { readonly printedInstead?: string } = {},
): Flag[] {
  if ((partIII ?? 0) === partII) return [];
  const accounts =
    partIII === null
      ? `part III's total of ${what} ${printed.printedInstead === undefined ? 'is left blank' : `is printed ${printed.printedInstead}`}`
      : `part III accounts for ${withSign(partIII)} ${what}`;
  return [
    {
      code: 'part-iii-mismatch',
      severity: 'error',
      section: 'III',
      subject,
      message: `${subject}: ${accounts}, but part II shows a movement of ${withSign(partII)}`,
      expected: String(partII),
      actual: printedText(partIII),
    },
  ];
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** A total names its class as printed in the class block, sometimes followed by the class's description. */
function sameClass(shareClass: Pick<ShareClass, 'className' | 'description'>, name: string): boolean {
  const wanted = normaliseName(name);
  const own = normaliseName(shareClass.className);
  const described = shareClass.description ? normaliseName(`${shareClass.className} ${shareClass.description}`) : '';
  return wanted === own || (described !== '' && wanted === described);
}
