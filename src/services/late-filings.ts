/**
 * A late filer found after the digest: when a fill on a business day after the deadline stores the month's return
 * of a watched company, each channel whose digest of that month has gone out (and so named it as late or not held)
 * gets one short follow-up. Once per channel, month and code, whichever process's scheduler gets there first: the
 * post is claimed in the store before it is made and the claim kept after, as the digest is. A post Slack refuses
 * has posted nothing: like a refused digest it is tried again the next business day (retryLateFilings), once, under
 * a claim of its own so that one process retries it. A second refusal is logged and left: a missing follow-up can
 * be read in `/shares CODE`, a repeated one cannot be unsent.
 */
import { viewerIn } from '../domain/audience.js';
import { type LateFilingAttempt, LateFilingAttemptSchema } from '../domain/late-filing-attempt.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { channelKeyOf } from '../domain/stored-return.js';
import type { WatchlistFill } from '../domain/watchlist-fill.js';
import type { FilingStore } from '../store/filing-store.js';
import { seenBy } from '../store/seen-by.js';
import type { LateFiling } from '../view-models/digest.js';
import { CLAIM_LEASE_MS } from './claimed-work.js';
import { loadDigest } from './digest-content.js';
import type { DigestPoster } from './digest-sending.js';

export interface LateFilingDeps {
  readonly store: FilingStore;
  readonly poster: DigestPoster;
  readonly log: (message: string) => void;
  readonly now: () => Date;
  /** When a follow-up Slack refused is tried again; never, without it. */
  readonly retryAt?: (failedAt: Date) => Date;
  /** With the app installed in many workspaces: the poster of a watchlist's workspace (its token). */
  readonly postersOf?: (teamId: string) => Promise<{ readonly poster: DigestPoster }>;
}

/** The claim on one channel's follow-up about one code's return for one month. */
export function lateFilingClaimKey(channelId: string, month: ReportMonth, stockCode: StockCode): string {
  return `late-filing ${channelId} ${month} ${stockCode}`;
}

