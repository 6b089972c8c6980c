/**
 * Where everything lives under the store's directory. One file per stock code and month holds every submission
 * for that month, so a save rewrites a few kilobytes whatever the size of the store; an index sharded by the last
 * two digits of the code (loaded when the store opens) says which months each code holds and which sha256 is where.
 *
 *   store.json                 layout version
 *   returns/00020/2023-11.json submissions of 00020 for November 2023
 *   returns/00020/history.json part II and flags of each month's current return of 00020, newest first
 *   index/codes-20.json        the codes ending in 20: names, months held, sha256 of each submission, other
 *                              exchanges' codes their classes are listed under
 *   watchlists.json, digests.json, slack-files.json, installations.json
 *   workspace.json             the single bot token's workspace, once its team-less records were stamped with it
 *   journal/                   a marker per save in progress, replayed when the store opens after a crash
 *   .tmp/                      temporary copies of files being replaced
 */
import path from 'node:path';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';

/** 2: each code's folder holds its history.json (a version-1 store gets them when it is opened). */
export const STORE_SCHEMA_VERSION = 2;

export interface StoreLayout {
  readonly root: string;
  readonly metaFile: string;
  readonly returnsDir: string;
  readonly indexDir: string;
  readonly journalDir: string;
  readonly tmpDir: string;
  readonly watchlistsFile: string;
  readonly digestsFile: string;
  readonly slackFilesFile: string;
  /** The app's installation in each workspace, where it is installed through OAuth. */
  readonly installationsFile: string;
  /** The workspace of the single bot token the store was used with (team-adoption.ts). */
  readonly tokenWorkspaceFile: string;
  readonly lockFile: string;
  /** The single file of the version-0 store, migrated when found. */
  readonly legacyDbFile: string;
}

export function storeLayout(root: string): StoreLayout {
  const at = (name: string) => path.join(root, name);
  return {
    root,
    metaFile: at('store.json'),
    returnsDir: at('returns'),
    indexDir: at('index'),
    journalDir: at('journal'),
    tmpDir: at('.tmp'),
    watchlistsFile: at('watchlists.json'),
    digestsFile: at('digests.json'),
    slackFilesFile: at('slack-files.json'),
    installationsFile: at('installations.json'),
    tokenWorkspaceFile: at('workspace.json'),
    lockFile: at('.lock'),
    legacyDbFile: at('db.json'),
  };
}

export function codeDir(layout: StoreLayout, stockCode: StockCode): string {
  return path.join(layout.returnsDir, stockCode);
}

export function monthFile(layout: StoreLayout, stockCode: StockCode, month: ReportMonth): string {
  return path.join(layout.returnsDir, stockCode, `${month}.json`);
}

export function historyFile(layout: StoreLayout, stockCode: StockCode): string {
  return path.join(layout.returnsDir, stockCode, 'history.json');
}

export const MONTH_FILE_NAME = /^(?<month>\d{4}-\d{2})\.json$/;

/** Codes are spread over 100 index shards by their last two digits, which HKEX assigns evenly. */
export function shardOf(stockCode: StockCode): string {
  return stockCode.slice(-2);
}

export function shardFile(layout: StoreLayout, shard: string): string {
  return path.join(layout.indexDir, `codes-${shard}.json`);
}

export const SHARD_FILE_NAME = /^codes-(?<shard>\d{2})\.json$/;
