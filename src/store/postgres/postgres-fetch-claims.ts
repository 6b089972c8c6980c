/**
 * Claims on HKEXnews work in the `hkexnews_claims` table (migration 4), seen by every process on the database.
 * A claim is one statement: an insert that, on a key already held, takes the row over only where its lease has
 * run out (or its kept result is to be replaced). PostgreSQL locks the conflicting row and checks that condition
 * against its latest version, so of two processes taking over one dead claim at once exactly one wins.
 */
import { type FetchClaimOutcome, type FetchClaims, newClaimToken } from '../fetch-claims.js';
import type { Sql } from './database.js';

export class PostgresFetchClaims implements FetchClaims {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async claim(key: string, leaseMs: number, options: { replaceDone?: boolean } = {}): Promise<FetchClaimOutcome> {
    const token = newClaimToken();
    const at = this.now();
    const won = await this.sql.query(
      `INSERT INTO hkexnews_claims (key, token, lease_until) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, lease_until = EXCLUDED.lease_until,
         done_at = NULL, result = NULL
       WHERE (hkexnews_claims.done_at IS NULL AND hkexnews_claims.lease_until <= $4)
          OR (hkexnews_claims.done_at IS NOT NULL AND $5)
       RETURNING token`,
      [key, token, new Date(at.getTime() + leaseMs), at, options.replaceDone === true],
    );
    if (won.length > 0) return { outcome: 'claimed', token };
    const rows = await this.sql.query<{ done: boolean; result: unknown }>(
      'SELECT done_at IS NOT NULL AS done, result FROM hkexnews_claims WHERE key = $1',
      [key],
    );
    const held = rows[0];
    // Finished and forgotten between the two statements: nothing is held, and the next claim wins.
    if (!held) return { outcome: 'in-hand' };
    return held.done ? { outcome: 'done', result: held.result } : { outcome: 'in-hand' };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE hkexnews_claims SET lease_until = $3 WHERE key = $1 AND token = $2 AND done_at IS NULL
       RETURNING key`,
      [key, token, new Date(this.now().getTime() + leaseMs)],
    );
    return rows.length > 0;
  }

  async finish(key: string, token: string, result: unknown): Promise<void> {
    if (result === null) {
      await this.sql.query('DELETE FROM hkexnews_claims WHERE key = $1 AND token = $2', [key, token]);
      return;
    }
    await this.sql.query(
      'UPDATE hkexnews_claims SET done_at = $3, result = $4 WHERE key = $1 AND token = $2 AND done_at IS NULL',
      [key, token, this.now(), JSON.stringify(result)],
    );
  }

  async kept(key: string): Promise<unknown> {
    const rows = await this.sql.query<{ result: unknown }>(
      'SELECT result FROM hkexnews_claims WHERE key = $1 AND done_at IS NOT NULL',
      [key],
    );
    return rows[0]?.result ?? null;
  }

  async prune(kind: string, maxAgeMs: number): Promise<number> {
    const rows = await this.sql.query<{ forgotten: string }>(
      `WITH gone AS (
         DELETE FROM hkexnews_claims WHERE done_at IS NOT NULL AND done_at <= $2 AND starts_with(key, $1 || ' ')
         RETURNING 1)
       SELECT count(*)::text AS forgotten FROM gone`,
      [kind, new Date(this.now().getTime() - maxAgeMs)],
    );
    return Number(rows[0]?.forgotten ?? 0);
  }
}
