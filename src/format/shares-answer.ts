/** Which renderer draws which answer to `/shares`. */
import type { SharesAnswer } from '../view-models/shares-answer.js';
import { SLACK_LIMITS } from './blocks.js';
import { postAnswerActions } from './card-actions.js';
import { type FilingCardOptions, renderFilingCard } from './filing-card.js';
import { renderFullReturnMessages, returnOfCard } from './full-return.js';
import { renderHistoryExportNote } from './history-export.js';
import { renderIssuerList } from './issuer-list.js';
import type { SlackMessage } from './message.js';
import { renderNotHeld } from './not-held.js';
import { withOtherExchangeClass } from './other-exchange-class.js';
import { renderShareHistory } from './share-history.js';
import { renderSharesHelp } from './shares-help.js';

export function renderSharesAnswer(answer: SharesAnswer, options: FilingCardOptions = {}): SlackMessage {
  return withOtherExchangeClass(renderAnswer(answer, options), answer.askedAs);
}

function renderAnswer(answer: SharesAnswer, options: FilingCardOptions): SlackMessage {
  switch (answer.kind) {
    case 'help':
      return renderSharesHelp();
    case 'card':
      return renderFilingCard(answer.card, options);
    case 'full-return':
      return renderFullReturn(answer)[0] ?? renderFilingCard(answer.card, options);
    case 'history':
      return renderShareHistory(answer.history, options);
    case 'history-export':
      return renderHistoryExportNote(answer.history);
    case 'issuers':
      return renderIssuerList(answer.issuers, answer.query, options);
    case 'not-held':
      return renderNotHeld(answer);
  }
}

/** An answer as the messages it takes: the whole return may need several, every other answer is one. */
export function renderSharesAnswerMessages(answer: SharesAnswer, options: FilingCardOptions = {}): SlackMessage[] {
  if (answer.kind !== 'full-return') return [renderSharesAnswer(answer, options)];
  const [first, ...rest] = renderFullReturn(answer, options);
  return first ? [withOtherExchangeClass(first, answer.askedAs), ...rest] : rest;
}

function renderFullReturn(
  answer: Extract<SharesAnswer, { kind: 'full-return' }>,
  options: FilingCardOptions = {},
): SlackMessage[] {
  const { filing, name } = returnOfCard(answer.card);
  const messages = renderFullReturnMessages(filing, name);
  if (!options.postToChannel) return messages;
  // Post to channel under the last part, which asks for the whole return again (all its parts) for everyone.
  const { stockCode, reportMonth } = answer.card.stored;
  const post = postAnswerActions(`${stockCode} ${reportMonth} full`);
  const last = messages.at(-1);
  if (last && last.blocks.length < SLACK_LIMITS.blocksPerMessage) {
    return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, post] }];
  }
  return [...messages, { text: `The whole return of ${stockCode} for ${reportMonth}`, blocks: [post] }];
}
