/** Every answer to a `/shares` question, as a model: built by services/answer-shares-query.ts, drawn by format/. */
import type { ReportMonth } from '../domain/monthly-return.js';
import type { HistoryExportFormat } from '../domain/shares-query.js';
import type { IssuerSummary } from '../domain/stored-return.js';
import type { FilingCard } from './filing-card.js';
import type { HistoryExport } from './history-export.js';
import type { OtherExchangeClass } from './other-exchange-class.js';
import type { ShareHistory } from './share-history.js';

export type SharesAnswer = SharesAnswerOf & {
  /** Asked for by another exchange's code (`/shares 601338`): the class of the issuer answered that carries it. */
  readonly askedAs?: OtherExchangeClass;
};

type SharesAnswerOf =
  | { readonly kind: 'help' }
  | { readonly kind: 'card'; readonly card: FilingCard }
  /** `/shares 00020 2023-11 full` and the card's "Show all": the whole return the card is about. */
  | { readonly kind: 'full-return'; readonly card: FilingCard }
  | { readonly kind: 'history'; readonly history: ShareHistory }
  /** `/shares 00020 history csv`: a file to post, with the message that goes with it. */
  | { readonly kind: 'history-export'; readonly format: HistoryExportFormat; readonly history: HistoryExport }
  /** `/shares list`, or a name that matches several issuers (`query` set). */
  | { readonly kind: 'issuers'; readonly issuers: readonly IssuerSummary[]; readonly query: string | null }
  | {
      readonly kind: 'not-held';
      /** What was asked for, as the user wrote it or as normalised ("00021", "sensetme"). */
      readonly asked: string;
      /** The month asked for, when the code is held but not that month. */
      readonly month: ReportMonth | null;
      /** Issuers the user may have meant. */
      readonly suggestions: readonly IssuerSummary[];
      /** A `/shares` keyword the user may have meant ("history" for "histroy"). */
      readonly keyword: string | null;
      /** For a month not held: the months that are, newest first. */
      readonly monthsHeld: readonly ReportMonth[];
    };
