/**
 * What the rest of the app may ask of the store. The lowdb implementation is one backend; callers depend on this
 * interface only, so another backend can be added without touching them.
 */
import type { Audience, Viewer } from '../domain/audience.js';
import type { Flag } from '../domain/flag.js';
import type { WorkspaceInstallation } from '../domain/installation.js';
import type { MonthlyReturn, ReportMonth } from '../domain/monthly-return.js';
import type { SlackShare, SlackUpload, SlackUploadClaim, SlackUploadStep } from '../domain/slack-upload.js';
import type { OtherExchangeCode, StockCode } from '../domain/stock-code.js';
import type {
  DigestRecord,
  HistoryEntry,
  IssuerSummary,
  Provenance,
  StoredReturn,
  Watchlist,
} from '../domain/stored-return.js';
import type { FetchClaims } from './fetch-claims.js';
import type { TeamAdoption, TokenWorkspace } from './team-adoption.js';

export interface SaveInput {
  readonly monthlyReturn: MonthlyReturn;
  readonly flags: readonly Flag[];
  readonly provenance: Provenance;
  /**
   * Who may see it: only the conversation it was shared in when that is private, a group DM or a DM; else the
   * workspace (the default). A held return saved again for the workspace becomes public; never the other way.
   */
  readonly audience?: Audience;
}

export type SaveResult =
  /** New, and now the current return for its code and month. */
  | { readonly status: 'stored'; readonly stored: StoredReturn }
  /** New, and it replaced an earlier submission for the same code and month (now `superseded`). */
  | { readonly status: 'superseded-earlier'; readonly stored: StoredReturn; readonly superseded: StoredReturn }
  /**
   * New, but an already-held submission for the same code and month is later: kept in history, marked as
   * superseded by the next later submission (`current` itself when it was the only one held).
   */
  | { readonly status: 'older-than-held'; readonly stored: StoredReturn; readonly current: StoredReturn }
  /**
   * Already held, and nothing written: the same file (`same-file`, same sha256), or another file of the same return
   * (`same-content`: the same parsed model, see content-identity.ts), such as a lossless re-save of the PDF.
   */
  | {
      readonly status: 'already-held';
      readonly stored: StoredReturn;
      readonly match: 'same-file' | 'same-content';
      /**
       * Who could see it before, where this save let more see it (shared again in another private conversation,
       * or in a public place): to them it was not held, and the answer where it was read says nothing of it.
       */
      readonly widenedFrom?: Audience;
    };

/** One code and month as a store holds it: every submission, newest first, whoever may see it. */
export interface HeldMonth {
  readonly stockCode: StockCode;
  readonly reportMonth: ReportMonth;
  readonly submissions: readonly StoredReturn[];
  /** Why the month could not be read (its data damaged), with no submissions; else null. */
  readonly damaged: string | null;
}

/** Everything a store holds, whoever may see it: what `hkex-shares migrate` copies and then checks. */
export interface StoreContents {
  /** Every code and month held, by code then month. */
  months(): AsyncIterable<HeldMonth>;
  watchlists(): Promise<Watchlist[]>;
  digestRecords(): Promise<DigestRecord[]>;
  /** Every claimed Slack upload, answered or not. */
  slackUploads(): Promise<SlackUpload[]>;
  /** The app's installation in each workspace, where it is installed in many. */
  installations(): Promise<WorkspaceInstallation[]>;
  /** The workspace of the single bot token the store was used with (team-adoption.ts), where one was recorded. */
  tokenWorkspace(): Promise<TokenWorkspace | null>;
}

export interface DamagedMonth {
  readonly reportMonth: ReportMonth;
  /** Where the damaged data was put aside, for an administrator. */
  readonly setAsideAs: string;
}

/**
 * Every query answers for a viewer, the conversation that asks (default: the workspace, which sees only public
 * returns): what it may not see is not held, as far as it can tell. A month's current return for a viewer is the
 * latest submission it may see, so a private draft of a correction never replaces the public figure elsewhere.
 */
