/**
 * The FilingStore over PostgreSQL, for more than one process on one database (two bots, a bot and `hkex-shares
 * ingest`). Each return is its validated StoredReturn as jsonb, beside the columns the queries read; what is current
 * is decided by the same functions as every backend (submissions.ts), inside one transaction per save that holds
 * its code's advisory lock, so saves of one code from any process take turns and saves of other codes do not wait.
 * The constraints of the schema (migrations.ts) make a duplicate impossible whatever a process does: one row per
 * sha256, one current submission per code and month, one claim per Slack share, one digest per channel and month.
 */
import type { z } from 'zod';
import { audienceKeys, keysOf, type Viewer, WORKSPACE } from '../../domain/audience.js';
import { AppError } from '../../domain/errors.js';
import { type WorkspaceInstallation, WorkspaceInstallationSchema } from '../../domain/installation.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import {
  type SlackShare,
  SlackShareSchema,
  type SlackUpload,
  type SlackUploadClaim,
  SlackUploadSchema,
  type SlackUploadStep,
  startSlackUpload,
  takeOverSlackUpload,
} from '../../domain/slack-upload.js';
import type { OtherExchangeCode, StockCode } from '../../domain/stock-code.js';
import {
  audienceOf,
  channelKeyOf,
  type DigestRecord,
  DigestRecordSchema,
  type HistoryEntry,
  HistoryEntrySchema,
  type IssuerSummary,
  type StoredReturn,
  StoredReturnSchema,
  toHistoryEntry,
  type Watchlist,
  WatchlistSchema,
} from '../../domain/stored-return.js';
import { contentIdentityOf } from '../content-identity.js';
import type { DamagedMonth, FilingStore, HeldMonth, SaveInput, SaveResult, StoreContents } from '../filing-store.js';
import { emptyCodeIndexEntry, recordMonth } from '../lowdb/code-index-entry.js';
import { CodeIndexEntrySchema } from '../lowdb/file-schemas.js';
import { prepareName, rankIssuers, type SearchableIssuer } from '../lowdb/issuer-search.js';
import { addSubmission, findSameReturn, linkSubmissions, savedAgain, toValidStoredReturn } from '../submissions.js';
import {
  adoptedChannelRecord,
  adoptedMonth,
  adoptedSlackUpload,
  type TeamAdoption,
  type TokenWorkspace,
} from '../team-adoption.js';
import { validateRecord } from '../validate-record.js';
import { type Database, type Sql, sqlStateOf } from './database.js';
import { type ListedIssuer, listedUnder, summaryFor, toListedIssuer } from './listed-issuer.js';
import { PostgresFetchClaims } from './postgres-fetch-claims.js';

/** The first key of the advisory locks a save takes: one lock per stock code under it. */
const SAVE_LOCK = 0x73617665;

/** Held by the one start that stamps the store's team-less records (adoptTeamless). */
const ADOPTION_LOCK = 0x61646f70;

/** Rows a viewer may see: `$n` is what it is named by (audience.ts keysOf); public rows name no one. */
const visibleTo = (n: number) => `(audience_channels IS NULL OR audience_channels && $${n}::text[])`;
const channelOf = (viewer: Viewer): string[] => keysOf(viewer);

export interface PostgresStoreOptions {
  readonly now: () => Date;
}

export class PostgresFilingStore implements FilingStore {
  #closed = false;
  /** The issuers read so far, with the revision of the entry each was read from (see #listed). */
  readonly #issuers = new Map<StockCode, { revision: string; listed: SearchableIssuer<ListedIssuer> }>();
  readonly fetchClaims: PostgresFetchClaims;

  constructor(
    private readonly db: Database,
    private readonly options: PostgresStoreOptions,
  ) {
    this.fetchClaims = new PostgresFetchClaims(db, options.now);
  }

  async save(input: SaveInput): Promise<SaveResult> {
    this.#assertOpen();
    const incoming = toValidStoredReturn(input);
    try {
      return await this.db.transaction((sql) => saveIn(sql, incoming));
    } catch (error) {
      // The same file saved under another code at the same moment: the second finds it held once the first is in.
      if (sqlStateOf(error) !== '23505') throw error;
      return this.db.transaction((sql) => saveIn(sql, incoming));
    }
  }

