/**
 * A return filed under a stock code must be the issuer's held for that code: a misread or mistyped code would
 * otherwise file one company's shares under another's silently. The name printed on the return is compared with the
 * name on the previous return held for the code, as a filer writes it: case, punctuation, spacing, the legal form
 * ("Limited", "Ltd.", "有限公司") and HKEX's stock-name markers ("- W", "-SW", "-B") do not count. A Chinese and an
 * English name of one issuer (the two language versions of one return) cannot be compared and are not flagged.
 */
import type { Flag } from './flag.js';
import type { HistoryEntry } from './stored-return.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[a-z]/iu;

/** A trailing word of the legal form, or one of HKEX's stock-name markers, as the last thing in a name. */
const TRAILING_FORM =
  /(?:\s*[-–]\s*(?:w|sw|b|s|p|r)|\s+(?:incorporated|inc|limited|ltd|company|co|corporation|corp|plc|llc|ag|sa|se|nv))[.,]?\s*$/iu;
const CHINESE_LEGAL_FORM = /(?:股份有限公司|有限責任公司|有限责任公司|有限公司|公司)$/u;

function withoutLegalForm(name: string): string {
  let rest = name;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(TRAILING_FORM, '').replace(CHINESE_LEGAL_FORM, '');
  }
  return rest;
}

/** The name a filer means, without what filers write differently from one return to the next. */
export function comparableIssuerName(name: string): string {
  // A parenthesis says how the issuer is constituted ("(incorporated in the Cayman Islands with limited liability)"),
  // which one return prints and the next leaves out; "(Holdings)" inside a name is rare enough to give up for that.
  const folded = name
    .normalize('NFKC')
    .replace(/\([^)]*\)/gu, ' ')
    .trim()
    .replace(/\s+/gu, ' ');
  return withoutLegalForm(folded)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function script(name: string): 'cjk' | 'latin' | 'other' {
  if (CJK.test(name)) return 'cjk';
  return LATIN.test(name) ? 'latin' : 'other';
}

/** A warning when the return's issuer is not the one the previous return held for its code names. */
export function checkIssuerName(current: HistoryEntry, previous: HistoryEntry | null): Flag[] {
  if (!previous) return [];
  const name = current.monthlyReturn.issuerName.trim();
  const held = previous.monthlyReturn.issuerName.trim();
  if (name === '' || held === '' || script(name) !== script(held)) return [];
  if (comparableIssuerName(name) === comparableIssuerName(held)) return [];
  return [
    {
      code: 'issuer-name-mismatch',
      severity: 'warning',
      section: 'header',
      subject: null,
      message: `The issuer is named "${name}", but the ${previous.reportMonth} return held for ${current.stockCode} names "${held}": a renamed issuer, or a return filed under another issuer's stock code`,
      expected: held,
      actual: name,
    },
  ];
}