export interface FilingStore {
  /** Idempotent on the provenance's sha256, and on the content identity of the return. */
  save(input: SaveInput): Promise<SaveResult>;
  findBySha256(sha256: string, viewer?: Viewer): Promise<StoredReturn | null>;
  /** The current (not superseded) return of the latest month held for a code. */
  latest(stockCode: StockCode, viewer?: Viewer): Promise<StoredReturn | null>;
  /** The current return for a code and month. */
  forMonth(stockCode: StockCode, month: ReportMonth, viewer?: Viewer): Promise<StoredReturn | null>;
  /**
   * The history of a code, newest month first: for each month held, its current return's issued and treasury
   * shares (part II) and flags, read from one file however many months are held. `limit` caps the count.
   */
  history(stockCode: StockCode, options?: { limit?: number; viewer?: Viewer }): Promise<HistoryEntry[]>;
  /**
   * Months of a code whose stored data was found damaged, newest first: left out of `history`, and answered by
   * `forMonth` (and `latest`, when it is the latest) with AppError('store-corrupt') naming the month, until the
   * filing is read again. A backend that cannot find its data damaged answers none.
   */
  damagedMonths(stockCode: StockCode): Promise<DamagedMonth[]>;
  /** The months held for a code, newest first, without reading a return. */
  monthsHeld(stockCode: StockCode, viewer?: Viewer): Promise<ReportMonth[]>;
  /** Every submission held for a code and month, superseded ones included, newest submission first. */
  submissions(stockCode: StockCode, month: ReportMonth, viewer?: Viewer): Promise<StoredReturn[]>;
  /** The current return of the latest month before `month`. */
  previous(stockCode: StockCode, month: ReportMonth, viewer?: Viewer): Promise<StoredReturn | null>;
  /** The current returns of every code for a month. */
  forReportMonth(month: ReportMonth, viewer?: Viewer): Promise<StoredReturn[]>;
  /** The codes held, with the latest issuer name, sorted by code. */
  listIssuers(viewer?: Viewer): Promise<IssuerSummary[]>;
  /** Case-insensitive search on issuer names (and codes); best matches first. */
  searchIssuers(query: string, options?: { limit?: number; viewer?: Viewer }): Promise<IssuerSummary[]>;
  /**
   * The codes held whose returns list a class under another exchange's code (an A+H issuer's A shares: SSE 601338),
   * sorted by code: how a six-digit code finds its HKEX issuer. Kept in the code index, as the names are.
   */
  findByOtherExchangeCode(code: OtherExchangeCode, viewer?: Viewer): Promise<IssuerSummary[]>;

  /**
   * Claims one share of a Slack file before any work on it (Slack redelivers events): the first claim wins; an
   * unfinished upload whose lease (`leaseMs` from its last step) has run out is taken over, its record kept.
   */
  claimSlackUpload(share: SlackShare, leaseMs: number): Promise<SlackUploadClaim>;
  /** Records the step an upload has reached, and renews its lease. */
  recordSlackUpload(key: string, step: SlackUploadStep, leaseMs: number): Promise<SlackUpload>;
  /** Every claimed upload not yet answered, oldest first: what a start-up resumes. */
  unfinishedSlackUploads(): Promise<SlackUpload[]>;
  /**
   * The uploads of a file (by sha256) answered with a message in a thread (`replyTs`), oldest first: where the
   * cards the bot posted about that return are, so that a resubmission or an earlier month can update them.
   */
  answeredSlackUploads(sha256: string): Promise<SlackUpload[]>;

  /** A channel's watchlist; `teamId` names its workspace where the app serves many (the same id is another channel). */
  getWatchlist(channelId: string, teamId?: string): Promise<Watchlist | null>;
  saveWatchlist(watchlist: Watchlist): Promise<void>;
  /** Every workspace's. */
  listWatchlists(): Promise<Watchlist[]>;
  findDigestRecord(channelId: string, month: ReportMonth, teamId?: string): Promise<DigestRecord | null>;
  recordDigest(record: DigestRecord): Promise<void>;
  /**
   * Records a digest only if none is held for its channel and month, in one step that every process on the same
   * data sees: null when this call recorded it (the caller posts the digest), else the record already held.
   */
  claimDigest(record: DigestRecord): Promise<DigestRecord | null>;

  /** Keeps the app's installation in a workspace (OAuth), replacing an earlier one of the same workspace. */
  saveInstallation(installation: WorkspaceInstallation): Promise<void>;
  /** The installation in a workspace, or null where the app is not installed. */
  findInstallation(teamId: string): Promise<WorkspaceInstallation | null>;
  deleteInstallation(teamId: string): Promise<void>;

  /**
   * Stamps with workspace `teamId` (a single bot token's, as auth.test names it) the Slack records held from before
   * the bot knew its workspace, and records it as the store's token workspace (team-adoption.ts). Once: after the
   * first call, it answers the workspace recorded then and stamps nothing.
   */
  adoptTeamless(teamId: string): Promise<TeamAdoption>;

  /** Claims on HKEXnews work, seen by every process on this store: a document is downloaded once (fetch-claims.ts). */
  readonly fetchClaims: FetchClaims;

  /** Everything held, for a copy to another store. */
  contents(): StoreContents;

  close(): Promise<void>;
}
