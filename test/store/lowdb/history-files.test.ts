import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/domain/stored-return.js';
import { makeSaveInput, openTestStore, sha256Of, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

const historyPath = () => path.join(temp.dir, 'returns', '00020', 'history.json');
const readHistoryFile = async () => JSON.parse(await readFile(historyPath(), 'utf8'));
const rows = (history: readonly HistoryEntry[]) =>
  history.map((h) => [h.reportMonth, h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing]);

/** October to December 2023 of 00020, November corrected by a resubmission (closing 250 instead of 200). */
async function saveQuarter(): Promise<void> {
  await temp.store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
  await temp.store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
  await temp.store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
  await temp.store.save(
    makeSaveInput({ month: '2023-11', closing: 250, status: 'resubmission', dateSubmitted: '2023-12-20' }),
  );
}

describe("a code's history file", () => {
  it('holds the current return of each month, newest first, with its part II and flags only', async () => {
    await saveQuarter();
    const file = await readHistoryFile();
    expect(file.months.map((m: HistoryEntry) => [m.reportMonth, m.id])).toEqual([
      ['2023-12', sha256Of('00020-2023-12-new')],
      ['2023-11', sha256Of('00020-2023-11-resubmission')],
      ['2023-10', sha256Of('00020-2023-10-new')],
    ]);
    expect(Object.keys(file.months[0].monthlyReturn).sort()).toEqual(['dateSubmitted', 'issuedShares', 'issuerName']);
    expect(file.months[1].supersedes).toBe(sha256Of('00020-2023-11-new'));
  });

  it('answers a history with the figures of the current submissions', async () => {
    await saveQuarter();
    expect(rows(await temp.store.history('00020'))).toEqual([
      ['2023-12', 300],
      ['2023-11', 250],
      ['2023-10', 100],
    ]);
    expect(rows(await temp.store.history('00020', { limit: 2 }))).toEqual([
      ['2023-12', 300],
      ['2023-11', 250],
    ]);
    expect(await temp.store.monthsHeld('00020')).toEqual(['2023-12', '2023-11', '2023-10']);
    expect(await temp.store.monthsHeld('09999')).toEqual([]);
    expect(temp.corrupt).toEqual([]);
  });

  it('keeps every month when saves of one code run at the same time, and reads between them see no gap', async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const histories: Promise<HistoryEntry[]>[] = [];
    const saves = months.map((month, i) => {
      histories.push(temp.store.history('00020'));
      return temp.store.save(makeSaveInput({ month, closing: 1000 + i }));
    });
    await Promise.all([...saves, ...histories]);
    expect(rows(await temp.store.history('00020'))).toEqual(
      [...months].reverse().map((month) => [month, 1000 + months.indexOf(month)]),
    );
    expect(temp.corrupt).toEqual([]);
  });

  it('is rebuilt from the month files when damaged, after being reported and set aside', async () => {
    await saveQuarter();
    await writeFile(historyPath(), '{"schemaVersion":1,"stockCode":"00020","months":[{"id":');
    expect(rows(await temp.store.history('00020'))).toEqual([
      ['2023-12', 300],
      ['2023-11', 250],
      ['2023-10', 100],
    ]);
    expect(temp.corrupt.map((e) => [e.facts.file, e.facts.reason])).toEqual([[historyPath(), 'not valid JSON']]);
    const names = await readdir(path.dirname(historyPath()));
    expect(names.filter((n) => n.startsWith('history.json.corrupt-'))).toHaveLength(1);
    expect((await readHistoryFile()).months).toHaveLength(3);
  });

  it('is rebuilt when it lists other returns than the index, rather than showing a superseded figure', async () => {
    await saveQuarter();
    const file = await readHistoryFile();
    // November as it stood before the resubmission: a history left behind by something other than a save.
    file.months[1] = { ...file.months[1], id: sha256Of('00020-2023-11-new'), supersedes: null };
    file.months[1].monthlyReturn.issuedShares.classes[0].issuedShares.closing = 200;
    await writeFile(historyPath(), JSON.stringify(file));
    expect(rows(await temp.store.history('00020'))[1]).toEqual(['2023-11', 250]);
    expect(temp.corrupt.map((e) => e.facts.reason)).toEqual([
      'out of step with the index at 2023-11; rebuilt from the month files',
    ]);
  });

  it('is rebuilt when missing', async () => {
    await saveQuarter();
    await rm(historyPath());
    expect(rows(await temp.store.history('00020')).map(([month]) => month)).toEqual(['2023-12', '2023-11', '2023-10']);
    expect(temp.corrupt.map((e) => e.facts.reason)).toEqual(['missing; rebuilt from the month files']);
  });

  it('is rebuilt once around a damaged month file, which it then leaves out and names as damaged', async () => {
    await saveQuarter();
    const november = path.join(temp.dir, 'returns', '00020', '2023-11.json');
    await temp.store.close();
    await writeFile(november, '{"schemaVersion":1,');
    await rm(historyPath());
    await temp.reopen();
    expect(rows(await temp.store.history('00020'))).toEqual([
      ['2023-12', 300],
      ['2023-10', 100],
    ]);
    expect(rows(await temp.store.history('00020'))).toEqual([
      ['2023-12', 300],
      ['2023-10', 100],
    ]);
    expect(await temp.store.damagedMonths('00020')).toEqual([
      { reportMonth: '2023-11', setAsideAs: expect.stringContaining('2023-11.json.corrupt-') },
    ]);
    expect(temp.corrupt.map((e) => path.basename(String(e.facts.file)))).toEqual(['history.json', '2023-11.json']);
    expect(rows(await temp.store.history('00020', { limit: 1 }))).toEqual([['2023-12', 300]]);
  });

  it('leaves out a month file the index lists that was deleted by hand, and names that month', async () => {
    await saveQuarter();
    const october = path.join(temp.dir, 'returns', '00020', '2023-10.json');
    await rm(october);
    await rm(historyPath());
    expect(rows(await temp.store.history('00020'))).toEqual([
      ['2023-12', 300],
      ['2023-11', 250],
    ]);
    expect(await temp.store.damagedMonths('00020')).toEqual([{ reportMonth: '2023-10', setAsideAs: october }]);
    await expect(temp.store.forMonth('00020', '2023-10')).rejects.toMatchObject({
      code: 'store-corrupt',
      facts: { stockCode: '00020', month: '2023-10' },
    });
  });

  it('is brought up to date at open when a save was cut off before it was written', async () => {
    await saveQuarter();
    await temp.store.close();
    const file = await readHistoryFile();
    await writeFile(historyPath(), JSON.stringify({ ...file, months: file.months.slice(1) }));
    // The marker a save leaves until both derived files are written.
    await writeFile(path.join(temp.dir, 'journal', '00020_2023-12'), '');
    await temp.reopen();
    expect((await readHistoryFile()).months.map((m: HistoryEntry) => m.reportMonth)).toEqual([
      '2023-12',
      '2023-11',
      '2023-10',
    ]);
    expect(temp.corrupt).toEqual([]);
  });
});

