/**
 * An answer asked for by another exchange's code (`/shares 601338`): said above it, which issuer and which class the
 * code is, so that a card filed under 01338 does not look like an answer to another question.
 */
import { formatOtherExchangeCode, OTHER_EXCHANGE_NAMES } from '../domain/stock-code.js';
import type { OtherExchangeClass } from '../view-models/other-exchange-class.js';
import { context, escapeMrkdwn, fitBlocks } from './blocks.js';
import { describeClassName } from './class-label.js';
import { shortIssuerName } from './filing-card.js';
import type { SlackMessage } from './message.js';

/**
 * "601338 is SSE 601338, the Shanghai Stock Exchange code of Donghai Port Machinery Co., Ltd.'s Ordinary shares – A
 * Shares; the issuer files its returns with HKEX under 01338." As plain words.
 */
export function describeOtherExchangeClass(found: OtherExchangeClass): string {
  const { code, stockCode } = found;
  const issuer = shortIssuerName(found.issuerName);
  const what = found.shareClass ? `${issuer}'s ${describeClassName(found.shareClass)}` : `a class of ${issuer}`;
  return `${code.stockCode} is ${formatOtherExchangeCode(code)}, the ${OTHER_EXCHANGE_NAMES[code.exchange]} code of ${what}; the issuer files its returns with HKEX under ${stockCode}.`;
}

export function withOtherExchangeClass(message: SlackMessage, found: OtherExchangeClass | undefined): SlackMessage {
  if (!found) return message;
  const note = describeOtherExchangeClass(found);
  return {
    text: `${escapeMrkdwn(note)}\n${message.text}`,
    blocks: fitBlocks([context(`:information_source: ${escapeMrkdwn(note)}`), ...message.blocks]),
  };
}