  async findBySha256(sha256: string, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    const rows = await this.#lookup(`SELECT record FROM returns WHERE sha256 = $1 AND ${visibleTo(2)}`, [
      sha256,
      channelOf(viewer),
    ]);
    return rows[0] ? toStoredReturn(rows[0].record) : null;
  }

  async latest(stockCode: StockCode, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    const rows = await this.#lookup(
      `SELECT record FROM returns WHERE stock_code = $1 AND ${visibleTo(2)}
       ORDER BY report_month DESC, position LIMIT 1`,
      [stockCode, channelOf(viewer)],
    );
    return rows[0] ? toStoredReturn(rows[0].record) : null;
  }

  async forMonth(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    const rows = await this.#lookup(
      `SELECT record FROM returns WHERE stock_code = $1 AND report_month = $2 AND ${visibleTo(3)}
       ORDER BY position LIMIT 1`,
      [stockCode, month, channelOf(viewer)],
    );
    return rows[0] ? toStoredReturn(rows[0].record) : null;
  }

  async history(stockCode: StockCode, options?: { limit?: number; viewer?: Viewer }): Promise<HistoryEntry[]> {
    const limit = Math.max(0, options?.limit ?? Number.MAX_SAFE_INTEGER);
    if (limit === 0) return [];
    // Each month's first row the viewer may see is its current one: read in the index's order, the entries written
    // at save (migrations.ts, version 8), and only as many months as asked for.
    const rows = await this.#lookup(
      `SELECT DISTINCT ON (report_month) history_entry FROM returns
       WHERE stock_code = $1 AND ${visibleTo(2)} ORDER BY report_month DESC, position LIMIT $3`,
      [stockCode, channelOf(options?.viewer ?? WORKSPACE), Math.min(limit, 1_000_000)],
    );
    return rows.map((row) => parseHeld(HistoryEntrySchema, row.history_entry, 'history entry'));
  }

  /** A row is validated as it is written, and the database keeps it whole: no month is found damaged. */
  async damagedMonths(): Promise<DamagedMonth[]> {
    this.#assertOpen();
    return [];
  }

  async monthsHeld(stockCode: StockCode, viewer: Viewer = WORKSPACE): Promise<ReportMonth[]> {
    const rows = await this.#lookup(
      `SELECT DISTINCT report_month FROM returns WHERE stock_code = $1 AND ${visibleTo(2)}
       ORDER BY report_month DESC`,
      [stockCode, channelOf(viewer)],
    );
    return rows.map((row) => String(row.report_month));
  }

  async submissions(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn[]> {
    const rows = await this.#lookup(
      `SELECT record FROM returns WHERE stock_code = $1 AND report_month = $2 AND ${visibleTo(3)} ORDER BY position`,
      [stockCode, month, channelOf(viewer)],
    );
    return rows.map((row) => toStoredReturn(row.record));
  }

  async previous(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    const rows = await this.#lookup(
      `SELECT record FROM returns WHERE stock_code = $1 AND report_month < $2 AND ${visibleTo(3)}
       ORDER BY report_month DESC, position LIMIT 1`,
      [stockCode, month, channelOf(viewer)],
    );
    return rows[0] ? toStoredReturn(rows[0].record) : null;
  }

  async forReportMonth(month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn[]> {
    const rows = await this.#lookup(
      `SELECT DISTINCT ON (stock_code) record FROM returns WHERE report_month = $1 AND ${visibleTo(2)}
       ORDER BY stock_code, position`,
      [month, channelOf(viewer)],
    );
    return rows.map((row) => toStoredReturn(row.record));
  }

  async listIssuers(viewer: Viewer = WORKSPACE): Promise<IssuerSummary[]> {
    return (await this.#listed()).flatMap(({ entry }) => summaryFor(entry, viewer) ?? []);
  }

  async searchIssuers(query: string, options?: { limit?: number; viewer?: Viewer }): Promise<IssuerSummary[]> {
    const viewer = options?.viewer ?? WORKSPACE;
    const visible = (issuer: ListedIssuer) => summaryFor(issuer, viewer) !== null;
    return rankIssuers(await this.#listed(), query, options?.limit ?? 10, visible).flatMap(
      (issuer) => summaryFor(issuer, viewer) ?? [],
    );
  }

  /** From the issuers kept in memory, as lists and name searches are: a revision check, no scan of returns. */
  async findByOtherExchangeCode(code: OtherExchangeCode, viewer: Viewer = WORKSPACE): Promise<IssuerSummary[]> {
    return listedUnder(
      (await this.#listed()).map(({ entry }) => entry),
      code,
      viewer,
    );
  }

  async claimSlackUpload(share: SlackShare, leaseMs: number): Promise<SlackUploadClaim> {
    this.#assertOpen();
    const now = this.options.now();
    const fresh = startSlackUpload(validateRecord(SlackShareSchema, share, 'Slack share'), now, leaseMs);
    return this.db.transaction(async (sql) => {
      const inserted = await sql.query(
        `INSERT INTO slack_uploads (key, stage, claimed_at, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [fresh.key, fresh.stage, fresh.claimedAt, JSON.stringify(fresh)],
      );
      if (inserted.length > 0) return { outcome: 'claimed', upload: fresh };
      // Another process may hold it: the row lock makes this claim wait for that one's step to be written.
      const rows = await sql.query('SELECT record FROM slack_uploads WHERE key = $1 FOR UPDATE', [fresh.key]);
      const held = parseHeld(SlackUploadSchema, rows[0]?.record, 'Slack upload');
      if (held.stage === 'answered') return { outcome: 'answered', upload: held };
      if (Date.parse(held.leaseUntil) > now.getTime()) return { outcome: 'in-hand', upload: held };
      const upload = takeOverSlackUpload(held, now, leaseMs);
      await writeUpload(sql, upload);
      return { outcome: 'taken-over', upload };
    });
  }

  async recordSlackUpload(key: string, step: SlackUploadStep, leaseMs: number): Promise<SlackUpload> {
    this.#assertOpen();
    return this.db.transaction(async (sql) => {
      const rows = await sql.query('SELECT record FROM slack_uploads WHERE key = $1 FOR UPDATE', [key]);
      if (!rows[0]) throw new AppError('bad-input', `No unfinished Slack upload ${key} is held.`, { key });
      const held = parseHeld(SlackUploadSchema, rows[0].record, 'Slack upload');
      const now = this.options.now();
      const upload = validateRecord(
        SlackUploadSchema,
        {
          ...held,
          ...step,
          updatedAt: now.toISOString(),
          leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        },
        'Slack upload',
      );
      await writeUpload(sql, upload);
      return upload;
    });
  }

  async unfinishedSlackUploads(): Promise<SlackUpload[]> {
    const rows = await this.#query(
      `SELECT record FROM slack_uploads WHERE stage <> 'answered' ORDER BY claimed_at, claim_order`,
    );
    return rows.map((row) => parseHeld(SlackUploadSchema, row.record, 'Slack upload'));
  }

  async answeredSlackUploads(sha256: string): Promise<SlackUpload[]> {
    // Uploads are a few per return filed: a scan of the answered ones by their record's sha256 needs no index.
    const rows = await this.#query(
      `SELECT record FROM slack_uploads
       WHERE stage = 'answered' AND record->>'sha256' = $1 AND record->>'replyTs' IS NOT NULL
       ORDER BY claimed_at, claim_order`,
      [sha256],
    );
    return rows.map((row) => parseHeld(SlackUploadSchema, row.record, 'Slack upload'));
  }

  /** The rows are keyed by channelKeyOf (`TEAM/CHANNEL` where the app serves many workspaces). */
  async getWatchlist(channelId: string, teamId?: string): Promise<Watchlist | null> {
    const key = channelKeyOf({ channelId, teamId });
    const rows = await this.#query('SELECT record FROM watchlists WHERE channel_id = $1', [key]);
    return rows[0] ? parseHeld(WatchlistSchema, rows[0].record, 'watchlist') : null;
  }

  async saveWatchlist(watchlist: Watchlist): Promise<void> {
    const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
    await this.#query(
      `INSERT INTO watchlists (channel_id, record) VALUES ($1, $2)
       ON CONFLICT (channel_id) DO UPDATE SET record = EXCLUDED.record`,
      [channelKeyOf(valid), JSON.stringify(valid)],
    );
  }

  async listWatchlists(): Promise<Watchlist[]> {
    const rows = await this.#query('SELECT record FROM watchlists ORDER BY channel_id COLLATE "C"');
    return rows.map((row) => parseHeld(WatchlistSchema, row.record, 'watchlist'));
  }

  async findDigestRecord(channelId: string, month: ReportMonth, teamId?: string): Promise<DigestRecord | null> {
    const rows = await this.#query('SELECT record FROM digests WHERE channel_id = $1 AND report_month = $2', [
      channelKeyOf({ channelId, teamId }),
      month,
    ]);
    return rows[0] ? parseHeld(DigestRecordSchema, rows[0].record, 'digest record') : null;
  }

  async recordDigest(record: DigestRecord): Promise<void> {
    const valid = validateRecord(DigestRecordSchema, record, 'digest record');
    await this.#query(
      `INSERT INTO digests (channel_id, report_month, record) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, report_month) DO UPDATE SET record = EXCLUDED.record`,
      [channelKeyOf(valid), valid.reportMonth, JSON.stringify(valid)],
    );
  }

  async claimDigest(record: DigestRecord): Promise<DigestRecord | null> {
    const valid = validateRecord(DigestRecordSchema, record, 'digest record');
    const inserted = await this.#query(
      `INSERT INTO digests (channel_id, report_month, record) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, report_month) DO NOTHING RETURNING channel_id`,
      [channelKeyOf(valid), valid.reportMonth, JSON.stringify(valid)],
    );
    return inserted.length > 0 ? null : this.findDigestRecord(valid.channelId, valid.reportMonth, valid.teamId);
  }

  async saveInstallation(installation: WorkspaceInstallation): Promise<void> {
    const valid = validateRecord(WorkspaceInstallationSchema, installation, 'installation');
    await this.#query(
      `INSERT INTO installations (team_id, record) VALUES ($1, $2)
       ON CONFLICT (team_id) DO UPDATE SET record = EXCLUDED.record`,
      [valid.team.id, JSON.stringify(valid)],
    );
  }

  async findInstallation(teamId: string): Promise<WorkspaceInstallation | null> {
    const rows = await this.#query('SELECT record FROM installations WHERE team_id = $1', [teamId]);
    return rows[0] ? parseHeld(WorkspaceInstallationSchema, rows[0].record, 'installation') : null;
  }

  async deleteInstallation(teamId: string): Promise<void> {
    await this.#query('DELETE FROM installations WHERE team_id = $1', [teamId]);
  }

  /**
   * In one transaction, under a lock that makes two instances starting together take turns: the second finds the
   * workspace recorded and stamps nothing. Each code's save lock is taken as its months are stamped.
   */
  adoptTeamless(teamId: string): Promise<TeamAdoption> {
    this.#assertOpen();
    return this.db.transaction(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [ADOPTION_LOCK]);
      const held = await tokenWorkspaceIn(sql);
      if (held) return { workspace: held, stamped: null };
      const stamped = {
        returns: await adoptReturns(sql, teamId),
        watchlists: 0,
        digestRecords: 0,
        slackUploads: 0,
      };
      for (const row of await sql.query(`SELECT channel_id, record FROM watchlists WHERE NOT record ? 'teamId'`)) {
        const adopted = adoptedChannelRecord(parseHeld(WatchlistSchema, row.record, 'watchlist'), teamId);
        if (!adopted) continue;
        await sql.query('DELETE FROM watchlists WHERE channel_id = $1', [row.channel_id]);
        // Where the workspace's own list of the channel is held already, that one stays.
        await sql.query('INSERT INTO watchlists (channel_id, record) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          channelKeyOf(adopted),
          JSON.stringify(adopted),
        ]);
        stamped.watchlists++;
      }
      const digests = await sql.query(
        `SELECT channel_id, report_month, record FROM digests WHERE NOT record ? 'teamId'`,
      );
      for (const row of digests) {
        const adopted = adoptedChannelRecord(parseHeld(DigestRecordSchema, row.record, 'digest record'), teamId);
        if (!adopted) continue;
        await sql.query('DELETE FROM digests WHERE channel_id = $1 AND report_month = $2', [
          row.channel_id,
          row.report_month,
        ]);
        await sql.query(
          'INSERT INTO digests (channel_id, report_month, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [channelKeyOf(adopted), adopted.reportMonth, JSON.stringify(adopted)],
        );
        stamped.digestRecords++;
      }
      for (const row of await sql.query(`SELECT record FROM slack_uploads WHERE NOT record ? 'teamId'`)) {
        const held = parseHeld(SlackUploadSchema, row.record, 'Slack upload');
        const adopted = adoptedSlackUpload(held, teamId);
        if (!adopted) continue;
        // Its claim order is kept: unfinished uploads resume in the order they were claimed.
        await sql.query(
          `UPDATE slack_uploads SET key = $2, record = $3
           WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM slack_uploads WHERE key = $2)`,
          [held.key, adopted.key, JSON.stringify(adopted)],
        );
        await sql.query('DELETE FROM slack_uploads WHERE key = $1', [held.key]);
        stamped.slackUploads++;
      }
      const workspace = { teamId, adoptedAt: this.options.now().toISOString() };
      await sql.query('INSERT INTO token_workspace (team_id, adopted_at) VALUES ($1, $2)', [
        workspace.teamId,
        workspace.adoptedAt,
      ]);
      return { workspace, stamped };
    });
  }

  /** Records another store's token workspace (hkex-shares migrate) unless this one has one; true when recorded. */
  async importTokenWorkspace(workspace: TokenWorkspace): Promise<boolean> {
    const inserted = await this.#query(
      'INSERT INTO token_workspace (team_id, adopted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING team_id',
      [workspace.teamId, workspace.adoptedAt],
    );
    return inserted.length > 0;
  }

  contents(): StoreContents {
    this.#assertOpen();
    return {
      months: () => this.#allMonths(),
      watchlists: () => this.listWatchlists(),
      digestRecords: async () => {
        const rows = await this.#query('SELECT record FROM digests ORDER BY channel_id, report_month');
        return rows.map((row) => parseHeld(DigestRecordSchema, row.record, 'digest record'));
      },
      slackUploads: async () => {
        const rows = await this.#query('SELECT record FROM slack_uploads ORDER BY claimed_at, claim_order');
        return rows.map((row) => parseHeld(SlackUploadSchema, row.record, 'Slack upload'));
      },
      installations: async () => {
        const rows = await this.#query('SELECT record FROM installations ORDER BY team_id');
        return rows.map((row) => parseHeld(WorkspaceInstallationSchema, row.record, 'installation'));
      },
      tokenWorkspace: () => tokenWorkspaceIn(this.db),
    };
  }

  /**
   * Adds a month's submissions from another store, as they are: those already held are kept, and the month is
   * relinked as a whole (the same links as before where nothing else was saved for it meanwhile). Answers how many
   * were added.
   */
  importMonth(month: HeldMonth): Promise<number> {
    return this.importMonths([month]);
  }

  /** importMonth for several months at once, in one transaction (a bulk load's batch). */
  async importMonths(months: readonly HeldMonth[]): Promise<number> {
    this.#assertOpen();
    return this.db.transaction(async (sql) => {
      let added = 0;
      for (const month of months) {
        const incoming = month.submissions.map((held) => validateRecord(StoredReturnSchema, held, 'return'));
        await sql.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SAVE_LOCK, month.stockCode]);
        const rows = await sql.query(
          'SELECT record FROM returns WHERE stock_code = $1 AND report_month = $2 ORDER BY position',
          [month.stockCode, month.reportMonth],
        );
        const held = rows.map((row) => toStoredReturn(row.record));
        const ids = new Set(held.map((h) => h.id));
        const fresh = incoming.filter((submission) => !ids.has(submission.id));
        if (fresh.length > 0) await writeMonth(sql, linkSubmissions([...held, ...fresh]));
        added += fresh.length;
      }
      return added;
    });
  }

  /** Adds a watchlist from another store unless the channel has one here; true when it was added. */
  async importWatchlist(watchlist: Watchlist): Promise<boolean> {
    const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
    const inserted = await this.#query(
      'INSERT INTO watchlists (channel_id, record) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING channel_id',
      [channelKeyOf(valid), JSON.stringify(valid)],
    );
    return inserted.length > 0;
  }

  /** Adds a Slack upload's record from another store unless its share is claimed here; true when it was added. */
  async importSlackUpload(upload: SlackUpload): Promise<boolean> {
    const valid = validateRecord(SlackUploadSchema, upload, 'Slack upload');
    const inserted = await this.#query(
      `INSERT INTO slack_uploads (key, stage, claimed_at, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [valid.key, valid.stage, valid.claimedAt, JSON.stringify(valid)],
    );
    return inserted.length > 0;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.db.close();
  }

  async *#allMonths(): AsyncGenerator<HeldMonth> {
    const codes = await this.#query('SELECT stock_code FROM issuers ORDER BY stock_code');
    for (const { stock_code: stockCode } of codes) {
      const rows = await this.#query(
        'SELECT report_month, record FROM returns WHERE stock_code = $1 ORDER BY report_month, position',
        [stockCode],
      );
      const byMonth = new Map<ReportMonth, StoredReturn[]>();
      for (const row of rows) {
        const month = String(row.report_month);
        byMonth.set(month, [...(byMonth.get(month) ?? []), toStoredReturn(row.record)]);
      }
      for (const [reportMonth, submissions] of byMonth) {
        yield { stockCode: String(stockCode), reportMonth, submissions, damaged: null };
      }
    }
  }

  /**
   * Every issuer, by code, as listed-issuer.ts keeps it. The revisions are read each time (a few bytes a code) and
   * only the entries whose revision differs from the one kept are read again, so another process's save is seen at
   * the next call. An equality of revisions, not an order, decides: transactions commit in any order.
   */
  async #listed(): Promise<SearchableIssuer<ListedIssuer>[]> {
    const revisions = await this.#lookup('SELECT stock_code, revision::text AS revision FROM issuers');
    const changed = revisions
      .filter((row) => this.#issuers.get(String(row.stock_code))?.revision !== row.revision)
      .map((row) => String(row.stock_code));
    if (changed.length > 0) {
      const rows = await this.#query(
        'SELECT stock_code, revision::text AS revision, entry FROM issuers WHERE stock_code = ANY($1)',
        [changed],
      );
      for (const row of rows) {
        const entry = parseHeld(CodeIndexEntrySchema, row.entry, 'issuer entry');
        const listed = { entry: toListedIssuer(entry), names: entry.names.map(prepareName) };
        this.#issuers.set(entry.stockCode, { revision: String(row.revision), listed });
      }
    }
    const held = new Set(revisions.map((row) => String(row.stock_code)));
    return [...this.#issuers.entries()]
      .filter(([code]) => held.has(code))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, kept]) => kept.listed);
  }

  #query(text: string, params?: readonly unknown[]) {
    this.#assertOpen();
    return this.db.query(text, params);
  }

  /** A lookup the bot makes at every card and command: prepared once per connection (database.ts). */
  #lookup(text: string, params?: readonly unknown[]) {
    this.#assertOpen();
    return this.db.prepared(text, params);
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The filing store is closed.');
  }
}

