/** The layout of each file of the store, checked with zod whenever a file is read (and before it is written). */

import { z } from 'zod';
import { WorkspaceInstallationSchema } from '../../domain/installation.js';
import { IsoDateSchema, ReportMonthSchema } from '../../domain/monthly-return.js';
import { SlackUploadSchema } from '../../domain/slack-upload.js';
import { StockCodeSchema } from '../../domain/stock-code.js';
import {
  DigestRecordSchema,
  HistoryEntrySchema,
  StoredReturnSchema,
  WatchlistSchema,
} from '../../domain/stored-return.js';
import { TokenWorkspaceSchema } from '../team-adoption.js';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256');
const Version1 = z.literal(1);

export const StoreMetaSchema = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  /** Set when the store was made from an older layout. */
  migratedFrom: z.number().int().nullable(),
});
export type StoreMeta = z.infer<typeof StoreMetaSchema>;

/*
 * What holds across the fields of a file (one current submission, months in order) is checked by the plain
 * functions below, run on every read right after the schema. A zod refinement on a file's root object made V8
 * keep each parse's objects through two young-generation collections: history reads spent ten times as long in
 * GC at the 99th percentile.
 */

/** Every submission held for one stock code and month, newest submission first. */
export const MonthFileSchema = z.object({
  schemaVersion: Version1,
  stockCode: StockCodeSchema,
  reportMonth: ReportMonthSchema,
  submissions: z.array(StoredReturnSchema),
});
export type MonthFile = z.infer<typeof MonthFileSchema>;

/** What is wrong across a month file's submissions, or null. */
export function monthFileProblem(file: MonthFile): string | null {
  const ids = new Set<string>();
  for (const [i, held] of file.submissions.entries()) {
    if (held.stockCode !== file.stockCode || held.reportMonth !== file.reportMonth) {
      return `at submissions.${i}: belongs to another code or month`;
    }
    if (ids.has(held.id)) return `at submissions.${i}: held twice`;
    ids.add(held.id);
  }
  const current = file.submissions.filter((held) => held.supersededBy === null).length;
  if (file.submissions.length > 0 && current !== 1) return `${current} current submissions, expected 1`;
  return null;
}

/** A code's history: the history entry of each month's current return, newest month first. */
export const HistoryFileSchema = z.object({
  schemaVersion: Version1,
  stockCode: StockCodeSchema,
  months: z.array(HistoryEntrySchema),
});
export type HistoryFile = z.infer<typeof HistoryFileSchema>;

/** What is wrong across a history file's months, or null. */
export function historyFileProblem(file: HistoryFile): string | null {
  for (const [i, held] of file.months.entries()) {
    if (held.stockCode !== file.stockCode) return `at months.${i}: belongs to another code`;
    const newer = file.months[i - 1];
    if (newer && newer.reportMonth <= held.reportMonth)
      return `at months.${i}: not newest month first, or a month twice`;
  }
  return null;
}

/** What the index knows of one stock code without opening its returns. */
export const CodeIndexEntrySchema = z.object({
  stockCode: StockCodeSchema,
  /** From the current return of the latest month. */
  issuerName: z.string(),
  /** Every name seen for the code (English and Chinese forms, former names), so a search finds any of them. */
  names: z.array(z.string()),
  latestDateSubmitted: IsoDateSchema.nullable(),
  /** The sha256 of every submission held, by month, newest submission (the current one) first. */
  months: z.record(ReportMonthSchema, z.array(Sha256Schema)),
  /** Months whose file was found damaged and moved aside (to the path given) and not saved again since. */
  setAside: z.record(ReportMonthSchema, z.string()),
  /**
   * The submissions only some conversations may see: sha256 -> their channel ids (the rest are the workspace's).
   * A bare channel id is one written before a return could be seen in several conversations: that one alone.
   * Absent in an index written before audiences were recorded: the code's entry is rebuilt at open.
   */
  conversations: z.record(Sha256Schema, z.union([z.string(), z.array(z.string())])).optional(),
  /**
   * Every other exchange's code a submission held lists for a class ("SSE 601338"), sorted: what finds the issuer
   * from an A share's code. Absent in an index written before these codes were read: the entry is rebuilt at open.
   */
  otherExchangeCodes: z.array(z.string().regex(/^(SSE|SZSE) \d{6}$/, 'expected "SSE 601338"')).optional(),
});
export type CodeIndexEntry = z.infer<typeof CodeIndexEntrySchema>;

export const IndexShardSchema = z.object({
  schemaVersion: Version1,
  codes: z.record(StockCodeSchema, CodeIndexEntrySchema),
});
export type IndexShard = z.infer<typeof IndexShardSchema>;

export const WatchlistsFileSchema = z.object({
  schemaVersion: Version1,
  watchlists: z.record(z.string(), WatchlistSchema),
});
export type WatchlistsFile = z.infer<typeof WatchlistsFileSchema>;

export const DigestsFileSchema = z.object({
  schemaVersion: Version1,
  digests: z.array(DigestRecordSchema),
});
export type DigestsFile = z.infer<typeof DigestsFileSchema>;

export const SlackFilesFileSchema = z.object({
  schemaVersion: Version1,
  /**
   * Share key -> its upload record. A bare ISO time is a claim written before uploads recorded their steps: it
   * counts as answered.
   */
  claims: z.record(z.string(), z.union([z.string(), SlackUploadSchema])),
});
export type SlackFilesFile = z.infer<typeof SlackFilesFileSchema>;

export const InstallationsFileSchema = z.object({
  schemaVersion: Version1,
  /** Team id -> the app's installation there. */
  installations: z.record(z.string(), WorkspaceInstallationSchema),
});
export type InstallationsFile = z.infer<typeof InstallationsFileSchema>;

export const TokenWorkspaceFileSchema = z.object({
  schemaVersion: Version1,
  /** Null until the first start with a bot token has stamped the store's team-less records. */
  workspace: TokenWorkspaceSchema.nullable(),
});
export type TokenWorkspaceFile = z.infer<typeof TokenWorkspaceFileSchema>;
