/**
 * The arithmetic a monthly return must satisfy, in one place, for every form the parser reads. A failed check never
 * changes a figure: it becomes a flag that tells the reader which figures do not add up.
 *
 * - preceding + movement = closing, for every balance the form prints (parts I, II, IV; each option scheme,
 *   warrant and convertible in part III);
 * - issued excluding treasury + treasury = total issued (v1.1+);
 * - authorised shares x par value = authorised capital, and the classes' capital = the printed total per currency;
 * - each part III subtotal = the sum of its rows, and the grand total = the sum of the subtotals;
 * - part III's total for a class = that class's movement in part II.
 */
import type { Flag } from '../domain/flag.js';
import type {
  DetailsOfMovements,
  IssuedShareClass,
  MonthlyReturn,
  Movement,
  SectionTotal,
  ShareClass,
} from '../domain/monthly-return.js';
import { addDecimals, compareDecimals, multiplyDecimals } from './decimal.js';
import { decreasingMovement, signedMovementTotals, sumCounts } from './movement-sums.js';

export function flagUncertainFigure(section: string, subject: string | null, message: string): Flag {
  return { code: 'uncertain-figure', severity: 'warning', section, subject, message, expected: null, actual: null };
}

export function flagMissingSection(section: string): Flag {
  return {
    code: 'missing-section',
    severity: 'warning',
    section,
    subject: null,
    message: `Part ${section} of the form was not found; nothing in it was read`,
    expected: null,
    actual: null,
  };
}

export function checkMonthlyReturn(monthlyReturn: MonthlyReturn): Flag[] {
  return [
    ...checkAuthorisedShareCapital(monthlyReturn),
    ...checkIssuedShares(monthlyReturn),
    ...checkDetailsOfMovements(monthlyReturn.detailsOfMovements),
    ...checkPartIIIAgainstPartII(monthlyReturn),
    ...monthlyReturn.hdr.classes.flatMap((hdr) => [
      ...checkBalance('IV', hdr.description, 'HDRs', hdr.hdrs),
      ...(hdr.underlyingShares ? checkBalance('IV', hdr.description, 'underlying shares', hdr.underlyingShares) : []),
    ]),
  ];
}

// ---------------------------------------------------------------- balances

