/**
 * Parts I and II each print a stock code for every class ("Stock code (if listed)" / "(1) Stock code :"), and the
 * return is filed under those codes. Where the two parts disagree the return may be filed under another company's
 * code, so the disagreement is flagged rather than one code silently chosen. A class listed on another exchange
 * (an A+H issuer's A shares) is compared by that exchange and code ("SSE 600036"), never as an HKEX code.
 */
import type { Flag } from '../domain/flag.js';
import type { MonthlyReturn, ShareClass } from '../domain/monthly-return.js';
import { formatOtherExchangeCode } from '../domain/stock-code.js';

export function checkStockCodes(monthlyReturn: MonthlyReturn): Flag[] {
  const partI = monthlyReturn.authorisedShareCapital.classes;
  const partII = monthlyReturn.issuedShares.classes;
  if (partI.length === partII.length) {
    return partII.flatMap((issued, index) => compareClassCodes(partI[index], issued));
  }
  // Different class lists: every code printed in one part must be printed in the other.
  const codesOfPartI = listedCodes(partI);
  const codesOfPartII = listedCodes(partII);
  if (codesOfPartI.size === 0 || codesOfPartII.size === 0) return [];
  return [
    ...[...codesOfPartII].filter((code) => !codesOfPartI.has(code)).map((code) => flagUnmatched(code, 'II', 'I')),
    ...[...codesOfPartI].filter((code) => !codesOfPartII.has(code)).map((code) => flagUnmatched(code, 'I', 'II')),
  ];
}

function compareClassCodes(authorised: ShareClass | undefined, issued: ShareClass): Flag[] {
  const expected = authorised ? printedCode(authorised) : null;
  const actual = printedCode(issued);
  if (expected === null || actual === null || expected === actual) return [];
  return [
    {
      code: 'stock-code-mismatch',
      severity: 'error',
      section: 'II',
      subject: issued.className,
      message: `${issued.className}: part II gives stock code ${actual}, but part I gives ${expected}`,
      expected,
      actual,
    },
  ];
}

/** "00020", or "SSE 600036" for a class listed on another exchange; null where the class prints no code. */
function printedCode(shareClass: ShareClass): string | null {
  if (shareClass.stockCode !== null) return shareClass.stockCode;
  return shareClass.otherExchangeCode ? formatOtherExchangeCode(shareClass.otherExchangeCode) : null;
}

function flagUnmatched(code: string, printedIn: 'I' | 'II', missingFrom: 'I' | 'II'): Flag {
  return {
    code: 'stock-code-mismatch',
    severity: 'error',
    section: printedIn,
    subject: null,
    message: `Stock code ${code} is printed in part ${printedIn} but not in part ${missingFrom}`,
    expected: null,
    actual: code,
  };
}

function listedCodes(classes: readonly ShareClass[]): Set<string> {
  return new Set(classes.map(printedCode).filter((code): code is string => code !== null));
}