/** One save, inside its transaction: what it did, with every row of the month and the code's entry written. */
async function saveIn(sql: Sql, incoming: StoredReturn): Promise<SaveResult> {
  const { stockCode, reportMonth } = incoming;
  await sql.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SAVE_LOCK, stockCode]);
  const elsewhere = await sql.query(
    'SELECT record FROM returns WHERE sha256 = $1 AND (stock_code <> $2 OR report_month <> $3)',
    [incoming.id, stockCode, reportMonth],
  );
  if (elsewhere[0]) return { status: 'already-held', stored: toStoredReturn(elsewhere[0].record), match: 'same-file' };
  const rows = await sql.query(
    'SELECT record FROM returns WHERE stock_code = $1 AND report_month = $2 ORDER BY position',
    [stockCode, reportMonth],
  );
  const held = rows.map((row) => toStoredReturn(row.record));
  const same = findSameReturn(held, incoming);
  if (same) {
    const { result, updated } = savedAgain(same, incoming);
    if (!updated) return result;
    await writeMonth(
      sql,
      held.map((h) => (h.id === updated.id ? updated : h)),
    );
    return result;
  }
  const { submissions, result } = addSubmission(held, incoming);
  await writeMonth(sql, submissions);
  return result;
}

/** Writes a month's submissions (newest first) as they now stand, and the code's entry from them. */
async function writeMonth(sql: Sql, submissions: readonly StoredReturn[]): Promise<void> {
  const first = submissions[0];
  if (!first) return;
  for (const [position, held] of submissions.entries()) {
    const { monthlyReturn } = held;
    const audience = audienceOf(held);
    await sql.query(
      `INSERT INTO returns (sha256, stock_code, report_month, date_submitted, status, content_identity,
         audience_channels, position, superseded_by, record, history_entry)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (sha256) DO UPDATE SET audience_channels = EXCLUDED.audience_channels,
         position = EXCLUDED.position, superseded_by = EXCLUDED.superseded_by, record = EXCLUDED.record,
         history_entry = EXCLUDED.history_entry`,
      [
        held.id,
        held.stockCode,
        held.reportMonth,
        monthlyReturn.dateSubmitted,
        monthlyReturn.status,
        contentIdentityOf(monthlyReturn),
        audienceKeys(audience),
        position,
        held.supersededBy,
        JSON.stringify(held),
        JSON.stringify(toHistoryEntry(held)),
      ],
    );
  }
  const rows = await sql.query('SELECT entry FROM issuers WHERE stock_code = $1', [first.stockCode]);
  const entry = rows[0]
    ? parseHeld(CodeIndexEntrySchema, rows[0].entry, 'issuer entry')
    : emptyCodeIndexEntry(first.stockCode);
  recordMonth(entry, first.reportMonth, submissions);
  await sql.query(
    `INSERT INTO issuers (stock_code, entry) VALUES ($1, $2)
     ON CONFLICT (stock_code) DO UPDATE SET entry = EXCLUDED.entry, revision = nextval('issuer_revisions')`,
    [first.stockCode, JSON.stringify(entry)],
  );
}

