/**
 * How a class of shares is named on the card and in the full view: the class as printed, with its type or the
 * filer's description where that tells two classes apart ("Ordinary shares – H shares"), and where it is listed:
 * "SEHK 00020 / 80020 RMB", "SSE 600036" (another exchange's code the form prints), "Shanghai 605988" (one the
 * filer's description names), "not listed on SEHK". The form's "Listed on the Exchange: No" says only that a class
 * is not listed in Hong Kong, so a class is never called unlisted outright.
 */
import type { ShareClass } from '../domain/monthly-return.js';
import { formatOtherExchangeCode, type OtherExchangeCode } from '../domain/stock-code.js';

const DESCRIPTION_LENGTH = 60;

/** "Shanghai", "Shenzhen": the exchanges an A-share or another foreign listing names in its description. */
const CJK_EXCHANGES: Record<string, string> = { 上海: 'Shanghai', 深圳: 'Shenzhen' };

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "H", "A": a printed type of shares that is a type, not "Not applicable" or "Other type (specify …)". */
function shareType(shareClass: Pick<ShareClass, 'typeOfShares'>): string | null {
  const type = shareClass.typeOfShares?.trim() ?? '';
  return /^[A-Z]{1,2}$/.test(type) ? `${type} shares` : null;
}

export function describeClassName(shareClass: Pick<ShareClass, 'className' | 'typeOfShares' | 'description'>): string {
  const name = shareClass.className.trim() || 'Shares';
  const type = shareType(shareClass);
  const description = shareClass.description?.trim() ?? '';
  const addsSomething =
    description.length > 0 && description.length <= DESCRIPTION_LENGTH && normalised(description) !== normalised(name);
  const extra = addsSomething ? description : type;
  return extra && normalised(extra) !== normalised(name) ? `${name} – ${extra}` : name;
}

/** Another exchange the description names, with the code it gives there: "Shanghai 605988", "London". */
function otherListing(description: string | null): string | null {
  if (!description) return null;
  const english = /listed on (?:the )?((?:[A-Z][A-Za-z]+ )*?[A-Z][A-Za-z]+) Stock Exchange/.exec(description);
  const chinese = /(上海|深圳)證券交易所/.exec(description);
  const exchange = english?.[1] ?? (chinese?.[1] ? CJK_EXCHANGES[chinese[1]] : undefined);
  if (!exchange) return null;
  const code = /(?:stock code|股份代號|證券代碼)[:：]?\s*(\d{6}|\d{4,5})/i.exec(description)?.[1];
  return code ? `${exchange} ${code}` : exchange;
}

export function describeListing(
  shareClass: Pick<
    ShareClass,
    'listedOnExchange' | 'stockCode' | 'otherExchangeCode' | 'description' | 'multiCounters'
  >,
): string {
  if (shareClass.stockCode) {
    const counters = shareClass.multiCounters.map((c) => `${c.stockCode}${c.currency ? ` ${c.currency}` : ''}`);
    return `SEHK ${[shareClass.stockCode, ...counters].join(' / ')}`;
  }
  if (shareClass.otherExchangeCode) return formatOtherExchangeCode(shareClass.otherExchangeCode);
  const elsewhere = otherListing(shareClass.description);
  if (elsewhere) return elsewhere;
  if (shareClass.listedOnExchange === true) return 'SEHK (stock code not printed)';
  return 'not listed on SEHK';
}

/** "Ordinary shares – A shares · Shanghai 605988". */
export function describeShareClass(shareClass: ShareClass): string {
  return `${describeClassName(shareClass)} · ${describeListing(shareClass)}`;
}

/**
 * A class's label in the history, its chart and its file, with the code another exchange lists it under where the
 * form prints one ("A Shares (SSE 601338)"): the HKEX code alone would leave an A+H issuer's A shares unplaced.
 */
export function withOtherExchangeCode(label: string, code: OtherExchangeCode | null): string {
  return code ? `${label} (${formatOtherExchangeCode(code)})` : label;
}