describe('opening a version-1 store (no history files)', () => {
  it('writes the history file of every code, then marks the store as version 2', async () => {
    await saveQuarter();
    await temp.store.save(makeSaveInput({ stockCode: '00700', month: '2023-11', closing: 9 }));
    await temp.store.close();
    await rm(historyPath());
    await rm(path.join(temp.dir, 'returns', '00700', 'history.json'));
    const meta = JSON.parse(await readFile(path.join(temp.dir, 'store.json'), 'utf8'));
    await writeFile(path.join(temp.dir, 'store.json'), JSON.stringify({ ...meta, schemaVersion: 1 }));

    const log: string[] = [];
    const { store, corrupt } = await openTestStore(temp.dir, { log: (message) => log.push(message) });
    try {
      expect(log).toEqual(['writing the history file of 2 codes (layout 1 -> 2)']);
      expect(rows((await readHistoryFile()).months)).toEqual([
        ['2023-12', 300],
        ['2023-11', 250],
        ['2023-10', 100],
      ]);
      expect(rows(await store.history('00700'))).toEqual([['2023-11', 9]]);
      expect(JSON.parse(await readFile(path.join(temp.dir, 'store.json'), 'utf8'))).toEqual({
        ...meta,
        schemaVersion: 2,
        migratedFrom: 1,
      });
      expect(corrupt).toEqual([]);
    } finally {
      await store.close();
    }
    await temp.reopen({ log: (message) => log.push(message) });
    expect(log).toHaveLength(1);
  });
});
