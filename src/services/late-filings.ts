/**
 * A late filer found after the digest: when a fill on a business day after the deadline stores the month's return
 * of a watched company, each channel whose digest of that month has gone out (and so named it as late or not held)
 * gets one short follow-up. Once per channel, month and code, whichever process's scheduler gets there first: the
 * post is claimed in the store before it is made and the claim kept after, as the digest is. A post that fails is
 * logged and not tried again: a missing follow-up can be read in `/shares CODE`, a repeated one cannot be unsent.
 */
import { viewerIn } from '../domain/audience.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { channelKeyOf } from '../domain/stored-return.js';
import type { WatchlistFill } from '../domain/watchlist-fill.js';
import type { FilingStore } from '../store/filing-store.js';
import { seenBy } from '../store/seen-by.js';
import { CLAIM_LEASE_MS } from './claimed-work.js';
import { loadDigest } from './digest-content.js';
import type { DigestPoster } from './digest-sending.js';

export interface LateFilingDeps {
  readonly store: FilingStore;
  readonly poster: DigestPoster;
  readonly log: (message: string) => void;
  /** With the app installed in many workspaces: the poster of a watchlist's workspace (its token). */
  readonly postersOf?: (teamId: string) => Promise<{ readonly poster: DigestPoster }>;
}

/** The claim on one channel's follow-up about one code's return for one month. */
export function lateFilingClaimKey(channelId: string, month: ReportMonth, stockCode: StockCode): string {
  return `late-filing ${channelId} ${month} ${stockCode}`;
}

/**
 * The codes whose return for the month was read after the digest went out. A fill's result may be another
 * process's, taken after this one's digest was sent: what it found before the digest is in the digest already.
 */
async function storedAfter(
  store: FilingStore,
  codes: readonly StockCode[],
  month: ReportMonth,
  sentAt: string,
): Promise<StockCode[]> {
  const after: StockCode[] = [];
  for (const code of codes) {
    const current = await store.forMonth(code, month);
    if (current && Date.parse(current.provenance.readAt) > Date.parse(sentAt)) after.push(code);
  }
  return after;
}

/** Posts the follow-ups a fill calls for; answers how many this process posted. */
export async function postLateFilings(deps: LateFilingDeps, fill: WatchlistFill): Promise<number> {
  const { store, log } = deps;
  if (fill.found.length === 0) return 0;
  let posted = 0;
  for (const watchlist of await store.listWatchlists()) {
    const { channelId, teamId } = watchlist;
    const watched = fill.found.filter((code) => watchlist.stockCodes.includes(code));
    if (!watchlist.digestEnabled || watched.length === 0) continue;
    // Not sent yet (or refused, to be tried again): the digest itself will name the company as filed.
    const record = await store.findDigestRecord(channelId, fill.month, teamId);
    if (!record || record.messageTs.length === 0) continue;
    const view = seenBy(store, viewerIn(channelId, teamId));
    const { poster } = teamId && deps.postersOf ? await deps.postersOf(teamId) : deps;
    const codes = await storedAfter(view, watched, fill.month, record.sentAt);
    if (codes.length === 0) continue;
    const digest = await loadDigest(view, codes, fill.month);
    for (const company of [...digest.moved, ...digest.quiet]) {
      const key = lateFilingClaimKey(channelKeyOf(watchlist), fill.month, company.stockCode);
      const claim = await store.fetchClaims.claim(key, CLAIM_LEASE_MS);
      if (claim.outcome !== 'claimed') continue;
      const filing = { month: fill.month, deadline: digest.deadline, company };
      const what = `${channelId} ${fill.month}: follow-up for ${company.stockCode}`;
      try {
        const { ts } = await poster.postMessage(channelId, poster.renderLateFiling(filing));
        await store.fetchClaims.finish(key, claim.token, { ts });
        log(`${what} posted`);
        posted += 1;
      } catch (error) {
        await store.fetchClaims.finish(key, claim.token, { failed: String(error) }).catch(() => undefined);
        log(`${what} could not be posted, and is not tried again: ${error instanceof Error ? error.message : error}`);
      }
    }
  }
  return posted;
}
