/**
 * An A+H issuer prints its A shares' code in the class block's "Stock code" cell as the mainland exchange numbers
 * it: six digits ("600036" in Shanghai, "000333" in Shenzhen). That is not an HKEX code, and padding or cutting it
 * to five digits would name another issuer, so it is kept apart from `stockCode` with its exchange: the exchange a
 * form's "Exchange" cell names where one is printed beside the code, else the one its first digit belongs to.
 */
import {
  exchangeOfSixDigitCode,
  OTHER_EXCHANGE_NAMES,
  type OtherExchangeCode,
  readExchangeName,
} from '../../domain/stock-code.js';
import { noteUncertain, type ReadingContext } from './reading.js';

/** "600036", or "600036 Exchange Shanghai Stock Exchange" where an Exchange cell sits between code and description. */
const SIX_DIGITS = /^(\d{6})(?:\s+(?:Exchange|交易所)\s*[:：]?\s*(.*))?$/;

/**
 * The other exchange's code a "Stock code" cell prints: undefined where the cell holds no six-digit code (not this
 * reader's business), null where it does but its exchange cannot be told (noted as uncertain, never guessed).
 */
export function readOtherExchangeCode(
  context: ReadingContext,
  section: string,
  subject: string,
  cell: string,
): OtherExchangeCode | null | undefined {
  const match = SIX_DIGITS.exec(cell.trim());
  const stockCode = match?.[1];
  if (!match || stockCode === undefined) return undefined;
  const named = match[2]?.trim();
  const byCode = exchangeOfSixDigitCode(stockCode);
  if (named) {
    const exchange = readExchangeName(named);
    if (!exchange) {
      noteUncertain(
        context,
        section,
        subject,
        `stock code ${stockCode} is listed on "${named}", an exchange not known`,
      );
      return null;
    }
    if (byCode !== null && byCode !== exchange) {
      noteUncertain(
        context,
        section,
        subject,
        `stock code ${stockCode} is numbered as the ${OTHER_EXCHANGE_NAMES[byCode]} numbers its listings, but the form names the ${OTHER_EXCHANGE_NAMES[exchange]}`,
      );
    }
    return { exchange, stockCode };
  }
  if (byCode === null) {
    noteUncertain(
      context,
      section,
      subject,
      `stock code ${stockCode} has six digits, as a mainland exchange's codes do, but neither its first digit nor an Exchange cell says which exchange`,
    );
    return null;
  }
  return { exchange: byCode, stockCode };
}
