import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../../src/domain/errors.js';
import type { FilingStore } from '../../../src/store/index.js';
import { makeSaveInput, makeTempDir, openTestStore, removeTempDir, sha256Of } from '../store-fixtures.js';

let dir: string;
let store: FilingStore;
let corrupt: AppError[];

beforeEach(async () => {
  dir = await makeTempDir();
  ({ store, corrupt } = await openTestStore(dir));
  await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
  await store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
  await store.save(makeSaveInput({ stockCode: '00700', month: '2023-11', issuerName: 'Tencent Holdings Limited' }));
});

afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

const november = () => path.join(dir, 'returns', '00020', '2023-11.json');

async function asideFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.includes('.corrupt-'));
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('a hand-damaged month file', () => {
  beforeEach(async () => {
    await store.close();
    const text = await readFile(november(), 'utf8');
    await writeFile(november(), text.slice(0, text.length / 2));
    ({ store, corrupt } = await openTestStore(dir));
  });

  it('gives a store-corrupt error naming the file, the code and the month', async () => {
    const error = await caught(store.latest('00020'));
    expect(error.code).toBe('store-corrupt');
    expect(error.facts).toMatchObject({ file: november(), stockCode: '00020', month: '2023-11' });
    expect(error.message).toContain(november());
  });

  it('is moved aside whole, and never overwritten by a later save', async () => {
    const damaged = await readFile(november(), 'utf8');
    await caught(store.latest('00020'));
    const [aside] = await asideFiles(path.dirname(november()));
    expect(aside).toMatch(/^2023-11\.json\.corrupt-\d{8}T\d{9}Z$/);
    await store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
    expect(await readFile(path.join(path.dirname(november()), aside as string), 'utf8')).toBe(damaged);
  });

  it('leaves the other files of the store working', async () => {
    await caught(store.latest('00020'));
    expect((await store.latest('00700'))?.monthlyReturn.issuerName).toBe('Tencent Holdings Limited');
    expect(
      (await store.forMonth('00020', '2023-10'))?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing,
    ).toBe(100);
    expect((await store.listIssuers()).map((i) => i.stockCode)).toEqual(['00020', '00700']);
  });

  it('keeps failing for its month, rather than passing off an older month as the latest', async () => {
    await caught(store.latest('00020'));
    const again = await caught(store.latest('00020'));
    expect(again.code).toBe('store-corrupt');
    expect(String(again.facts.setAsideAs)).toContain('2023-11.json.corrupt-');
    // The history answers without it, and says which month is damaged.
    expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-10']);
    expect((await store.damagedMonths('00020')).map((d) => d.reportMonth)).toEqual(['2023-11']);
    await store.close();
    ({ store, corrupt } = await openTestStore(dir));
    await expect(store.latest('00020')).rejects.toMatchObject({ code: 'store-corrupt' });
  });

  it('is restored by reading the filing again', async () => {
    await caught(store.latest('00020'));
    expect(await store.findBySha256(sha256Of('00020-2023-11-new'))).toBeNull();
    expect((await store.save(makeSaveInput({ month: '2023-11', closing: 200 }))).status).toBe('stored');
    expect((await store.latest('00020'))?.reportMonth).toBe('2023-11');
  });

  it('is reported and left out of a scan of its month, which lists the other codes', async () => {
    const found = await store.forReportMonth('2023-11');
    expect(found.map((r) => r.stockCode)).toEqual(['00700']);
    expect(corrupt.map((e) => e.facts.file)).toEqual([november()]);
  });
});

