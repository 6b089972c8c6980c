/**
 * The FilingStore on lowdb files: one file per stock code and month, an in-memory index loaded at open, month
 * files read on demand through a small cache. See store-layout.ts for what lives where.
 */

import { isVisibleTo, type Viewer, WORKSPACE } from '../../domain/audience.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { WorkspaceInstallation } from '../../domain/installation.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { SlackShare, SlackUpload, SlackUploadClaim, SlackUploadStep } from '../../domain/slack-upload.js';
import type { OtherExchangeCode, StockCode } from '../../domain/stock-code.js';
import {
  audienceOf,
  type DigestRecord,
  type HistoryEntry,
  type IssuerSummary,
  type StoredReturn,
  toHistoryEntry,
  type Watchlist,
} from '../../domain/stored-return.js';
import type { FetchClaims } from '../fetch-claims.js';
import type { DamagedMonth, FilingStore, HeldMonth, SaveInput, SaveResult, StoreContents } from '../filing-store.js';
import {
  addSubmission,
  currentFor,
  currentOf,
  findSameReturn,
  savedAgain,
  toValidStoredReturn,
} from '../submissions.js';
import { adoptedMonth, type TeamAdoption } from '../team-adoption.js';
import type { ReturnLocation } from './code-index.js';
import {
  emptyCodeIndexEntry,
  issuersListing,
  isVisibleIn,
  monthsNewestFirst,
  recordMonth,
  toIssuerSummary,
} from './code-index-entry.js';
import type { CodeIndexEntry, MonthFile } from './file-schemas.js';
import { agreesWithIndex, type IndexRepairParts, repairCode } from './index-repair.js';
import { rankIssuers } from './issuer-search.js';
import type { JsonFile } from './json-file.js';
import { KeyedMutex } from './keyed-mutex.js';
import { damagedFileError } from './quarantine.js';
import type { SaveJournal } from './save-journal.js';
import type { SettingsFiles } from './settings-files.js';
import { historyFile, monthFile } from './store-layout.js';

export interface LowdbStoreParts extends IndexRepairParts {
  readonly journal: SaveJournal;
  readonly settings: SettingsFiles;
  readonly release: () => Promise<void>;
  /** In memory: one process owns a data directory, so its claims need be seen by no other. */
  readonly fetchClaims: FetchClaims;
}

export class LowdbFilingStore implements FilingStore {
  readonly #saves = new KeyedMutex();
  /**
   * By code: a save's updates of the history and the index, and reads of the history, which check the one against
   * the other and must not see a save between the two.
   */
  readonly #derived = new KeyedMutex();
  readonly #settingsWrites = new Set<Promise<unknown>>();
  #closed = false;

  constructor(readonly parts: LowdbStoreParts) {}

  get fetchClaims(): FetchClaims {
    return this.parts.fetchClaims;
  }

  async save(input: SaveInput): Promise<SaveResult> {
    this.#assertOpen();
    const incoming = toValidStoredReturn(input);
    return this.#saves.run(`${incoming.stockCode}/${incoming.reportMonth}`, () => this.#save(incoming));
  }

  async #save(incoming: StoredReturn): Promise<SaveResult> {
    const { index } = this.parts;
    const { stockCode, reportMonth: month } = incoming;
    const located = index.locate(incoming.id);
    const heldElsewhere = located ? await this.#findIn(located, incoming.id) : null;
    // Filed under another code or month than this save's (the first listed code changed): the same file all the same.
    if (heldElsewhere && (located?.stockCode !== stockCode || located.month !== month)) {
      return { status: 'already-held', stored: heldElsewhere, match: 'same-file' };
    }

