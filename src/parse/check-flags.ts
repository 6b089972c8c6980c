/**
 * The flags the checks raise, worded the same way everywhere: grouped digits, explicit signs,
 * "<class>, <what>: 100 + 5 = 105, but the form says 106".
 */
import type { Flag } from '../domain/flag.js';
import type { Movement } from '../domain/monthly-return.js';

export function format(value: number | string): string {
  const text = String(value);
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "+ 5" / "- 144,400", as a term of a sum. */
export function signed(value: number | string): string {
  const text = String(value);
  return text.startsWith('-') ? `- ${format(text.slice(1))}` : `+ ${format(text)}`;
}

/** "+1,230,000" / "-103,101,179" / "0", as a change on its own. */
export function withSign(value: number): string {
  if (value === 0) return '0';
  return value > 0 ? `+${format(value)}` : `-${format(-value)}`;
}

export function label(subject: string | null, what: string): string {
  return subject ? `${subject}, ${what}` : what;
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

/**
 * What the form shows where a figure is expected: "says 0" for a printed 0, "prints N/A" (or 不適用, as printed) for
 * the words that stand for nothing to report, "leaves it blank" for an empty cell. A total left N/A is not a 0.
 */
export function formSays(printed: string | null, printedInstead: string | undefined): string {
  if (printed !== null) return `says ${format(printed)}`;
  return printedInstead === undefined ? 'leaves it blank' : `prints ${printedInstead}`;
}

/** A printed total against the sum of what it totals; `actual` null where the form prints no figure. */
export function mismatch(
  code: Flag['code'],
  section: string,
  subject: string | null,
  what: string,
  expected: string,
  actual: string | null,
  printedInstead?: string,
): Flag {
  return {
    code,
    severity: 'error',
    section,
    subject,
    message: `${label(subject, what)}: the figures add up to ${format(expected)}, but the form ${formSays(actual, printedInstead)}`,
    expected,
    actual,
  };
}