function format(value: number | string): string {
  const text = String(value);
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function signed(value: number | string): string {
  const text = String(value);
  return text.startsWith('-') ? `- ${format(text.slice(1))}` : `+ ${format(text)}`;
}

/** preceding + movement = closing; a blank movement is no movement. Nothing to check when a balance is blank. */
export function checkBalance(section: string, subject: string | null, what: string, balance: Movement): Flag[] {
  const { preceding, movement, closing } = balance;
  if (preceding === null || closing === null) return [];
  const expected = preceding + (movement ?? 0);
  if (expected === closing) return [];
  return [
    {
      code: 'balance-mismatch',
      severity: 'error',
      section,
      subject,
      message: `${label(subject, what)}: ${format(preceding)} ${signed(movement ?? 0)} = ${format(expected)}, but the form says ${format(closing)}`,
      expected: String(expected),
      actual: String(closing),
    },
  ];
}

function label(subject: string | null, what: string): string {
  return subject ? `${subject}, ${what}` : what;
}

// ---------------------------------------------------------------- part I

function checkAuthorisedShareCapital(monthlyReturn: MonthlyReturn): Flag[] {
  const flags: Flag[] = [];
  const { classes, totalAuthorisedCapital } = monthlyReturn.authorisedShareCapital;
  for (const shareClass of classes) {
    const subject = shareClass.className;
    flags.push(...checkBalance('I', subject, 'authorised shares', shareClass.authorisedShares));
    const capital = shareClass.authorisedCapital;
    if (capital.preceding !== null && capital.closing !== null) {
      const expected = addDecimals(capital.preceding, capital.movement ?? '0');
      if (compareDecimals(expected, capital.closing) !== 0) {
        flags.push(mismatch('balance-mismatch', 'I', subject, 'authorised capital', expected, capital.closing));
      }
    }
    if (shareClass.parValue === null) continue;
    for (const row of ['preceding', 'closing'] as const) {
      const shares = shareClass.authorisedShares[row];
      const printed = capital[row];
      if (shares === null || printed === null) continue;
      const expected = multiplyDecimals(String(shares), shareClass.parValue);
      if (compareDecimals(expected, printed) !== 0) {
        flags.push({
          code: 'authorised-capital-mismatch',
          severity: 'error',
          section: 'I',
          subject,
          message: `${subject}: ${format(shares)} shares x par value ${shareClass.parValue} = ${format(expected)}, but the form says ${format(printed)} (${row === 'closing' ? 'close of the month' : 'close of preceding month'})`,
          expected,
          actual: printed,
        });
      }
    }
    if (
      shareClass.parValueCurrency !== null &&
      shareClass.authorisedCapitalCurrency !== null &&
      shareClass.parValueCurrency !== shareClass.authorisedCapitalCurrency
    ) {
      flags.push({
        code: 'authorised-capital-mismatch',
        severity: 'warning',
        section: 'I',
        subject,
        message: `${subject}: the par value is in ${shareClass.parValueCurrency} but the authorised capital in ${shareClass.authorisedCapitalCurrency}`,
        expected: shareClass.parValueCurrency,
        actual: shareClass.authorisedCapitalCurrency,
      });
    }
  }

  // The printed total per currency against the classes' closing capital in that currency.
  const sums = new Map<string, string>();
  for (const shareClass of classes) {
    if (shareClass.authorisedCapital.closing === null) continue;
    const currency = shareClass.authorisedCapitalCurrency ?? '';
    sums.set(currency, addDecimals(sums.get(currency) ?? '0', shareClass.authorisedCapital.closing));
  }
  for (const total of totalAuthorisedCapital) {
    const currency = total.currency ?? '';
    const sum = sums.get(currency);
    if (sum !== undefined && compareDecimals(sum, total.amount) === 0) continue;
    flags.push({
      code: 'authorised-capital-mismatch',
      severity: 'error',
      section: 'I',
      subject: null,
      message: `Total authorised capital: the classes add up to ${currency} ${format(sum ?? '0')}, but the form says ${currency} ${format(total.amount)}`,
      expected: sum ?? '0',
      actual: total.amount,
    });
  }
  for (const [currency, sum] of sums) {
    if (totalAuthorisedCapital.some((total) => (total.currency ?? '') === currency)) continue;
    if (totalAuthorisedCapital.length === 0 && classes.length === 0) continue;
    flags.push({
      code: 'authorised-capital-mismatch',
      severity: 'warning',
      section: 'I',
      subject: null,
      message: `Total authorised capital: the classes hold ${currency} ${format(sum)}, but the form prints no total in ${currency}`,
      expected: sum,
      actual: null,
    });
  }
  return flags;
}

function mismatch(
  code: Flag['code'],
  section: string,
  subject: string | null,
  what: string,
  expected: string,
  actual: string,
): Flag {
  return {
    code,
    severity: 'error',
    section,
    subject,
    message: `${label(subject, what)}: the figures add up to ${format(expected)}, but the form says ${format(actual)}`,
    expected,
    actual,
  };
}

// ---------------------------------------------------------------- part II

function checkIssuedShares(monthlyReturn: MonthlyReturn): Flag[] {
  return monthlyReturn.issuedShares.classes.flatMap((shareClass) => {
    const subject = shareClass.className;
    const flags = [...checkBalance('II', subject, 'issued shares', shareClass.issuedShares)];
    if (shareClass.treasuryShares)
      flags.push(...checkBalance('II', subject, 'treasury shares', shareClass.treasuryShares));
    if (shareClass.totalIssuedShares) flags.push(...checkTreasuryTotal(shareClass));
    return flags;
  });
}

function checkTreasuryTotal(shareClass: IssuedShareClass): Flag[] {
  const flags: Flag[] = [];
  const total = shareClass.totalIssuedShares;
  if (!total) return flags;
  for (const row of ['preceding', 'closing'] as const) {
    const issued = shareClass.issuedShares[row];
    const treasury = shareClass.treasuryShares?.[row] ?? null;
    const printed = total[row];
    if (issued === null || printed === null) continue;
    const expected = issued + (treasury ?? 0);
    if (expected === printed) continue;
    flags.push({
      code: 'treasury-total-mismatch',
      severity: 'error',
      section: 'II',
      subject: shareClass.className,
      message: `${shareClass.className}: ${format(issued)} issued (excluding treasury) + ${format(treasury ?? 0)} treasury = ${format(expected)}, but the total printed is ${format(printed)} (${row === 'closing' ? 'close of the month' : 'close of preceding month'})`,
      expected: String(expected),
      actual: String(printed),
    });
  }
  return flags;
}

// ---------------------------------------------------------------- part III

function checkDetailsOfMovements(details: DetailsOfMovements): Flag[] {
  const flags: Flag[] = [];
  for (const group of details.shareOptions.classes) {
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
  for (const [section, part] of [
    ['III(B)', details.warrants],
    ['III(C)', details.convertibles],
  ] as const) {
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
        if (!reconciles) {
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
    }
  }
  flags.push(
    ...checkSubtotals(
      'III(A)',
      details.shareOptions,
      (s) => s.newSharesIssued,
      (s) => s.treasurySharesTransferred,
    ),
  );
  flags.push(
    ...checkSubtotals(
      'III(B)',
      details.warrants,
      (s) => s.newSharesIssued,
      (s) => s.treasurySharesTransferred,
    ),
  );
  flags.push(
    ...checkSubtotals(
      'III(C)',
      details.convertibles,
      (s) => s.newSharesIssued,
      (s) => s.treasurySharesTransferred,
    ),
  );
  flags.push(
    ...checkSubtotals(
      'III(D)',
      details.otherArrangements,
      (s) => s.newSharesIssued,
      (s) => s.treasurySharesTransferred,
    ),
  );
  flags.push(
    ...checkSubtotals(
      'III(E)',
      details.otherMovements,
      (s) => s.changeInIssuedShares,
      (s) => s.changeInTreasuryShares,
    ),
  );
  flags.push(...checkGrandTotals(details));
  return flags;
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
      [total.increaseInIssuedShares, sumCounts(group.items.map(issued)), 'increase in issued shares'],
      [total.decreaseInTreasuryShares, sumCounts(group.items.map(treasury)), 'decrease in treasury shares'],
    ] as const;
    for (const [printed, sum, what] of pairs) {
      if ((printed ?? 0) === sum) continue;
      flags.push(mismatch('subtotal-mismatch', section, total.className, what, String(sum), String(printed ?? 0)));
    }
  });
  return flags;
}

