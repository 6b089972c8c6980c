/**
 * Two bots as `npm start` runs them (dist/main.js, HTTP mode) on one PostgreSQL database, against one fake Slack:
 * what the tests of several instances share. `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FilingStore } from '../../src/store/filing-store.js';
import { openPostgresFilingStore } from '../../src/store/postgres/open-postgres-store.js';
import { killBots, type RunningBot, startHttpBot } from './bot-process.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { testDatabaseUrl } from './postgres-database.js';

export interface TwoBots {
  readonly fakeSlack: FakeSlack;
  /** The test's own connection to the bots' database. */
  readonly store: FilingStore;
  readonly bots: readonly [RunningBot, RunningBot];
  /** Kills both bots, then closes the store and the fake Slack and removes the bots' directory. */
  close(): Promise<void>;
}

export interface TwoBotsOptions {
  readonly secret: string;
  /** Added to each bot's environment beside DATABASE_URL (HKEXNEWS_URL, say). */
  readonly env?: Record<string, string>;
  /** Run on the test's store before either bot starts (a watchlist whose digest both will find due, say). */
  readonly before?: (store: FilingStore) => Promise<void>;
}

export async function startTwoBots({ secret, env = {}, before }: TwoBotsOptions): Promise<TwoBots> {
  const fakeSlack = await startFakeSlack();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-two-bots-'));
  const url = await testDatabaseUrl();
  const store = await openPostgresFilingStore({ url });
  await before?.(store);
  const start = () => startHttpBot(fakeSlack, { dataDir, secret, env: { DATABASE_URL: url, ...env } });
  const bots = await Promise.all([start(), start()]);
  return {
    fakeSlack,
    store,
    bots,
    async close() {
      await killBots(bots);
      await Promise.all([store.close(), fakeSlack.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
