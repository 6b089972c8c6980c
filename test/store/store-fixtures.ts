/**
 * Stores on real files in a fresh temporary directory, and save inputs built from the shared factories.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { AppError } from '../../src/domain/errors.js';
import type { MonthlyReturn, ReportMonth } from '../../src/domain/monthly-return.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import type { FilingStore, OpenFilingStoreOptions, SaveInput } from '../../src/store/index.js';
import { openFilingStore } from '../../src/store/index.js';
import { makeMonthlyReturn, makeProvenance } from '../helpers/factories.js';

export function sha256Of(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'hkex-store-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface OpenedStore {
  readonly store: FilingStore;
  readonly corrupt: AppError[];
}

/** Opens the store in `dir`, collecting what it reports as damaged. */
export async function openTestStore(dir: string, options: OpenFilingStoreOptions = {}): Promise<OpenedStore> {
  const corrupt: AppError[] = [];
  const store = await openFilingStore({ dir, onCorrupt: (error) => corrupt.push(error), ...options });
  return { store, corrupt };
}

export interface ReturnSpec {
  readonly stockCode?: StockCode;
  readonly month?: ReportMonth;
  readonly issuerName?: string;
  readonly status?: MonthlyReturn['status'];
  readonly dateSubmitted?: string | null;
  readonly readAt?: string;
  /** Names the file: its sha256 is derived from it. */
  readonly file?: string;
  readonly closing?: number;
}

/** A save input for a code and month; by default submitted on the 6th of the next month. */
export function makeSaveInput(spec: ReturnSpec = {}): SaveInput {
  const stockCode = spec.stockCode ?? '00020';
  const month = spec.month ?? '2023-11';
  const monthEnded = lastDayOf(month);
  const monthlyReturn = makeMonthlyReturn({
    issuerName: spec.issuerName ?? 'Example Holdings Limited',
    stockCodes: [stockCode],
    monthEnded,
    status: spec.status === undefined ? 'new' : spec.status,
    dateSubmitted: spec.dateSubmitted === undefined ? sixthOfNextMonth(month) : spec.dateSubmitted,
  });
  const closing = spec.closing ?? 1_000_000_000;
  const issued = monthlyReturn.issuedShares.classes[0];
  if (issued) issued.issuedShares = { preceding: closing, movement: null, closing };
  const file = spec.file ?? `${stockCode}-${month}-${spec.status ?? 'new'}`;
  return {
    monthlyReturn,
    flags: [],
    provenance: makeProvenance({
      sha256: sha256Of(file),
      source: { kind: 'path', path: `/filings/${file}.pdf` },
      readAt: spec.readAt ?? `${sixthOfNextMonth(month)}T02:00:00.000Z`,
    }),
  };
}

function lastDayOf(month: ReportMonth): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function sixthOfNextMonth(month: ReportMonth): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, m, 6));
  return next.toISOString().slice(0, 10);
}

export interface TempStore {
  readonly dir: string;
  readonly store: FilingStore;
  /** Damaged files the store reported since it was last opened. */
  readonly corrupt: AppError[];
  /** Closes the store and opens the same directory again, as a restart would. */
  reopen(options?: OpenFilingStoreOptions): Promise<void>;
}

/** A store in a fresh temporary directory for each test, closed and removed after it. */
export function useTempStore(): TempStore {
  let dir = '';
  let opened: OpenedStore | null = null;
  const current = () => {
    if (!opened) throw new Error('the store is opened in beforeEach');
    return opened;
  };
  beforeEach(async () => {
    dir = await makeTempDir();
    opened = await openTestStore(dir);
  });
  afterEach(async () => {
    await opened?.store.close();
    opened = null;
    await removeTempDir(dir);
  });
  return {
    get dir() {
      return dir;
    },
    get store() {
      return current().store;
    },
    get corrupt() {
      return current().corrupt;
    },
    async reopen(options = {}) {
      await current().store.close();
      opened = await openTestStore(dir, options);
    },
  };
}