describe('a damaged file of another kind', () => {
  it('is a month file whose fields do not validate', async () => {
    await store.close();
    const file = JSON.parse(await readFile(november(), 'utf8'));
    file.submissions[0].monthlyReturn.issuedShares.classes[0].issuedShares.closing = '1,000';
    await writeFile(november(), JSON.stringify(file));
    ({ store, corrupt } = await openTestStore(dir));
    const error = await caught(store.forMonth('00020', '2023-11'));
    expect(error.code).toBe('store-corrupt');
    expect(error.facts.reason).toContain('submissions.0.monthlyReturn.issuedShares.classes.0.issuedShares.closing');
  });

  it('is a month file copied under another code', async () => {
    await store.close();
    await copyFile(november(), path.join(dir, 'returns', '00700', '2023-11.json'));
    ({ store } = await openTestStore(dir));
    const error = await caught(store.latest('00700'));
    expect(error.facts.reason).toBe('holds 00020 2023-11, not what its name says');
  });

  it('is a month file whose submissions disagree: two current ones for one month', async () => {
    await store.close();
    const file = JSON.parse(await readFile(november(), 'utf8'));
    file.submissions.push({ ...file.submissions[0], id: sha256Of('another'), supersedes: null });
    await writeFile(november(), JSON.stringify(file));
    ({ store } = await openTestStore(dir));
    const error = await caught(store.forMonth('00020', '2023-11'));
    expect(error.facts.reason).toBe('2 current submissions, expected 1');
    expect(await asideFiles(path.dirname(november()))).toHaveLength(1);
  });

  it('is a history file whose months are out of order: set aside and rebuilt in order', async () => {
    await store.close();
    const history = path.join(dir, 'returns', '00020', 'history.json');
    const file = JSON.parse(await readFile(history, 'utf8'));
    await writeFile(history, JSON.stringify({ ...file, months: [...file.months].reverse() }));
    ({ store, corrupt } = await openTestStore(dir));
    expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-11', '2023-10']);
    expect(corrupt.map((e) => e.facts.reason)).toEqual(['at months.1: not newest month first, or a month twice']);
  });

  it('is a month file deleted by hand: an error, not a month without a return', async () => {
    await store.close();
    await rm(november());
    ({ store } = await openTestStore(dir));
    const error = await caught(store.forMonth('00020', '2023-11'));
    expect(error.code).toBe('store-corrupt');
    expect(error.facts.reason).toBe('missing, though the index lists it');
  });

  it('is an index shard: reported at open, set aside, and rebuilt from the month files', async () => {
    await store.close();
    const shard = path.join(dir, 'index', 'codes-20.json');
    await writeFile(shard, '{"schemaVersion":1,"codes":{"00020":{"stockCode":"00020"');
    ({ store, corrupt } = await openTestStore(dir));
    expect(corrupt.map((e) => [e.code, e.facts.file])).toEqual([['store-corrupt', shard]]);
    expect(await asideFiles(path.join(dir, 'index'))).toHaveLength(1);
    expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-11', '2023-10']);
    expect((await store.findBySha256(sha256Of('00020-2023-10-new')))?.reportMonth).toBe('2023-10');
    expect((await store.searchIssuers('example'))[0]?.stockCode).toBe('00020');
  });

  it('is the watchlists file: the caller is told, the file kept aside, and saving starts afresh', async () => {
    await store.saveWatchlist({ channelId: 'C1', stockCodes: ['00020'], digestEnabled: true, updatedAt: 'x' });
    await store.close();
    const file = path.join(dir, 'watchlists.json');
    await writeFile(file, 'not json at all');
    ({ store } = await openTestStore(dir));
    const error = await caught(store.getWatchlist('C1'));
    expect(error.facts.file).toBe(file);
    expect(await store.getWatchlist('C1')).toBeNull();
    await store.saveWatchlist({ channelId: 'C2', stockCodes: ['00700'], digestEnabled: true, updatedAt: 'y' });
    const [aside] = await asideFiles(dir);
    expect(await readFile(path.join(dir, aside as string), 'utf8')).toBe('not json at all');
  });

  it('is store.json: reported, set aside and written anew, with the returns untouched', async () => {
    await store.close();
    await writeFile(path.join(dir, 'store.json'), '');
    ({ store, corrupt } = await openTestStore(dir));
    expect(corrupt.map((e) => e.facts.reason)).toEqual(['not a store.json']);
    expect((await store.latest('00020'))?.reportMonth).toBe('2023-11');
    expect(JSON.parse(await readFile(path.join(dir, 'store.json'), 'utf8')).schemaVersion).toBe(2);
  });
});

describe('a save cut off between its two files', () => {
  it('is completed from the month file when the store opens again', async () => {
    await store.close();
    const shard = path.join(dir, 'index', 'codes-20.json');
    const before = await readFile(shard, 'utf8');
    ({ store } = await openTestStore(dir));
    await store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
    await store.close();
    // As if the process died after writing the month file and before the index: old shard, marker left.
    await writeFile(shard, before);
    await writeFile(path.join(dir, 'journal', '00020_2023-12'), '');
    ({ store, corrupt } = await openTestStore(dir));
    expect((await store.latest('00020'))?.reportMonth).toBe('2023-12');
    expect((await store.findBySha256(sha256Of('00020-2023-12-new')))?.reportMonth).toBe('2023-12');
    expect(await readdir(path.join(dir, 'journal'))).toEqual([]);
    expect(corrupt).toEqual([]);
  });
});
