/**
 * `hkex-shares history` as a user runs it: the fixture returns ingested into a store in a temporary directory by
 * the real `ingest`, then printed as CSV, JSON and a table by a child process, and read back with a CSV parser.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { HISTORY_CSV_HEADINGS } from '../../src/format/history-export.js';
import { openFilingStore } from '../../src/store/index.js';
import { makeIssuedShareClass, makeMonthlyReturn, makeProvenance } from '../helpers/factories.js';
import { runCli } from '../helpers/run-cli.js';
import { saveSample } from '../helpers/sample-returns.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = ['00020_2023-10', '00020_2023-11', '03388_2024-09_treasury', '01338_2025-09_a-plus-h-sse'];

function cli(args: readonly string[]) {
  return runCli(args, { cwd: dir });
}

function specOf(name: string): MonthlyReturn {
  const spec = JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'specs', `${name}.json`), 'utf8'));
  return spec.monthlyReturn as MonthlyReturn;
}

function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'history-command-'));
  data = path.join(dir, 'data');
  const ingested = await cli([
    'ingest',
    '--data',
    data,
    ...FIXTURES.map((name) => path.join(ROOT, 'fixtures', `${name}.pdf`)),
  ]);
  expect(ingested.code, ingested.stderr).toBe(0);
  // A class whose name needs quoting in CSV: a comma and a quote.
  const store = await openFilingStore({ dir: data });
  const quoted = makeIssuedShareClass({
    className: 'Ordinary shares',
    description: 'Class "B", voting',
    stockCode: '09999',
  });
  await saveSample(
    store,
    makeMonthlyReturn({
      stockCodes: ['09999'],
      issuedShares: { title: 'II', hasTreasuryColumns: false, classes: [quoted], remarks: null },
    }),
  );
  await store.close();
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hkex-shares history --csv', () => {
  it('writes one row per month and class whose figures are those of the fixture specs', async () => {
    const run = await cli(['history', '--data', data, '--csv', '20']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(HISTORY_CSV_HEADINGS.join(','));
    const records = csvRecords(run.stdout);
    const expected = ['00020_2023-10', '00020_2023-11'].flatMap((name) => {
      const spec = specOf(name);
      return spec.issuedShares.classes.map((c) => ({
        month: spec.monthEnded.slice(0, 7),
        stockCode: c.stockCode ?? '',
        closing: String(c.issuedShares.closing),
        preceding: String(c.issuedShares.preceding),
        dateSubmitted: spec.dateSubmitted,
      }));
    });
    expect(
      records.map((r) => ({
        month: r.month,
        stockCode: r['stock code'],
        closing: r.closing,
        preceding: r.preceding,
        dateSubmitted: r['submission date'],
      })),
    ).toEqual(expected);
    // Hand-checked: SenseTime's Class B, November 2023, and the options outstanding under its scheme (III(A)).
    expect(records[2]).toMatchObject({
      month: '2023-11',
      class: 'Class B ordinary shares',
      'stock code': '00020',
      closing: '25948809928',
      movement: '',
      treasury: '',
      'options outstanding': '3525018981',
      source: expect.stringContaining('00020_2023-11.pdf'),
    });
    expect(records[0]?.['options outstanding']).toBe('3537208529');
  });

  it('carries treasury and total where the form has them', async () => {
    const run = await cli(['history', '--data', data, '--csv', '03388']);
    expect(run.code, run.stderr).toBe(0);
    expect(csvRecords(run.stdout)).toEqual([
      expect.objectContaining({
        month: '2024-09',
        closing: '995500000',
        movement: '-4500000',
        treasury: '4500000',
        total: '1000000000',
        flags: '',
      }),
    ]);
  });

  it('quotes a class name with a comma and a quote, and reads back as written', async () => {
    const run = await cli(['history', '--data', data, '--csv', '09999']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"Class ""B"", voting"');
    expect(csvRecords(run.stdout)[0]?.class).toBe('Class "B", voting');
  });

  it('keeps to the months asked for', async () => {
    const run = await cli(['history', '--data', data, '--csv', '--since', '2023-11', '--until', '2023-11', '00020']);
    expect(csvRecords(run.stdout).map((r) => r.month)).toEqual(['2023-11', '2023-11']);
  });
});

describe("hkex-shares history of an A+H issuer's A shares", () => {
  const NOTE =
    "hkex-shares history: 601338 is SSE 601338, the Shanghai Stock Exchange code of Donghai Port Machinery Co., Ltd.'s Ordinary shares – A Shares; the issuer files its returns with HKEX under 01338.";

  it('answers 601338 with the history of 01338, and carries SSE 601338 in its own column beside the HKEX code', async () => {
    const run = await cli(['history', '--data', data, '--csv', '601338']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim()).toBe(NOTE);
    expect(run.stdout).toBe((await cli(['history', '--data', data, '--csv', '1338'])).stdout);
    const records = csvRecords(run.stdout);
    expect(records.map((r) => [r.class, r['stock code'], r['other exchange code']])).toEqual([
      ['H Shares', '01338', ''],
      ['A Shares', '', 'SSE 601338'],
    ]);
    // The fixture's A shares: 4,800,000,000 + 3,600,000 exercised = 4,803,600,000; 8,650,000 options outstanding.
    expect(records[1]).toMatchObject({
      month: '2025-09',
      preceding: '4800000000',
      movement: '3600000',
      closing: '4803600000',
      'options outstanding': '8650000',
    });
    const json = JSON.parse((await cli(['history', '--data', data, '--json', '601338'])).stdout);
    expect(json[1].otherExchangeCode).toEqual({ exchange: 'SSE', stockCode: '601338' });
    expect(json[0].otherExchangeCode).toBeNull();
  });

  it("names the A shares' class by SSE 601338 in the table", async () => {
    const run = await cli(['history', '--data', data, '601338']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Sep 2025\s+H Shares\s+1,600,000,000\s/);
    expect(run.stdout).toMatch(/Sep 2025\s+A Shares \(SSE 601338\)\s+4,803,600,000\s+\+3,600,000\s/);
  });

  it('says what a Shanghai code no held return prints is, as /shares does, with exit 2', async () => {
    const run = await cli(['history', '--data', data, '600036']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(
      'hkex-shares history: 600036 is a Shanghai Stock Exchange code (six digits, as A and B shares are numbered there), not an HKEX one',
    );
    const word = await cli(['history', '--data', data, 'tencent']);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('tencent is not a stock code: HKEX codes have one to five digits, such as 00020.');
  });
});

describe('hkex-shares history --json and the table', () => {
  it('prints the same rows as a JSON array', async () => {
    const run = await cli(['history', '--data', data, '--json', '00020']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({
      month: '2023-11',
      class: 'Class A ordinary shares',
      closing: 7_520_115_072,
      stockCode: null,
    });
  });

  it('prints a table with treasury and total columns where the form has them', async () => {
    const run = await cli(['history', '--data', data, '3388']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Month\s+Class\s+Issued\s+Change\s+Treasury\s+Total\s+Notes/);
    expect(run.stdout).toMatch(/Sep 2024\s+Ordinary shares\s+995,500,000\s+-4,500,000\s+4,500,000\s+1,000,000,000/);
  });

  it('answers a code not held, a bad month and a bad code in one line each', async () => {
    const missing = await cli(['history', '--data', data, '00700']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('nothing is held for 00700');
    const month = await cli(['history', '--data', data, '--since', '2023-13', '00020']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('--since must be a month YYYY-MM, not "2023-13"');
    const both = await cli(['history', '--data', data, '--csv', '--json', '00020']);
    expect(both.code).toBe(2);
    const backwards = await cli(['history', '--data', data, '--since', '2024-01', '--until', '2023-01', '00020']);
    expect(backwards.stderr).toContain('--since 2024-01 is after --until 2023-01');
  });
});

describe('hkex-shares history of a single bot token’s store', () => {
  it('prints what the token’s workspace sees: its Slack returns from public channels too', async () => {
    const tokenData = path.join(dir, 'token-data');
    const store = await openFilingStore({ dir: tokenData, durable: false });
    const source = { kind: 'slack' as const, fileId: 'F1', fileName: 'a.pdf', channelId: 'C1', userId: null };
    await store.save({
      monthlyReturn: makeMonthlyReturn({ stockCodes: ['08888'] }),
      flags: [],
      provenance: makeProvenance({ source: { ...source, permalink: null } }),
      audience: { kind: 'workspace' },
    });
    await store.adoptTeamless('T0TOKEN');
    // Stamped with the token's workspace: no longer public, so the store's public view holds nothing of 08888.
    expect(await store.latest('08888')).toBeNull();
    await store.close();
    const run = await cli(['history', '--data', tokenData, '--json', '08888']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });
});
