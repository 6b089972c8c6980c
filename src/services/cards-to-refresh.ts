/**
 * Which returns' cards a save makes out of date. A resubmission makes the card of the submission it replaced read
 * as current although it no longer counts; a month that arrives after a later one (October shared after November,
 * or both in one message) changes what the later month is compared with and whether it follows on. The Slack side
 * updates the cards it posted about each.
 */
import type { StoredReturn } from '../domain/stored-return.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';

export interface CardToRefresh {
  readonly stored: StoredReturn;
  /** `superseded`: the return a resubmission replaced; `later-month`: the next month held, now compared with this. */
  readonly reason: 'superseded' | 'later-month';
}

/** The next month held after the saved one, when the saved return is now the one it is compared with. */
async function laterMonthOf(store: FilingStore, saved: StoredReturn): Promise<StoredReturn | null> {
  const later = (await store.monthsHeld(saved.stockCode)).filter((month) => month > saved.reportMonth).at(-1);
  if (!later) return null;
  const [current, previous] = await Promise.all([
    store.forMonth(saved.stockCode, later),
    store.previous(saved.stockCode, later),
  ]);
  return current && previous?.id === saved.id ? current : null;
}

export async function cardsToRefresh(store: FilingStore, result: SaveResult): Promise<CardToRefresh[]> {
  if (result.status !== 'stored' && result.status !== 'superseded-earlier') return [];
  const refresh: CardToRefresh[] = [];
  if (result.status === 'superseded-earlier') refresh.push({ stored: result.superseded, reason: 'superseded' });
  const later = await laterMonthOf(store, result.stored);
  if (later) refresh.push({ stored: later, reason: 'later-month' });
  return refresh;
}
