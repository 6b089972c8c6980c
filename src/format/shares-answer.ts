/** Which renderer draws which answer to `/shares`. */
import type { SharesAnswer } from '../view-models/shares-answer.js';
import { type FilingCardOptions, renderFilingCard } from './filing-card.js';
import { renderFullReturnMessages, returnOfCard } from './full-return.js';
import { renderHistoryExportNote } from './history-export.js';
import { renderIssuerList } from './issuer-list.js';
import type { SlackMessage } from './message.js';
import { renderNotHeld } from './not-held.js';
import { renderShareHistory } from './share-history.js';
import { renderSharesHelp } from './shares-help.js';

export function renderSharesAnswer(answer: SharesAnswer, options: FilingCardOptions = {}): SlackMessage {
  switch (answer.kind) {
    case 'help':
      return renderSharesHelp();
    case 'card':
      return renderFilingCard(answer.card, options);
    case 'full-return':
      return renderSharesAnswerMessages(answer)[0] ?? renderFilingCard(answer.card, options);
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
  const { filing, name } = returnOfCard(answer.card);
  return renderFullReturnMessages(filing, name);
}