/** The months holding a Slack return, each stamped as team-adoption.ts says: how many returns were. */
async function adoptReturns(sql: Sql, teamId: string): Promise<number> {
  const months = await sql.query(
    `SELECT DISTINCT stock_code, report_month FROM returns
     WHERE record->'provenance'->'source'->>'kind' = 'slack' ORDER BY stock_code, report_month`,
  );
  let stamped = 0;
  for (const { stock_code: stockCode, report_month: month } of months) {
    await sql.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SAVE_LOCK, stockCode]);
    const rows = await sql.query(
      'SELECT record FROM returns WHERE stock_code = $1 AND report_month = $2 ORDER BY position',
      [stockCode, month],
    );
    const adopted = adoptedMonth(
      rows.map((row) => toStoredReturn(row.record)),
      teamId,
    );
    if (!adopted) continue;
    await writeMonth(sql, adopted.submissions);
    stamped += adopted.stamped;
  }
  return stamped;
}

async function tokenWorkspaceIn(sql: Sql): Promise<TokenWorkspace | null> {
  const rows = await sql.query<{ team_id: string; adopted_at: Date }>(
    'SELECT team_id, adopted_at FROM token_workspace',
  );
  const [row] = rows;
  return row ? { teamId: row.team_id, adoptedAt: row.adopted_at.toISOString() } : null;
}

async function writeUpload(sql: Sql, upload: SlackUpload): Promise<void> {
  await sql.query('UPDATE slack_uploads SET stage = $2, record = $3 WHERE key = $1', [
    upload.key,
    upload.stage,
    JSON.stringify(upload),
  ]);
}

function toStoredReturn(record: unknown): StoredReturn {
  return parseHeld(StoredReturnSchema, record, 'return');
}

/** A row read back is checked as a file would be: one that no longer validates is damaged, never passed on. */
function parseHeld<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('store-corrupt', `A ${what} held in the database does not validate.`, { what });
}
