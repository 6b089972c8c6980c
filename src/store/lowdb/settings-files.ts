/**
 * The small files beside the returns: channel watchlists, digests sent, and the Slack uploads claimed, each with
 * the step it has reached.
 * Each is read when first needed. A damaged one is moved aside and its error reaches the caller that asked; the
 * next call starts that file afresh.
 */
import { AppError } from '../../domain/errors.js';
import { type WorkspaceInstallation, WorkspaceInstallationSchema } from '../../domain/installation.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import {
  type SlackShare,
  SlackShareSchema,
  type SlackUpload,
  type SlackUploadClaim,
  type SlackUploadStep,
  slackUploadKey,
  startSlackUpload,
  takeOverSlackUpload,
} from '../../domain/slack-upload.js';
import {
  channelKeyOf,
  type DigestRecord,
  DigestRecordSchema,
  type Watchlist,
  WatchlistSchema,
} from '../../domain/stored-return.js';
import { type AdoptedCounts, adoptedChannelRecord, adoptedSlackUpload, type TokenWorkspace } from '../team-adoption.js';
import { validateRecord } from '../validate-record.js';
import {
  type DigestsFile,
  DigestsFileSchema,
  type InstallationsFile,
  InstallationsFileSchema,
  type SlackFilesFile,
  SlackFilesFileSchema,
  type TokenWorkspaceFile,
  TokenWorkspaceFileSchema,
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
  readonly #installations: LazyJsonFile<InstallationsFile>;
  readonly #tokenWorkspace: LazyJsonFile<TokenWorkspaceFile>;

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
    this.#installations = new LazyJsonFile(
      { ...spec, file: layout.installationsFile, schema: InstallationsFileSchema },
      () => ({ schemaVersion: 1, installations: {} }),
    );
    this.#tokenWorkspace = new LazyJsonFile(
      { ...spec, file: layout.tokenWorkspaceFile, schema: TokenWorkspaceFileSchema },
      () => ({ schemaVersion: 1, workspace: null }),
    );
  }

  async tokenWorkspace(): Promise<TokenWorkspace | null> {
    return structuredClone((await this.#tokenWorkspace.get()).data.workspace);
  }

  /** Records the store's token workspace, unless one is recorded already; answers the one held. */
  async recordTokenWorkspace(teamId: string): Promise<TokenWorkspace> {
    const file = await this.#tokenWorkspace.get();
    if (!file.data.workspace) {
      file.data.workspace = { teamId, adoptedAt: this.options.now().toISOString() };
      await file.write();
    }
    return structuredClone(file.data.workspace);
  }

  /** Stamps the watchlists, digest records and upload claims that name no workspace (team-adoption.ts). */
  async adoptTeamless(teamId: string): Promise<Omit<AdoptedCounts, 'returns'>> {
    const watchlistsFile = await this.#watchlists.get();
    let watchlists = 0;
    for (const [key, held] of Object.entries(watchlistsFile.data.watchlists)) {
      const adopted = adoptedChannelRecord(held, teamId);
      if (!adopted) continue;
      delete watchlistsFile.data.watchlists[key];
      // Where the workspace's own list of the channel is held already, that one stays.
      watchlistsFile.data.watchlists[channelKeyOf(adopted)] ??= adopted;
      watchlists++;
    }
    if (watchlists > 0) await watchlistsFile.write();

    const digestsFile = await this.#digests.get();
    const teamless = digestsFile.data.digests.filter((held) => held.teamId === undefined);
    if (teamless.length > 0) {
      const stamped = digestsFile.data.digests.filter((held) => held.teamId !== undefined);
      const keyOf = (record: DigestRecord) => `${channelKeyOf(record)} ${record.reportMonth}`;
      const held = new Set(stamped.map(keyOf));
      // As for watchlists, a record the workspace holds already for the channel and month stays.
      const adopted = teamless.map((record) => ({ ...record, teamId })).filter((record) => !held.has(keyOf(record)));
      digestsFile.data.digests = [...stamped, ...adopted];
      await digestsFile.write();
    }
    const digestRecords = teamless.length;

    const slackFile = await this.#slackFiles.get();
    let slackUploads = 0;
    for (const [key, held] of Object.entries(slackFile.data.claims)) {
      // A bare time names no share: it only stops a redelivery long past.
      const adopted = typeof held === 'string' ? null : adoptedSlackUpload(held, teamId);
      if (!adopted) continue;
      delete slackFile.data.claims[key];
      slackFile.data.claims[adopted.key] ??= adopted;
      slackUploads++;
    }
    if (slackUploads > 0) await slackFile.write();
    return { watchlists, digestRecords, slackUploads };
  }

  async saveInstallation(installation: WorkspaceInstallation): Promise<void> {
    const valid = validateRecord(WorkspaceInstallationSchema, installation, 'installation');
    const file = await this.#installations.get();
    file.data.installations[valid.team.id] = valid;
    await file.write();
  }

  async listInstallations(): Promise<WorkspaceInstallation[]> {
    return structuredClone(Object.values((await this.#installations.get()).data.installations));
  }

  async findInstallation(teamId: string): Promise<WorkspaceInstallation | null> {
    return structuredClone((await this.#installations.get()).data.installations[teamId] ?? null);
  }

  async deleteInstallation(teamId: string): Promise<void> {
    const file = await this.#installations.get();
    if (!(teamId in file.data.installations)) return;
    delete file.data.installations[teamId];
    await file.write();
  }

  async getWatchlist(channelId: string, teamId?: string): Promise<Watchlist | null> {
    // A copy: the caller may change what it is given, and the file's document is written as it stands.
    const key = channelKeyOf({ channelId, teamId });
    return structuredClone((await this.#watchlists.get()).data.watchlists[key] ?? null);
  }

  async saveWatchlist(watchlist: Watchlist): Promise<void> {
    const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
    const file = await this.#watchlists.get();
    file.data.watchlists[channelKeyOf(valid)] = valid;
    await file.write();
  }

  async listWatchlists(): Promise<Watchlist[]> {
    const all = Object.values((await this.#watchlists.get()).data.watchlists);
    return structuredClone(all.sort((a, b) => (channelKeyOf(a) < channelKeyOf(b) ? -1 : 1)));
  }

  async findDigestRecord(channelId: string, month: ReportMonth, teamId?: string): Promise<DigestRecord | null> {
    const file = await this.#digests.get();
    const key = channelKeyOf({ channelId, teamId });
    return structuredClone(file.data.digests.find((d) => channelKeyOf(d) === key && d.reportMonth === month) ?? null);
  }

  /** One record per channel and month: recording it again replaces the earlier record. */
  async recordDigest(record: DigestRecord): Promise<void> {
    const valid = validateRecord(DigestRecordSchema, record, 'digest record');
    const file = await this.#digests.get();
    const others = file.data.digests.filter(
      (d) => channelKeyOf(d) !== channelKeyOf(valid) || d.reportMonth !== valid.reportMonth,
    );
    file.data.digests = [...others, valid];
    await file.write();
  }

  async listDigestRecords(): Promise<DigestRecord[]> {
    return structuredClone((await this.#digests.get()).data.digests);
  }

  /**
   * Every upload recorded with its steps, answered or not. A bare time (a claim from before steps were recorded)
   * names no conversation or message, so it is not one: it only stopped Slack's redelivery of an event long past.
   */
  async listSlackUploads(): Promise<SlackUpload[]> {
    const claims = Object.values((await this.#slackFiles.get()).data.claims);
    return structuredClone(claims.filter((claim): claim is SlackUpload => typeof claim !== 'string'));
  }

  /** Records the digest unless one is held for its channel and month; null when it was recorded. */
  async claimDigest(record: DigestRecord): Promise<DigestRecord | null> {
    const valid = validateRecord(DigestRecordSchema, record, 'digest record');
    const file = await this.#digests.get();
    const held = file.data.digests.find(
      (d) => channelKeyOf(d) === channelKeyOf(valid) && d.reportMonth === valid.reportMonth,
    );
    if (held) return structuredClone(held);
    file.data.digests = [...file.data.digests, valid];
    await file.write();
    return null;
  }

  /**
   * Claims one share of a Slack file. A share seen for the first time is claimed; an unfinished one whose lease has
   * run out is taken over (its record kept, so the work resumes at its stage); anything else is left alone.
   */
  async claimSlackUpload(share: SlackShare, leaseMs: number): Promise<SlackUploadClaim> {
    const file = await this.#slackFiles.get();
    const claims = file.data.claims;
    const key = slackUploadKey(share);
    const now = this.options.now();
    // A claim written before uploads recorded their steps: keyed by file id alone in the first layout.
    const held = claims[key] ?? (typeof claims[share.fileId] === 'string' ? claims[share.fileId] : undefined);
    if (typeof held === 'string') return { outcome: 'answered', upload: null };
    if (held?.stage === 'answered') return { outcome: 'answered', upload: held };
    if (held && Date.parse(held.leaseUntil) > now.getTime()) return { outcome: 'in-hand', upload: held };
    this.#forgetOldClaims(claims, now);
    const upload = held
      ? takeOverSlackUpload(held, now, leaseMs)
      : startSlackUpload(validateRecord(SlackShareSchema, share, 'Slack share'), now, leaseMs);
    await this.#writeClaim(file, key, upload, held);
    return { outcome: held ? 'taken-over' : 'claimed', upload };
  }

  /** Records a step of an upload and renews its lease. */
  async recordSlackUpload(key: string, step: SlackUploadStep, leaseMs: number): Promise<SlackUpload> {
    const file = await this.#slackFiles.get();
    const held = file.data.claims[key];
    if (held === undefined || typeof held === 'string') {
      throw new AppError('bad-input', `No unfinished Slack upload ${key} is held.`, { key });
    }
    const now = this.options.now();
    const upload: SlackUpload = {
      ...held,
      ...step,
      updatedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    };
    await this.#writeClaim(file, key, upload, held);
    return upload;
  }

  /** Every upload claimed and not answered, oldest claim first. */
  async unfinishedSlackUploads(): Promise<SlackUpload[]> {
    const claims = Object.values((await this.#slackFiles.get()).data.claims);
    return claims
      .filter((c): c is SlackUpload => typeof c !== 'string' && c.stage !== 'answered')
      .sort((a, b) => (a.claimedAt < b.claimedAt ? -1 : a.claimedAt > b.claimedAt ? 1 : 0));
  }

  async answeredSlackUploads(sha256: string): Promise<SlackUpload[]> {
    const claims = Object.values((await this.#slackFiles.get()).data.claims);
    return claims
      .filter(
        (c): c is SlackUpload =>
          typeof c !== 'string' && c.stage === 'answered' && c.sha256 === sha256 && c.replyTs !== null,
      )
      .sort((a, b) => (a.claimedAt < b.claimedAt ? -1 : a.claimedAt > b.claimedAt ? 1 : 0));
  }

  /** The record is changed only once it is on disk: a failed write leaves the claim as it was. */
  async #writeClaim(
    file: JsonFile<SlackFilesFile>,
    key: string,
    upload: SlackUpload,
    before: SlackFilesFile['claims'][string] | undefined,
  ): Promise<void> {
    file.data.claims[key] = upload;
    try {
      await file.write();
    } catch (error) {
      if (before === undefined) delete file.data.claims[key];
      else file.data.claims[key] = before;
      throw error;
    }
  }

  /** Slack retries an event for minutes, not months: records older than the retention are forgotten. */
  #forgetOldClaims(claims: SlackFilesFile['claims'], now: Date): void {
    const oldest = now.getTime() - this.options.slackClaimRetentionDays * DAY_MS;
    for (const [key, claim] of Object.entries(claims)) {
      const at = typeof claim === 'string' ? claim : claim.updatedAt;
      if (Date.parse(at) < oldest) delete claims[key];
    }
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
