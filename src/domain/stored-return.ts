import { z } from 'zod';
import { type Audience, AudienceSchema, legacyAudienceOf } from './audience.js';
import { FlagSchema } from './flag.js';
import { IsoDateSchema, MonthlyReturnSchema, ReportMonthSchema } from './monthly-return.js';
import { StockCodeSchema } from './stock-code.js';

/** A document on HKEXnews, as the site lists it. */
export const HkexnewsListingSchema = z.object({
  kind: z.literal('hkexnews'),
  /** The site's NEWS_ID: one document, whatever its link. */
  newsId: z.string(),
  url: z.string(),
  title: z.string(),
  /** Release time in Hong Kong, ISO with +08:00. */
  releasedAt: z.string(),
});
export type HkexnewsListing = z.infer<typeof HkexnewsListingSchema>;

/** Where a return came from. */
export const ProvenanceSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('slack'),
    fileId: z.string(),
    fileName: z.string(),
    channelId: z.string().nullable(),
    userId: z.string().nullable(),
    /** Permalink to the file in Slack, where known, so a card can link to the original. */
    permalink: z.string().nullable(),
  }),
  z.object({ kind: z.literal('path'), path: z.string() }),
  HkexnewsListingSchema,
]);
export type ProvenanceSource = z.infer<typeof ProvenanceSourceSchema>;

export const ProvenanceSchema = z.object({
  source: ProvenanceSourceSchema,
  /** Hex sha256 of the PDF bytes: the identity of a filing. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** ISO timestamp. */
  readAt: z.string(),
  parserVersion: z.string(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** A monthly return as the store holds it. */
export const StoredReturnSchema = z.object({
  /** Stable id: the sha256 of the PDF. */
  id: z.string(),
  /** The stock code the return is filed under: its first listed code. */
  stockCode: StockCodeSchema,
  reportMonth: ReportMonthSchema,
  monthlyReturn: MonthlyReturnSchema,
  flags: z.array(FlagSchema),
  provenance: ProvenanceSchema,
  /** The id of the later submission for the same code and month that replaced this one, if any. */
  supersededBy: z.string().nullable(),
  /** The id of the earlier submission this one replaced, if any. */
  supersedes: z.string().nullable(),
  /** Who may see it (audience.ts); absent on returns stored before it was recorded: see `audienceOf`. */
  audience: AudienceSchema.optional(),
  /**
   * The same file (same sha256) as HKEXnews lists it, for a return first read from elsewhere (an upload) and seen on
   * the site later; a return read from HKEXnews has its listing as its source. See `hkexnewsListingOf`.
   */
  hkexnews: HkexnewsListingSchema.optional(),
});
export type StoredReturn = z.infer<typeof StoredReturnSchema>;

/** The HKEXnews document of a return's file: its source, or the listing found for it later; null when none is known. */
export function hkexnewsListingOf(stored: Pick<StoredReturn, 'provenance' | 'hkexnews'>): HkexnewsListing | null {
  const { source } = stored.provenance;
  return source.kind === 'hkexnews' ? source : (stored.hkexnews ?? null);
}

export function audienceOf(stored: Pick<StoredReturn, 'audience' | 'provenance'>): Audience {
  return stored.audience ?? legacyAudienceOf(stored.provenance.source);
}

/**
 * One month of a code's history: what its current return says of the shares in issue (part II), and what it was
 * flagged for. A StoredReturn is a HistoryEntry too, so the checks that compare months take either; the whole
 * return of a month is `forMonth`.
 */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  stockCode: StockCodeSchema,
  reportMonth: ReportMonthSchema,
  monthlyReturn: MonthlyReturnSchema.pick({ issuerName: true, dateSubmitted: true, issuedShares: true }),
  flags: z.array(FlagSchema),
  /** The id of the earlier submission for the month that this one replaced, if any. */
  supersedes: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The history entry of a return: only the fields named above, so that a code's history stays small on disk. */
export function toHistoryEntry(stored: StoredReturn): HistoryEntry {
  const { issuerName, dateSubmitted, issuedShares } = stored.monthlyReturn;
  return {
    id: stored.id,
    stockCode: stored.stockCode,
    reportMonth: stored.reportMonth,
    monthlyReturn: { issuerName, dateSubmitted, issuedShares },
    flags: stored.flags,
    supersedes: stored.supersedes,
  };
}

/** The workspace a channel's watchlist or digest belongs to, where the app is installed in many. */
const TeamIdSchema = z.string().min(1).optional();

/**
 * How the stores key a channel's watchlist and digests: channel ids are a workspace's own, so with many workspaces
 * the same id in two of them is two channels.
 */
export function channelKeyOf(record: { readonly channelId: string; readonly teamId?: string | undefined }): string {
  return record.teamId ? `${record.teamId}/${record.channelId}` : record.channelId;
}

export const WatchlistSchema = z.object({
  channelId: z.string(),
  teamId: TeamIdSchema,
  stockCodes: z.array(StockCodeSchema),
  /** `/shares digest off` keeps the list but stops the scheduled digest. */
  digestEnabled: z.boolean(),
  updatedAt: z.string(),
  /**
   * ISO timestamp of when the scheduled digest was last turned on (the list created, or `/shares digest on`): a
   * digest that fell due before it is not sent, so a list made on 20 December does not get November's digest at the
   * next start-up. Absent on lists saved before the field existed: every due digest counts.
   */
  digestSince: z.string().optional(),
  /** Who set the list up (the first to watch a code in it): told in a DM when its digest cannot be posted. */
  ownerUserId: z.string().optional(),
});
export type Watchlist = z.infer<typeof WatchlistSchema>;

/** A digest that went out: the record that makes "exactly once per channel and month" hold across restarts. */
export const DigestRecordSchema = z.object({
  channelId: z.string(),
  teamId: TeamIdSchema,
  reportMonth: ReportMonthSchema,
  sentAt: z.string(),
  /** Message timestamps of the posted messages. */
  messageTs: z.array(z.string()),
  trigger: z.enum(['scheduled', 'catch-up', 'command']),
  /**
   * Slack refused the post before any message reached the channel (the bot not in it, say): the digest is tried
   * again at `retryAt`, the next business day, until the next month's digest is due. Absent once one is posted.
   */
  failure: z
    .object({ reason: z.string(), failedAt: z.string(), retryAt: z.string(), attempts: z.number().int().positive() })
    .optional(),
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

export const IssuerSummarySchema = z.object({
  stockCode: StockCodeSchema,
  issuerName: z.string(),
  latestMonth: ReportMonthSchema,
  /** Months held: one current return each, however many submissions a month has. */
  returnsHeld: z.number().int(),
  latestDateSubmitted: IsoDateSchema.nullable(),
});
export type IssuerSummary = z.infer<typeof IssuerSummarySchema>;