function checkGrandTotals(details: DetailsOfMovements): Flag[] {
  const parts = [
    details.shareOptions,
    details.warrants,
    details.convertibles,
    details.otherArrangements,
    details.otherMovements,
  ];
  return details.totals.flatMap((grand) => {
    const subtotals = parts.flatMap((part) =>
      part.totals.filter((total) => sameName(total.className, grand.className)),
    );
    const flags: Flag[] = [];
    const issued = sumCounts(subtotals.map((total) => total.increaseInIssuedShares));
    const treasury = sumCounts(subtotals.map((total) => total.decreaseInTreasuryShares));
    if ((grand.changeInIssuedShares ?? 0) !== issued) {
      flags.push(
        mismatch(
          'subtotal-mismatch',
          'III',
          grand.className,
          'total of A to E (issued shares)',
          String(issued),
          String(grand.changeInIssuedShares ?? 0),
        ),
      );
    }
    // AA2 to DD2 count treasury shares transferred out, EE2 signed movements: only the sign-free case is checked.
    const treasuryOut = parts
      .slice(0, 4)
      .flatMap((part) => part.totals.filter((total) => sameName(total.className, grand.className)))
      .some((total) => (total.decreaseInTreasuryShares ?? 0) !== 0);
    if (!treasuryOut && (grand.changeInTreasuryShares ?? 0) !== treasury) {
      flags.push(
        mismatch(
          'subtotal-mismatch',
          'III',
          grand.className,
          'total of A to E (treasury shares)',
          String(treasury),
          String(grand.changeInTreasuryShares ?? 0),
        ),
      );
    }
    return flags;
  });
}

// ---------------------------------------------------------------- part III against part II

function checkPartIIIAgainstPartII(monthlyReturn: MonthlyReturn): Flag[] {
  const { issuedShares, detailsOfMovements: details } = monthlyReturn;
  const classes = issuedShares.classes;
  const flags: Flag[] = [];
  if (details.totals.length === 0) {
    // With every part of III not applicable, III accounts for no movement at all.
    const parts = [
      details.shareOptions,
      details.warrants,
      details.convertibles,
      details.otherArrangements,
      details.otherMovements,
    ];
    if (!parts.every((part) => part.notApplicable)) return flags;
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
    flags.push(...partIIIMismatch(grand.className, 'issued shares', grand.changeInIssuedShares ?? 0, movement));
    if (matched.some((shareClass) => shareClass.treasuryShares !== null)) {
      const treasury = sumCounts(matched.map((shareClass) => shareClass.treasuryShares?.movement ?? null));
      flags.push(...partIIIMismatch(grand.className, 'treasury shares', grand.changeInTreasuryShares ?? 0, treasury));
    }
  }
  return flags;
}

function partIIIMismatch(subject: string, what: string, partIII: number, partII: number): Flag[] {
  if (partIII === partII) return [];
  return [
    {
      code: 'part-iii-mismatch',
      severity: 'error',
      section: 'III',
      subject,
      message: `${subject}: part III accounts for ${withSign(partIII)} ${what}, but part II shows a movement of ${withSign(partII)}`,
      expected: String(partII),
      actual: String(partIII),
    },
  ];
}

function withSign(value: number): string {
  if (value === 0) return '0';
  return value > 0 ? `+${format(value)}` : `-${format(-value)}`;
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
