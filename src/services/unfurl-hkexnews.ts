/**
 * An HKEXnews document link pasted in Slack, as a card: the document is downloaded (from HKEXnews only) and, when it
 * is a monthly return, read and stored like any other, its provenance taken from the site's own listing of it (found
 * by the stock and month its first page names). A return already held (same sha256) is answered from the store,
 * linked to the listing first where it was shared before HKEXnews was seen to hold it.
 */
import { reportMonthOf } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { hkexnewsListingOf } from '../domain/stored-return.js';
import type { HkexnewsClient, HkexnewsDocument } from '../hkexnews/hkexnews-client.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore } from '../store/filing-store.js';
import type { FilingCard } from '../view-models/filing-card.js';
import { runClaimed } from './claimed-work.js';
import { addMonths } from './fetch-returns.js';
import { buildFilingCard, buildFilingCardForSave } from './filing-card.js';
import { ingestFiling, sha256Of } from './ingest-filing.js';
import { readFiling } from './read-filing.js';

export interface UnfurlDeps {
  readonly store: FilingStore;
  readonly client: HkexnewsClient;
  readonly now: () => Date;
  readonly limits?: ExtractLimits;
  readonly read?: typeof readFiling;
}

/** Whether a pasted link is a document on HKEXnews (the only links this app unfurls). */
export function isHkexnewsDocumentLink(client: HkexnewsClient, url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === client.origin && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** The card of the monthly return at `url`; throws AppError for a document that is not one, or a failing site. */
export async function cardForHkexnewsLink(deps: UnfurlDeps, url: string): Promise<FilingCard> {
  const bytes = await deps.client.download(url);
  const held = await deps.store.findBySha256(sha256Of(bytes));
  if (held && hkexnewsListingOf(held)) return buildFilingCard(deps.store, held, { alreadyHeld: true });
  const fileName = new URL(url).pathname.split('/').at(-1) ?? url;
  const parsed = held ?? (await (deps.read ?? readFiling)(bytes, { fileName, limits: deps.limits }));
  const { monthlyReturn } = parsed;
  const listing = await findListing(deps, monthlyReturn.stockCodes[0], reportMonthOf(monthlyReturn), url);
  const result = await ingestFiling(
    { store: deps.store, now: deps.now, read: async () => ({ monthlyReturn, flags: parsed.flags }) },
    {
      bytes,
      fileName,
      source: {
        kind: 'hkexnews',
        newsId: listing?.newsId ?? '',
        url,
        title: listing?.title ?? fileName,
        releasedAt: listing?.releasedAt ?? '',
      },
    },
  );
  return buildFilingCardForSave(deps.store, result);
}

/** The site's record of the document, searched in the months after the one the return reports. */
async function findListing(
  deps: UnfurlDeps,
  stockCode: StockCode | undefined,
  month: string,
  url: string,
): Promise<HkexnewsDocument | null> {
  if (!stockCode) return null;
  const stock = await deps.client.findStock(stockCode);
  if (!stock) return null;
  const today = deps.now().toISOString().slice(0, 10);
  const to = `${addMonths(month, 4)}-01` < today ? `${addMonths(month, 4)}-01` : today;
  if (to < `${month}-01`) return null;
  const documents = await deps.client.searchDocuments({
    stockId: stock.stockId,
    from: `${month}-01`,
    to,
    category: 'monthlyReturns',
  });
  return documents.find((document) => document.url === url) ?? null;
}

/** What the link_shared listener calls: null for a link that is not an HKEXnews document. */
export function createHkexnewsUnfurl(deps: UnfurlDeps): (url: string) => Promise<FilingCard | null> {
  return async (url) => (isHkexnewsDocumentLink(deps.client, url) ? cardForHkexnewsLink(deps, url) : null);
}

/** The claim on unfurling the links of one message (kept once done). */
export function unfurlClaimKey(channel: string, messageTs: string): string {
  return `link-unfurl ${channel} ${messageTs}`;
}

/**
 * Runs a message's unfurl (its downloads and its chat.unfurl) once across the processes on the store: Slack retries
 * a link_shared it thinks unanswered, and behind a load balancer the retry may reach another instance. A delivery
 * that finds the unfurl under way waits for it, and takes it over if its holder died; one that finds it done does
 * nothing. An unfurl that failed keeps nothing, so Slack's next retry tries again. Answers whether this call did it.
 */
export function unfurlOnce(
  store: FilingStore,
  message: { readonly channel: string; readonly messageTs: string },
  unfurl: () => Promise<void>,
): Promise<boolean> {
  const work = async () => {
    await unfurl();
    return true;
  };
  return runClaimed(store.fetchClaims, unfurlClaimKey(message.channel, message.messageTs), work, {
    toRecord: () => ({ unfurled: true }),
    fromRecord: () => false,
  });
}
