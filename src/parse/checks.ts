/**
 * The arithmetic a monthly return must satisfy, in one place, for every form the parser reads. A failed check never
 * changes a figure: it becomes a flag that tells the reader which figures do not add up.
 *
 * - preceding + movement = closing, for every balance the form prints (parts I, II, IV; each option scheme,
 *   warrant and convertible in part III);
 * - issued excluding treasury + treasury = total issued (v1.1+);
 * - authorised shares x par value = authorised capital, and the classes' capital = the printed total per currency;
 * - each part III subtotal = the sum of its rows, and the grand total = the sum of the subtotals;
 * - part III's total for a class = that class's movement in part II;
 * - parts I and II print the same stock codes;
 * - part IV's underlying shares are its HDRs at the HDR ratio it prints.
 */
import type { Flag } from '../domain/flag.js';
import { formatHdrRatio, type IssuedShareClass, type MonthlyReturn } from '../domain/monthly-return.js';
import { checkBalance, format, mismatch } from './check-flags.js';
import { checkStockCodes } from './check-stock-codes.js';
import { checkDetailsOfMovements, checkPartIIIAgainstPartII } from './checks-part-iii.js';
import { addDecimals, compareDecimals, multiplyDecimals } from './decimal.js';

export function flagUncertainFigure(section: string, subject: string | null, message: string): Flag {
  return { code: 'uncertain-figure', severity: 'warning', section, subject, message, expected: null, actual: null };
}

export function flagMissingSection(
  section: string,
  message = `Part ${section} of the form was not found; nothing in it was read`,
): Flag {
  return {
    code: 'missing-section',
    severity: 'warning',
    section,
    subject: null,
    message,
    expected: null,
    actual: null,
  };
}

export { checkBalance } from './check-flags.js';

export function checkMonthlyReturn(monthlyReturn: MonthlyReturn): Flag[] {
  return [
    ...checkStockCodes(monthlyReturn),
    ...checkAuthorisedShareCapital(monthlyReturn),
    ...checkIssuedShares(monthlyReturn),
    ...checkDetailsOfMovements(monthlyReturn.detailsOfMovements),
    ...checkPartIIIAgainstPartII(monthlyReturn),
    ...monthlyReturn.hdr.classes.flatMap((hdr) => [
      ...checkBalance('IV', hdr.description, 'HDRs', hdr.hdrs),
      ...(hdr.underlyingShares ? checkBalance('IV', hdr.description, 'underlying shares', hdr.underlyingShares) : []),
      ...checkHdrRatio(hdr),
    ]),
  ];
}

// ---------------------------------------------------------------- part IV

/**
 * The HDRs stand for underlying shares at the printed ratio, row by row: at "1 HDR : 2 shares", 31,200,000 HDRs are
 * 62,400,000 shares. Compared as HDRs x shares = underlying x HDRs, so a ratio of several HDRs to a share needs no
 * division.
 */
function checkHdrRatio(hdr: MonthlyReturn['hdr']['classes'][number]): Flag[] {
  const { hdrRatio: ratio, underlyingShares: underlying } = hdr;
  if (!ratio || !underlying) return [];
  const flags: Flag[] = [];
  for (const row of ['preceding', 'movement', 'closing'] as const) {
    const hdrs = hdr.hdrs[row];
    const shares = underlying[row];
    if (hdrs === null || shares === null) continue;
    if (
      compareDecimals(multiplyDecimals(String(hdrs), ratio.shares), multiplyDecimals(String(shares), ratio.hdrs)) === 0
    )
      continue;
    // Where one HDR is the unit the shares it stands for are a product; otherwise only the disagreement is said.
    const expected = compareDecimals(ratio.hdrs, '1') === 0 ? multiplyDecimals(String(hdrs), ratio.shares) : null;
    const subject = `${hdr.description ?? 'HDRs'} (${row})`;
    const atRatio = `at the HDR ratio ${formatHdrRatio(ratio)}`;
    flags.push({
      code: 'hdr-ratio-mismatch',
      severity: 'error',
      section: 'IV',
      subject: hdr.description,
      message:
        expected === null
          ? `${subject}: ${format(String(hdrs))} HDRs and ${format(String(shares))} underlying shares disagree ${atRatio}`
          : `${subject}: ${format(String(hdrs))} HDRs ${atRatio} stand for ${format(expected)} underlying shares, but the form says ${format(String(shares))}`,
      expected,
      actual: String(shares),
    });
  }
  return flags;
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
