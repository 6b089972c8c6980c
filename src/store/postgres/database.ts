/**
 * The one importer of `pg` (node-postgres): a pool of connections to DATABASE_URL, queries with parameters, and
 * transactions that always end (committed, or rolled back and their connection given back). The rest of the
 * PostgreSQL store speaks to this interface only.
 */
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Sql {
  /** The rows a statement answers; parameters are `$1`, `$2`… (never spliced into the text). */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Database extends Sql {
  /**
   * `query` as a statement each connection prepares once and then only runs (named for its text): for the lookups
   * a bot makes thousands of times, which then skip the server's parsing and planning, about a third of the time
   * the server takes over one of them. One statement, never DDL: a plan the server keeps must stay valid.
   */
  prepared<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Connections the pool keeps open at most (default 10). */
  readonly maxConnections?: number;
}

export function connectDatabase(url: string, options: ConnectOptions = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection the server drops (a restart) is replaced at the next query; it must not end the process.
  pool.on('error', () => {});
  const over = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query<R>(text, [...params])).rows;
    },
  });
  return {
    ...over(pool),
    async prepared<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await pool.query<R>({ name: statementName(text), text, values: [...params] })).rows;
    },
    async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The name of each statement prepared, by its text: one name for one text, on every connection of the process. */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `hkex_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** PostgreSQL's SQLSTATE of a failed statement ("23505": a unique constraint), or null. */
export function sqlStateOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof pg.DatabaseError && typeof code === 'string' ? code : null;
}

/** The URL with its password left out, to name a database in a message. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