    const file = await this.#openForSave(stockCode, month);
    const same = findSameReturn(file.data.submissions, incoming);
    if (same) {
      if (!agreesWithIndex(index.get(stockCode), month, file.data.submissions)) {
        // On disk but not in the index, so invisible to every lookup: made visible before "already held" is said.
        const id = same.stored.id.slice(0, 12);
        await this.#repair(stockCode, `${month} holds ${id}…, which the index did not list`);
      }
      const { result, updated } = savedAgain(same, incoming);
      if (!updated) return result;
      await this.#write(
        file,
        file.data.submissions.map((held) => (held.id === updated.id ? updated : held)),
      );
      return result;
    }
    const { submissions, result } = addSubmission(file.data.submissions, incoming);
    await this.#write(file, submissions);
    return result;
  }

  /** Writes a month's submissions, then its code's history and index entry, under a journal marker. */
  async #write(file: JsonFile<MonthFile>, submissions: StoredReturn[]): Promise<void> {
    const { monthFiles, index, history, journal } = this.parts;
    const { stockCode, reportMonth: month } = file.data;

    journal.begin(stockCode, month);
    const before = file.data;
    file.data = { ...before, submissions };
    try {
      await monthFiles.write(file);
    } catch (error) {
      file.data = before;
      monthFiles.forget(stockCode, month);
      journal.end(stockCode, month);
      throw error;
    }
    await this.#derived.run(stockCode, async () => {
      const current = currentOf(submissions);
      if (current) await history.record(stockCode, month, current);
      await index.update(
        stockCode,
        (entry) => recordMonth(entry, month, submissions),
        () => emptyCodeIndexEntry(stockCode),
      );
    });
    journal.end(stockCode, month);
  }

  /** The month's file for a save: a damaged one is reported and moved aside, and the save starts a new file. */
  async #openForSave(stockCode: StockCode, month: ReportMonth) {
    try {
      return await this.parts.monthFiles.open(stockCode, month);
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      this.parts.onCorrupt(error);
      return this.parts.monthFiles.open(stockCode, month);
    }
  }

  async findBySha256(sha256: string, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    this.#assertOpen();
    const located = this.parts.index.locate(sha256);
    const found = located ? await this.#findIn(located, sha256) : null;
    return found && isVisibleTo(audienceOf(found), viewer) ? found : null;
  }

  /** A return whose month file was damaged is no longer held: null, so that reading the filing again restores it. */
  async #findIn(located: ReturnLocation, id: string): Promise<StoredReturn | null> {
    try {
      const submissions = await this.#readMonth(located.stockCode, located.month);
      return submissions.find((held) => held.id === id) ?? null;
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      this.parts.onCorrupt(error);
      return null;
    }
  }

  async latest(stockCode: StockCode, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    this.#assertOpen();
    const entry = this.parts.index.get(stockCode);
    const month = entry ? monthsNewestFirst(entry, viewer)[0] : undefined;
    return month ? currentFor(await this.#readMonth(stockCode, month), viewer) : null;
  }

  async forMonth(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    this.#assertOpen();
    return currentFor(await this.#readMonth(stockCode, month), viewer);
  }

  /** Months found damaged are left out (`damagedMonths` names them): one torn file does not hide the others. */
  async history(stockCode: StockCode, options: { limit?: number; viewer?: Viewer } = {}): Promise<HistoryEntry[]> {
    this.#assertOpen();
    const limit = Math.max(0, options.limit ?? Number.POSITIVE_INFINITY);
    const viewer = options.viewer ?? WORKSPACE;
    return this.#derived.run(stockCode, async () => {
      const entry = this.parts.index.get(stockCode);
      if (!entry) return [];
      // The history file holds each month's current return: right for every viewer while all are public.
      if (Object.keys(entry.conversations ?? {}).length > 0) return this.#historyFor(stockCode, viewer, limit);
      let held = await this.parts.history.read(entry);
      if (!held) {
        await repairCode(this.parts, stockCode, 'its history, rebuilt from the month files, disagreed with the index');
        const repaired = this.parts.index.get(stockCode);
        held = repaired ? await this.parts.history.read(repaired) : [];
        if (!held) throw damagedFileError(historyFile(this.parts.monthFiles.layout, stockCode), 'unrepairable', null);
      }
      // Read first: a rebuild of the history may find a month file damaged, and the entry then says so.
      const setAside = this.parts.index.get(stockCode)?.setAside ?? {};
      return held.filter((month) => setAside[month.reportMonth] === undefined).slice(0, limit);
    });
  }

  /** A code with returns only some conversations may see: each month's current return for the viewer, read. */
  async #historyFor(stockCode: StockCode, viewer: Viewer, limit: number): Promise<HistoryEntry[]> {
    const entry = this.parts.index.get(stockCode);
    const months = entry ? monthsNewestFirst(entry, viewer).filter((m) => entry.setAside[m] === undefined) : [];
    const found: HistoryEntry[] = [];
    for (const month of months) {
      if (found.length >= limit) break;
      try {
        const current = currentFor(await this.#readMonth(stockCode, month), viewer);
        if (current) found.push(toHistoryEntry(current));
      } catch (error) {
        if (!isAppError(error, 'store-corrupt')) throw error;
        this.parts.onCorrupt(error);
      }
    }
    return found;
  }

  async damagedMonths(stockCode: StockCode): Promise<DamagedMonth[]> {
    this.#assertOpen();
    const setAside = this.parts.index.get(stockCode)?.setAside ?? {};
    return Object.keys(setAside)
      .sort()
      .reverse()
      .map((reportMonth) => ({ reportMonth, setAsideAs: setAside[reportMonth] as string }));
  }

  async monthsHeld(stockCode: StockCode, viewer: Viewer = WORKSPACE): Promise<ReportMonth[]> {
    this.#assertOpen();
    const entry = this.parts.index.get(stockCode);
    return entry ? monthsNewestFirst(entry, viewer) : [];
  }

  async submissions(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn[]> {
    this.#assertOpen();
    return (await this.#readMonth(stockCode, month)).filter((held) => isVisibleTo(audienceOf(held), viewer));
  }

  /** A damaged month is passed over (and reported), so that it does not stop the card of the month after it. */
  async previous(stockCode: StockCode, month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn | null> {
    this.#assertOpen();
    const entry = this.parts.index.get(stockCode);
    for (const before of entry ? monthsNewestFirst(entry, viewer).filter((held) => held < month) : []) {
      if (entry?.setAside[before] !== undefined) continue;
      try {
        const current = currentFor(await this.#readMonth(stockCode, before), viewer);
        if (current) return current;
      } catch (error) {
        if (!isAppError(error, 'store-corrupt')) throw error;
        this.parts.onCorrupt(error);
      }
    }
    return null;
  }

  /** A damaged file of one code is reported and left out, so that it does not silence the other 2,599. */
  async forReportMonth(month: ReportMonth, viewer: Viewer = WORKSPACE): Promise<StoredReturn[]> {
    this.#assertOpen();
    const codes = [...this.parts.index.entries()]
      .filter((entry) => (entry.months[month] ?? []).some((id) => isVisibleIn(entry, id, viewer)))
      .map((entry) => entry.stockCode)
      .sort();
    const found: StoredReturn[] = [];
    for (const code of codes) {
      try {
        // Read without caching: a scan over every code would push out what the cache holds for lookups.
        const current = currentFor(await this.#readMonth(code, month, false), viewer);
        if (current) found.push(current);
      } catch (error) {
        if (!isAppError(error, 'store-corrupt')) throw error;
        this.parts.onCorrupt(error);
      }
    }
    return found;
  }

  async listIssuers(viewer: Viewer = WORKSPACE): Promise<IssuerSummary[]> {
    this.#assertOpen();
    return [...this.parts.index.entries()]
      .filter((entry) => monthsNewestFirst(entry, viewer).length > 0)
      .map((entry) => toIssuerSummary(entry, viewer))
      .sort((a, b) => (a.stockCode < b.stockCode ? -1 : a.stockCode > b.stockCode ? 1 : 0));
  }

  async searchIssuers(query: string, options: { limit?: number; viewer?: Viewer } = {}): Promise<IssuerSummary[]> {
    this.#assertOpen();
    const viewer = options.viewer ?? WORKSPACE;
    const visible = (entry: CodeIndexEntry) => monthsNewestFirst(entry, viewer).length > 0;
    return rankIssuers(this.parts.index.searchable(), query, options.limit ?? 10, visible).map((entry) =>
      toIssuerSummary(entry, viewer),
    );
  }

  async findByOtherExchangeCode(code: OtherExchangeCode, viewer: Viewer = WORKSPACE): Promise<IssuerSummary[]> {
    this.#assertOpen();
    return issuersListing(this.parts.index.entries(), code, viewer);
  }

  /**
   * The submissions held for a code and month, newest first; none when the index holds none. Throws
   * AppError('store-corrupt') naming the file when it is damaged (it is moved aside and the month marked as such),
   * and on every later read of that month until a save restores it: a month we cannot read is never passed off
   * as a month with no return.
   */
  async #readMonth(stockCode: StockCode, month: ReportMonth, keep = true): Promise<readonly StoredReturn[]> {
    const entry = this.parts.index.get(stockCode);
    if (!entry || entry.months[month] === undefined) return [];
    const aside = entry.setAside[month];
    if (aside) throw this.#setAsideError(stockCode, month, aside);
    let submissions: readonly StoredReturn[];
    try {
      submissions = (await this.parts.monthFiles.open(stockCode, month, keep)).data.submissions;
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      await this.parts.index.markSetAside(stockCode, month, String(error.facts.setAsideAs));
      throw aboutMonth(error, stockCode, month);
    }
    if (submissions.length === 0) {
      const file = monthFile(this.parts.monthFiles.layout, stockCode, month);
      throw aboutMonth(damagedFileError(file, 'missing, though the index lists it', null), stockCode, month);
    }
    // A save under way has written the month and not yet the index: only a settled month can disagree.
    if (!agreesWithIndex(entry, month, submissions) && !this.#saves.isBusy(`${stockCode}/${month}`)) {
      const listed = entry.months[month]?.length ?? 0;
      await this.#repair(
        stockCode,
        `${month} holds ${submissions.length} submissions where the index listed ${listed}`,
      );
    }
    return submissions;
  }

  #setAsideError(stockCode: StockCode, month: ReportMonth, setAsideAs: string): AppError {
    const path = monthFile(this.parts.monthFiles.layout, stockCode, month);
    const error = damagedFileError(path, 'found damaged earlier; read the filing again to restore it', setAsideAs);
    return aboutMonth(error, stockCode, month);
  }

  #repair(stockCode: StockCode, why: string): Promise<void> {
    return this.#derived.run(stockCode, () => repairCode(this.parts, stockCode, why));
  }

  claimSlackUpload(share: SlackShare, leaseMs: number): Promise<SlackUploadClaim> {
    this.#assertOpen();
    return this.#track(this.parts.settings.claimSlackUpload(share, leaseMs));
  }

  recordSlackUpload(key: string, step: SlackUploadStep, leaseMs: number): Promise<SlackUpload> {
    this.#assertOpen();
    return this.#track(this.parts.settings.recordSlackUpload(key, step, leaseMs));
  }

  unfinishedSlackUploads(): Promise<SlackUpload[]> {
    this.#assertOpen();
    return this.parts.settings.unfinishedSlackUploads();
  }

  answeredSlackUploads(sha256: string): Promise<SlackUpload[]> {
    this.#assertOpen();
    return this.parts.settings.answeredSlackUploads(sha256);
  }

  getWatchlist(channelId: string, teamId?: string): Promise<Watchlist | null> {
    this.#assertOpen();
    return this.parts.settings.getWatchlist(channelId, teamId);
  }

  saveWatchlist(watchlist: Watchlist): Promise<void> {
    this.#assertOpen();
    return this.#track(this.parts.settings.saveWatchlist(watchlist));
  }

  listWatchlists(): Promise<Watchlist[]> {
    this.#assertOpen();
    return this.parts.settings.listWatchlists();
  }

  findDigestRecord(channelId: string, month: ReportMonth, teamId?: string): Promise<DigestRecord | null> {
    this.#assertOpen();
    return this.parts.settings.findDigestRecord(channelId, month, teamId);
  }

  recordDigest(record: DigestRecord): Promise<void> {
    this.#assertOpen();
    return this.#track(this.parts.settings.recordDigest(record));
  }

  claimDigest(record: DigestRecord): Promise<DigestRecord | null> {
    this.#assertOpen();
    return this.#track(this.parts.settings.claimDigest(record));
  }

  saveInstallation(installation: WorkspaceInstallation): Promise<void> {
    this.#assertOpen();
    return this.#track(this.parts.settings.saveInstallation(installation));
  }

  findInstallation(teamId: string): Promise<WorkspaceInstallation | null> {
    this.#assertOpen();
    return this.parts.settings.findInstallation(teamId);
  }

  deleteInstallation(teamId: string): Promise<void> {
    this.#assertOpen();
    return this.#track(this.parts.settings.deleteInstallation(teamId));
  }

  /**
   * Reads every month file once (the index does not say which returns came from Slack), at the first start with a
   * token; the settings files are stamped after the returns and the workspace recorded last, so a start stopped
   * half-way does it again.
   */
  async adoptTeamless(teamId: string): Promise<TeamAdoption> {
    this.#assertOpen();
    const { settings, index } = this.parts;
    const held = await settings.tokenWorkspace();
    if (held) return { workspace: held, stamped: null };
    let returns = 0;
    for (const { stockCode, months, setAside } of [...index.entries()]) {
      for (const month of Object.keys(months)) {
        if (setAside[month] !== undefined) continue;
        returns += await this.#saves.run(`${stockCode}/${month}`, () => this.#adoptMonth(stockCode, month, teamId));
      }
    }
    const counts = await this.#track(settings.adoptTeamless(teamId));
    const workspace = await this.#track(settings.recordTokenWorkspace(teamId));
    return { workspace, stamped: { returns, ...counts } };
  }

  async #adoptMonth(stockCode: StockCode, month: ReportMonth, teamId: string): Promise<number> {
    let file: JsonFile<MonthFile>;
    try {
      file = await this.parts.monthFiles.open(stockCode, month, false);
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      this.parts.onCorrupt(error);
      return 0;
    }
    const adopted = adoptedMonth(file.data.submissions, teamId);
    if (!adopted) return 0;
    await this.#write(file, adopted.submissions);
    return adopted.stamped;
  }

  contents(): StoreContents {
    this.#assertOpen();
    const { settings } = this.parts;
    return {
      months: () => this.#allMonths(),
      watchlists: () => settings.listWatchlists(),
      digestRecords: () => settings.listDigestRecords(),
      slackUploads: () => settings.listSlackUploads(),
      installations: () => settings.listInstallations(),
      tokenWorkspace: () => settings.tokenWorkspace(),
    };
  }

  async *#allMonths(): AsyncGenerator<HeldMonth> {
    const entries = [...this.parts.index.entries()].sort((a, b) => (a.stockCode < b.stockCode ? -1 : 1));
    for (const { stockCode, months } of entries) {
      for (const reportMonth of Object.keys(months).sort()) {
        try {
          const submissions = await this.#readMonth(stockCode, reportMonth, false);
          yield { stockCode, reportMonth, submissions, damaged: null };
        } catch (error) {
          if (!isAppError(error, 'store-corrupt')) throw error;
          yield { stockCode, reportMonth, submissions: [], damaged: error.message };
        }
      }
    }
  }

  /** Waits for the saves under way, then lets the directory go. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#saves.settled();
    await this.#derived.settled();
    await Promise.allSettled([...this.#settingsWrites]);
    this.parts.monthFiles.clear();
    await this.parts.release();
  }

  #track<T>(write: Promise<T>): Promise<T> {
    this.#settingsWrites.add(write);
    const forget = () => this.#settingsWrites.delete(write);
    write.then(forget, forget);
    return write;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The filing store is closed.');
  }
}

/** A damaged month's error with its code and month as facts, so that the answer can name them. */
function aboutMonth(error: AppError, stockCode: StockCode, month: ReportMonth): AppError {
  return new AppError('store-corrupt', error.message, { ...error.facts, stockCode, month }, { cause: error.cause });
}
