/**
 * The small files beside the returns: channel watchlists, digests sent, and the Slack file ids already claimed.
 * Each is read when first needed. A damaged one is moved aside and its error reaches the caller that asked; the
 * next call starts that file afresh.
 */
import type { ReportMonth } from '../../domain/monthly-return.js';
import { type DigestRecord, DigestRecordSchema, type Watchlist, WatchlistSchema } from '../../domain/stored-return.js';
import { validateRecord } from '../validate-record.js';
import {
  type DigestsFile,
  DigestsFileSchema,
  type SlackFilesFile,
  SlackFilesFileSchema,
  type WatchlistsFile,
  WatchlistsFileSchema,
} from './file-schemas.js';
import { type JsonFile, type JsonFileSpec, openJsonFile } from './json-file.js';
import type { StoreLayout } from './store-layout.js';

export interface SettingsOptions {
  readonly durable: boolean;
  readonly now: () => Date;
  /** Slack retries an event for minutes, not months: claims older than this are forgotten. */
  readonly slackClaimRetentionDays: number;
}

const DAY_MS = 86_400_000;

export class SettingsFiles {
  readonly #watchlists: LazyJsonFile<WatchlistsFile>;
  readonly #digests: LazyJsonFile<DigestsFile>;
  readonly #slackFiles: LazyJsonFile<SlackFilesFile>;

  constructor(
    layout: StoreLayout,
    readonly options: SettingsOptions,
  ) {
    const spec = { tmpDir: layout.tmpDir, durable: options.durable, now: options.now };
    this.#watchlists = new LazyJsonFile({ ...spec, file: layout.watchlistsFile, schema: WatchlistsFileSchema }, () => ({
      schemaVersion: 1,
      watchlists: {},
    }));
    this.#digests = new LazyJsonFile({ ...spec, file: layout.digestsFile, schema: DigestsFileSchema }, () => ({
      schemaVersion: 1,
      digests: [],
    }));
    this.#slackFiles = new LazyJsonFile({ ...spec, file: layout.slackFilesFile, schema: SlackFilesFileSchema }, () => ({
      schemaVersion: 1,
      claims: {},
    }));
  }

  async getWatchlist(channelId: string): Promise<Watchlist | null> {
    // A copy: the caller may change what it is given, and the file's document is written as it stands.
    return structuredClone((await this.#watchlists.get()).data.watchlists[channelId] ?? null);
  }

  async saveWatchlist(watchlist: Watchlist): Promise<void> {
    const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
    const file = await this.#watchlists.get();
    file.data.watchlists[valid.channelId] = valid;
    await file.write();
  }

  async listWatchlists(): Promise<Watchlist[]> {
    const all = Object.values((await this.#watchlists.get()).data.watchlists);
    return structuredClone(all.sort((a, b) => (a.channelId < b.channelId ? -1 : 1)));
  }

  async findDigestRecord(channelId: string, month: ReportMonth): Promise<DigestRecord | null> {
    const file = await this.#digests.get();
    return structuredClone(file.data.digests.find((d) => d.channelId === channelId && d.reportMonth === month) ?? null);
  }

  /** One record per channel and month: recording it again replaces the earlier record. */
  async recordDigest(record: DigestRecord): Promise<void> {
    const valid = validateRecord(DigestRecordSchema, record, 'digest record');
    const file = await this.#digests.get();
    const others = file.data.digests.filter(
      (d) => d.channelId !== valid.channelId || d.reportMonth !== valid.reportMonth,
    );
    file.data.digests = [...others, valid];
    await file.write();
  }

  async claimSlackFile(fileId: string): Promise<boolean> {
    const file = await this.#slackFiles.get();
    const claims = file.data.claims;
    if (claims[fileId] !== undefined) return false;
    const now = this.options.now();
    const oldest = now.getTime() - this.options.slackClaimRetentionDays * DAY_MS;
    for (const [id, at] of Object.entries(claims)) if (Date.parse(at) < oldest) delete claims[id];
    claims[fileId] = now.toISOString();
    try {
      await file.write();
    } catch (error) {
      delete claims[fileId];
      throw error;
    }
    return true;
  }

  async releaseSlackFile(fileId: string): Promise<void> {
    const file = await this.#slackFiles.get();
    if (file.data.claims[fileId] === undefined) return;
    delete file.data.claims[fileId];
    await file.write();
  }
}

class LazyJsonFile<T> {
  #opening: Promise<JsonFile<T>> | null = null;

  constructor(
    readonly spec: JsonFileSpec<T>,
    readonly fallback: () => T,
  ) {}

  get(): Promise<JsonFile<T>> {
    if (!this.#opening) {
      const opening = openJsonFile(this.spec, this.fallback);
      // A damaged file has been moved aside, so the next caller starts from an empty one; after any other
      // failure (a permission, a full disk) the next caller tries again.
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = null;
      });
      this.#opening = opening;
    }
    return this.#opening;
  }
}
