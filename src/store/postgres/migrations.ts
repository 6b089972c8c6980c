/**
 * The schema, as numbered SQL migrations applied in order at start-up. Each runs once and is recorded in
 * `schema_migrations`; those a start applies run in one transaction (PostgreSQL's DDL is transactional, so a
 * failed one leaves the schema as it was), under an advisory lock that makes instances starting together take
 * turns, so two of them never apply the same migration. A migration once released is never edited: a change is
 * the next number. A database whose schema is newer than this version knows is refused rather than written to.
 *
 * A small runner rather than a migration tool: the schema is six tables written only by this store, the
 * migrations must run inside the app at every start (no separate command to forget), and they must ship in dist/
 * as code, which plain strings do without a loader or a folder of files to copy.
 */
import { AppError } from '../../domain/errors.js';
import type { Database } from './database.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'returns, issuers, Slack uploads, watchlists and digests',
    sql: `
      -- Every submission held: the validated StoredReturn as jsonb, beside the columns the queries need.
      CREATE TABLE returns (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        stock_code text NOT NULL CHECK (stock_code ~ '^[0-9]{5}$'),
        report_month text NOT NULL CHECK (report_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        date_submitted date,
        status text CHECK (status IN ('new', 'resubmission')),
        -- The sha256 of the parsed model (content-identity.ts): another file of the same return is not stored.
        content_identity text NOT NULL,
        -- NULL: the workspace may see it; else the one conversation that may.
        audience_channel text,
        -- The submission's place among its month's, 0 the newest (submissions.ts orders them).
        position integer NOT NULL CHECK (position >= 0),
        superseded_by text,
        record jsonb NOT NULL,
        UNIQUE (stock_code, report_month, content_identity),
        CONSTRAINT one_place_per_submission UNIQUE (stock_code, report_month, position) DEFERRABLE INITIALLY DEFERRED,
        -- One current submission per code and month: checked at commit, once a save has relinked the month.
        CONSTRAINT one_current_submission EXCLUDE USING btree (stock_code WITH =, report_month WITH =)
          WHERE (superseded_by IS NULL) DEFERRABLE INITIALLY DEFERRED
      );
      CREATE INDEX returns_by_report_month ON returns (report_month, stock_code, position);

      -- Each code's names, months and private submissions (the lowdb index entry), for lists and name searches.
      CREATE TABLE issuers (
        stock_code text PRIMARY KEY CHECK (stock_code ~ '^[0-9]{5}$'),
        entry jsonb NOT NULL
      );

      -- One claim per share of a Slack file (file, conversation, sharing message).
      CREATE TABLE slack_uploads (
        key text PRIMARY KEY,
        claim_order bigserial NOT NULL,
        stage text NOT NULL CHECK (stage IN ('claimed', 'read', 'stored', 'answering', 'answered')),
        claimed_at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX slack_uploads_unfinished ON slack_uploads (claimed_at, claim_order) WHERE stage <> 'answered';

      CREATE TABLE watchlists (
        channel_id text PRIMARY KEY,
        record jsonb NOT NULL
      );

      -- One digest per channel and month: the row is the claim that makes it go out once.
      CREATE TABLE digests (
        channel_id text NOT NULL,
        report_month text NOT NULL CHECK (report_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        record jsonb NOT NULL,
        PRIMARY KEY (channel_id, report_month)
      );
    `,
  },
  {
    version: 2,
    name: 'a revision on each issuer entry',
    sql: `
      -- Set from a sequence at each write of an entry: a process keeps the entries it has read, and reads again
      -- only those whose revision differs, so lists and name searches need not read 2,600 entries each time.
      CREATE SEQUENCE issuer_revisions;
      ALTER TABLE issuers ADD COLUMN revision bigint NOT NULL DEFAULT nextval('issuer_revisions');
    `,
  },
  {
    version: 3,
    name: 'a private return seen in every conversation it was shared in',
    sql: `
      -- NULL: the workspace may see it; else every conversation it was shared in. A record's audience written
      -- before (one conversation) is read as a set of one (audience.ts), so only the column needs moving.
      ALTER TABLE returns ADD COLUMN audience_channels text[] CHECK (cardinality(audience_channels) > 0);
      UPDATE returns SET audience_channels = ARRAY[audience_channel] WHERE audience_channel IS NOT NULL;
      ALTER TABLE returns DROP COLUMN audience_channel;
    `,
  },
  {
    version: 4,
    name: 'claims on HKEXnews work',
    sql: `
      -- One row per piece of HKEXnews work in hand (a document's download, a month's fill): the row is the claim
      -- that makes two processes do it once. A holder renews lease_until while it works; once it has run out, the
      -- next to ask takes the row over. done_at and result: the work was done, and what it found, for the others.
      CREATE TABLE hkexnews_claims (
        key text PRIMARY KEY,
        token text NOT NULL,
        lease_until timestamptz NOT NULL,
        done_at timestamptz,
        result jsonb
      );
    `,
  },
  {
    version: 5,
    name: 'the app installed in many workspaces',
    sql: `
      -- The app's installation in each workspace (Slack's OAuth flow): the validated record, by team id. From
      -- here returns.audience_channels may also name TEAM/CHANNEL and TEAM/* (audience.ts audienceKeys): text as
      -- before, so no column changes.
      CREATE TABLE installations (
        team_id text PRIMARY KEY,
        record jsonb NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: "other exchanges' codes in the issuer entries",
    sql: `
      -- Each issuer entry lists the other exchanges' codes its returns print for a class ("SSE 601338", sorted), as
      -- recordMonth (code-index-entry.ts) keeps them from here: filled in from the returns held, parts I and II.
      UPDATE issuers SET revision = nextval('issuer_revisions'), entry = jsonb_set(entry, '{otherExchangeCodes}', (
        SELECT coalesce(jsonb_agg(code ORDER BY code COLLATE "C"), '[]'::jsonb) FROM (
          SELECT DISTINCT (c->'otherExchangeCode'->>'exchange') || ' ' || (c->'otherExchangeCode'->>'stockCode') AS code
          FROM returns r, jsonb_array_elements(
            (r.record->'monthlyReturn'->'authorisedShareCapital'->'classes')
            || (r.record->'monthlyReturn'->'issuedShares'->'classes')) AS c
          WHERE r.stock_code = issuers.stock_code AND c ? 'otherExchangeCode'
        ) AS listed));
    `,
  },
  {
    version: 7,
    name: "the single bot token's workspace",
    sql: `
      -- The workspace of the single bot token the database was used with (auth.test's team_id), recorded at the
      -- first start with a token, once the Slack records written without a workspace were stamped with it
      -- (team-adoption.ts): one row at most. Those records are jsonb and text keys as before: no column changes.
      CREATE TABLE token_workspace (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        team_id text NOT NULL,
        adopted_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'history entries written beside the record, and an index in history order',
    sql: `
      -- Each submission's history entry (toHistoryEntry in stored-return.ts: a sixth of the record), written at each
      -- save beside the record, so that a history reads no whole record; filled in here as the store built it.
      ALTER TABLE returns ADD COLUMN history_entry jsonb;
      UPDATE returns SET history_entry = jsonb_build_object(
        'id', sha256, 'stockCode', stock_code, 'reportMonth', report_month,
        'monthlyReturn', jsonb_build_object(
          'issuerName', record->'monthlyReturn'->'issuerName',
          'dateSubmitted', record->'monthlyReturn'->'dateSubmitted',
          'issuedShares', record->'monthlyReturn'->'issuedShares'),
        'flags', record->'flags', 'supersedes', record->'supersedes');
      ALTER TABLE returns ALTER COLUMN history_entry SET NOT NULL;
      -- A code's submissions in the order history, latest and previous read them (months newest first, each month's
      -- newest first): the first row of each month a viewer may see is its current one, found without a sort, and
      -- a history of 12 months reads the rows of those months only.
      CREATE INDEX returns_newest_first ON returns (stock_code, report_month DESC, position);
    `,
  },
];

/** Any number; the same for every process of this app, so that they queue behind each other. */
const MIGRATION_LOCK = 0x686b6578;

/** Applies the migrations not yet applied; returns the schema version the database is now at. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return db.transaction(async (sql) => {
    // Held to the end of this transaction; the migrations below run inside it, so they are all or nothing.
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await sql.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await sql.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new AppError(
        'config-invalid',
        `The database has schema version ${newest}; this version of the app knows up to ${known}.`,
        { schemaVersion: newest },
      );
    }
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await sql.query(migration.sql);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return known;
  });
}
