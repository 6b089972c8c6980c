/**
 * Answers a parsed `/shares` question from the store. Every question gets an answer: a card, a history, a list, or
 * a "not held" that says what is held nearby.
 */

import { setImmediate } from 'node:timers/promises';
import { monthBefore } from '../domain/check-continuity.js';
import { suggestKeyword } from '../domain/edit-distance.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import { type IssuerRef, type LookupQuery, SHARES_KEYWORDS } from '../domain/shares-query.js';
import { formatOtherExchangeCode, type StockCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import type { OtherExchangeClass } from '../view-models/other-exchange-class.js';
import type { SharesAnswer } from '../view-models/shares-answer.js';
import { buildFilingCard } from './filing-card.js';
import { buildHistoryExport } from './history-export.js';
import { findOtherExchangeClasses } from './other-exchange-class.js';
import { buildShareHistory } from './share-history.js';
import { prepareNameSuggestions, suggestCodes, suggestNames } from './suggest.js';

export interface AnswerDeps {
  readonly store: FilingStore;
}

type Resolved =
  | { readonly kind: 'code'; readonly code: StockCode; readonly askedAs?: OtherExchangeClass }
  | { readonly kind: 'answer'; readonly answer: SharesAnswer };

function notHeld(
  asked: string,
  fields: Partial<Omit<Extract<SharesAnswer, { kind: 'not-held' }>, 'kind'>> = {},
): SharesAnswer {
  return { kind: 'not-held', asked, month: null, suggestions: [], keyword: null, monthsHeld: [], ...fields };
}

async function resolveIssuer(store: FilingStore, ref: IssuerRef): Promise<Resolved> {
  if (ref.kind === 'code') {
    // Held is enough: reading the latest month here would let one damaged month hide every other.
    if ((await store.monthsHeld(ref.code)).length > 0) return { kind: 'code', code: ref.code };
    const suggestions = suggestCodes(ref.code, await store.listIssuers());
    return { kind: 'answer', answer: notHeld(ref.code, { suggestions }) };
  }
  if (ref.kind === 'other-exchange-code') {
    const [first, ...others] = await findOtherExchangeClasses(store, ref.code);
    if (others.length === 0) return { kind: 'code', code: first.stockCode, askedAs: first };
    const issuers = await store.findByOtherExchangeCode(ref.code);
    return { kind: 'answer', answer: { kind: 'issuers', issuers, query: formatOtherExchangeCode(ref.code) } };
  }
  const matches = await store.searchIssuers(ref.text, { limit: 25 });
  const exact = matches.filter((m) => m.issuerName.toLowerCase() === ref.text.toLowerCase());
  const only = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
  if (only) return { kind: 'code', code: only.stockCode };
  if (matches.length > 1) return { kind: 'answer', answer: { kind: 'issuers', issuers: matches, query: ref.text } };
  const keyword = ref.text.includes(' ') ? null : suggestKeyword(ref.text, SHARES_KEYWORDS);
  // The search and the suggestions each take milliseconds on a market's names: requests waiting go in between.
  await setImmediate();
  const suggestions = suggestNames(ref.text, await store.listIssuers());
  return { kind: 'answer', answer: notHeld(ref.text, { suggestions, keyword }) };
}

export async function answerSharesQuery(deps: AnswerDeps, query: LookupQuery): Promise<SharesAnswer> {
  const { store } = deps;
  if (query.kind === 'help') return { kind: 'help' };
  if (query.kind === 'list') return { kind: 'issuers', issuers: await store.listIssuers(), query: null };

  const resolved = await resolveIssuer(store, query.issuer);
  if (resolved.kind === 'answer') return resolved.answer;
  const answer = await answerForCode(store, query, resolved.code);
  return resolved.askedAs ? { ...answer, askedAs: resolved.askedAs } : answer;
}

async function answerForCode(
  store: FilingStore,
  query: Exclude<LookupQuery, { kind: 'help' | 'list' }>,
  code: StockCode,
): Promise<SharesAnswer> {
  if (query.kind === 'history' && query.export) {
    const history = await buildHistoryExport(store, code, { range: query.months ?? null });
    return history ? { kind: 'history-export', format: query.export, history } : notHeld(code);
  }
  if (query.kind === 'history') {
    // `history fetch 36` shows the months it fetched, where the default shows 24.
    const months = Math.max(24, query.fetchMonths ?? 0);
    const history = await buildShareHistory(store, code, { range: query.months ?? null, months });
    return history ? { kind: 'history', history } : notHeld(code);
  }
  const stored = query.kind === 'month' ? await store.forMonth(code, query.month) : await store.latest(code);
  if (stored) return { kind: query.full ? 'full-return' : 'card', card: await buildFilingCard(store, stored) };
  const monthsHeld = (await store.monthsHeld(code)).slice(0, 12);
  return notHeld(code, { month: query.kind === 'month' ? query.month : null, monthsHeld });
}

/** The card of the month held before `month` (the "Previous month" button), or what is held instead. */
export async function answerPreviousMonth(
  deps: AnswerDeps,
  stockCode: StockCode,
  month: ReportMonth,
): Promise<SharesAnswer> {
  const previous = await deps.store.previous(stockCode, month);
  if (previous) return { kind: 'card', card: await buildFilingCard(deps.store, previous) };
  const monthsHeld = (await deps.store.monthsHeld(stockCode)).slice(0, 12);
  return notHeld(stockCode, { month: monthBefore(month), monthsHeld });
}

/** Readies what answering needs that is slow to build the first time (the name index), before the first question. */
export async function prepareAnswers(deps: AnswerDeps): Promise<void> {
  prepareNameSuggestions(await deps.store.listIssuers());
}