/** The claim on trying a refused follow-up again, taken once and kept, so that it is retried once. */
export function lateFilingRetryKey(channelId: string, month: ReportMonth, stockCode: StockCode): string {
  return `late-filing-retry ${channelId} ${month} ${stockCode}`;
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

/**
 * A channel whose digest of the month has gone out, with the codes it watches whose return was read after it, the
 * store as it sees it, and its workspace's poster. `channelKey` names it in claims (channelKeyOf).
 */
interface Told {
  readonly channelId: string;
  readonly channelKey: string;
  readonly view: FilingStore;
  readonly poster: DigestPoster;
  readonly codes: readonly StockCode[];
}

async function readAfterDigest(deps: LateFilingDeps, month: ReportMonth, among: readonly StockCode[]): Promise<Told[]> {
  const { store } = deps;
  const told: Told[] = [];
  for (const watchlist of await store.listWatchlists()) {
    const { channelId, teamId } = watchlist;
    const watched = among.filter((code) => watchlist.stockCodes.includes(code));
    if (!watchlist.digestEnabled || watched.length === 0) continue;
    // Not sent yet (or refused, to be tried again): the digest itself will name the company as filed.
    const record = await store.findDigestRecord(channelId, month, teamId);
    if (!record || record.messageTs.length === 0) continue;
    const view = seenBy(store, viewerIn(channelId, teamId));
    const codes = await storedAfter(view, watched, month, record.sentAt);
    if (codes.length === 0) continue;
    const { poster } = teamId && deps.postersOf ? await deps.postersOf(teamId) : deps;
    told.push({ channelId, channelKey: channelKeyOf(watchlist), view, poster, codes });
  }
  return told;
}

/** Posts a follow-up under a claim this process holds, and keeps what happened with it; answers whether posted. */
async function postUnderClaim(
  deps: LateFilingDeps,
  claim: { readonly key: string; readonly token: string; readonly what: string; readonly retry: boolean },
  { channelId, poster }: Told,
  filing: LateFiling,
): Promise<boolean> {
  const { store, log } = deps;
  try {
    const { ts } = await poster.postMessage(channelId, poster.renderLateFiling(filing));
    await store.fetchClaims.finish(claim.key, claim.token, { ts } satisfies LateFilingAttempt);
    log(`${claim.what} posted`);
    return true;
  } catch (error) {
    const failedAt = deps.now();
    const retryAt = claim.retry ? null : (deps.retryAt?.(failedAt) ?? null);
    const attempt: LateFilingAttempt = {
      failed: String(error),
      ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
    };
    await store.fetchClaims.finish(claim.key, claim.token, attempt).catch(() => undefined);
    const again = retryAt ? `tried again at ${retryAt.toISOString()}` : 'not tried again';
    log(`${claim.what} could not be posted, and is ${again}: ${error instanceof Error ? error.message : error}`);
    return false;
  }
}

/**
 * Posts the follow-up of each of `codes` whose return the channel may see, each under its own claim (`keyOf`: the
 * first post's, or its retry's); answers how many this process posted.
 */
async function postEachClaimed(
  deps: LateFilingDeps,
  told: Told,
  month: ReportMonth,
  codes: readonly StockCode[],
  keyOf: (code: StockCode) => string,
  retry: boolean,
): Promise<number> {
  const digest = await loadDigest(told.view, codes, month);
  let posted = 0;
  for (const company of [...digest.moved, ...digest.quiet]) {
    const key = keyOf(company.stockCode);
    const claim = await deps.store.fetchClaims.claim(key, CLAIM_LEASE_MS);
    if (claim.outcome !== 'claimed') continue;
    const what = `${told.channelId} ${month}: follow-up for ${company.stockCode}${retry ? ', tried again,' : ''}`;
    const filing = { month, deadline: digest.deadline, company };
    if (await postUnderClaim(deps, { key, token: claim.token, what, retry }, told, filing)) posted += 1;
  }
  return posted;
}

/** Posts the follow-ups a fill calls for; answers how many this process posted. */
export async function postLateFilings(deps: LateFilingDeps, fill: WatchlistFill): Promise<number> {
  if (fill.found.length === 0) return 0;
  let posted = 0;
  for (const told of await readAfterDigest(deps, fill.month, fill.found)) {
    const keyOf = (code: StockCode) => lateFilingClaimKey(told.channelKey, fill.month, code);
    posted += await postEachClaimed(deps, told, fill.month, told.codes, keyOf, false);
  }
  return posted;
}

/**
 * Tries again, once, each follow-up of the month that Slack refused and whose time to try again has come; answers
 * the earliest such time still to come (null: none), for the scheduler to wake then.
 */
export async function retryLateFilings(deps: LateFilingDeps, month: ReportMonth): Promise<Date | null> {
  const { store } = deps;
  let later: Date | null = null;
  const watched = new Set((await store.listWatchlists()).flatMap((watchlist) => watchlist.stockCodes));
  for (const told of await readAfterDigest(deps, month, [...watched])) {
    const { channelKey, codes } = told;
    const due: StockCode[] = [];
    for (const code of codes) {
      const kept = LateFilingAttemptSchema.safeParse(
        await store.fetchClaims.kept(lateFilingClaimKey(channelKey, month, code)),
      );
      if (!kept.success || !('retryAt' in kept.data) || kept.data.retryAt === undefined) continue;
      const retryAt = new Date(kept.data.retryAt);
      if (retryAt.getTime() <= deps.now().getTime()) due.push(code);
      else if (later === null || retryAt < later) later = retryAt;
    }
    if (due.length === 0) continue;
    await postEachClaimed(deps, told, month, due, (code) => lateFilingRetryKey(channelKey, month, code), true);
  }
  return later;
}
