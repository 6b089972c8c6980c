/**
 * Version 0 of the store was a single lowdb file, db.json, holding every return in one array. Rewritten whole on
 * each save it grew too slow (250 MB and over 4 s a write at market scale), and it kept no history links: a
 * resubmission was appended beside the return it corrected, and the same PDF read twice was held twice.
 *
 * The migration reads it once, files each return under its code and month with the submission rules of today,
 * keeps the first copy of a sha256 held twice, and carries over watchlists, digests sent and Slack file ids.
 * store.json, written last, marks the migration done; db.json is then renamed, never deleted.
 */
import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { FlagSchema } from '../../domain/flag.js';
import { MonthlyReturnSchema, ReportMonthSchema } from '../../domain/monthly-return.js';
import { StockCodeSchema } from '../../domain/stock-code.js';
import type { Provenance, StoredReturn } from '../../domain/stored-return.js';
import { toStoredReturn } from '../submissions.js';
import { writeFileAtomic } from './atomic-write.js';
import { BulkWriter } from './bulk-writer.js';
import type { DigestsFile, SlackFilesFile, StoreMeta, WatchlistsFile } from './file-schemas.js';
import { damagedFileError } from './quarantine.js';
import { STORE_SCHEMA_VERSION, type StoreLayout } from './store-layout.js';

export const V0ReturnSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  stockCode: StockCodeSchema,
  month: ReportMonthSchema,
  fileName: z.string(),
  slackFileId: z.string().nullable(),
  readAt: z.string(),
  parserVersion: z.string(),
  flags: z.array(FlagSchema),
  data: MonthlyReturnSchema,
});

export const V0DbSchema = z.object({
  returns: z.array(V0ReturnSchema),
  slackFiles: z.array(z.string()),
  watchlists: z.record(z.string(), z.array(StockCodeSchema)),
  digestsSent: z.array(z.object({ channel: z.string(), month: ReportMonthSchema, ts: z.string(), at: z.string() })),
});
export type V0Db = z.infer<typeof V0DbSchema>;

/** Throws AppError('store-corrupt') naming db.json, left where it is, when it cannot be read as a v0 store. */
export async function migrateV0Store(
  layout: StoreLayout,
  options: { now: Date; durable: boolean },
): Promise<StoreMeta> {
  const db = await readV0(layout.legacyDbFile);
  const stamp = options.now.toISOString();
  const write = (file: string, data: unknown) =>
    writeFileAtomic(file, JSON.stringify(data), { tmpDir: layout.tmpDir, durable: options.durable });

  const byCode = new Map<string, StoredReturn[]>();
  for (const old of db.returns) {
    const held = toStoredReturn({ monthlyReturn: old.data, flags: old.flags, provenance: provenanceOf(old) });
    const returns = byCode.get(held.stockCode);
    if (returns) returns.push(held);
    else byCode.set(held.stockCode, [held]);
  }
  const writer = new BulkWriter(layout, options.durable);
  for (const [stockCode, returns] of byCode) await writer.writeCode(stockCode, returns);
  await writer.finish();

  const watchlists: WatchlistsFile = { schemaVersion: 1, watchlists: {} };
  for (const [channelId, stockCodes] of Object.entries(db.watchlists)) {
    watchlists.watchlists[channelId] = { channelId, stockCodes, digestEnabled: true, updatedAt: stamp };
  }
  await write(layout.watchlistsFile, watchlists);
  const digests: DigestsFile = {
    schemaVersion: 1,
    // Version 0 sent digests on its schedule only.
    digests: db.digestsSent.map((d) => ({
      channelId: d.channel,
      reportMonth: d.month,
      sentAt: d.at,
      messageTs: [d.ts],
      trigger: 'scheduled',
    })),
  };
  await write(layout.digestsFile, digests);
  const slackFiles: SlackFilesFile = {
    schemaVersion: 1,
    claims: Object.fromEntries(db.slackFiles.map((id) => [id, stamp])),
  };
  await write(layout.slackFilesFile, slackFiles);

  const meta: StoreMeta = { schemaVersion: STORE_SCHEMA_VERSION, createdAt: stamp, migratedFrom: 0 };
  await write(layout.metaFile, meta);
  await rename(layout.legacyDbFile, `${layout.legacyDbFile}.v0-migrated-${stamp.replace(/[-:.]/g, '')}`);
  return meta;
}

async function readV0(file: string): Promise<V0Db> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw damagedFileError(file, 'not valid JSON; nothing was migrated', null, error);
  }
  const parsed = V0DbSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = `not a version-0 store (${issue?.path.join('.')}: ${issue?.message}); nothing was migrated`;
    throw damagedFileError(file, reason, null, parsed.error);
  }
  return parsed.data;
}

function provenanceOf(old: z.infer<typeof V0ReturnSchema>): Provenance {
  const source: Provenance['source'] = old.slackFileId
    ? { kind: 'slack', fileId: old.slackFileId, fileName: old.fileName, channelId: null, userId: null, permalink: null }
    : { kind: 'path', path: old.fileName };
  return { source, sha256: old.sha256, readAt: old.readAt, parserVersion: old.parserVersion };
}
