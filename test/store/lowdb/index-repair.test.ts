import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilingStore } from '../../../src/store/index.js';
import { makeSaveInput, makeTempDir, openTestStore, removeTempDir, sha256Of } from '../store-fixtures.js';

let dir: string;
let store: FilingStore;
let logged: string[];

const shard = () => path.join(dir, 'index', 'codes-20.json');
const reopen = async () => {
  await store.close();
  logged = [];
  ({ store } = await openTestStore(dir, { log: (message) => logged.push(message) }));
};
/** Changes the index shard of 00020 as a process that did not see the other's saves would have written it. */
const editShard = async (change: (codes: Record<string, { months: Record<string, string[]> }>) => void) => {
  await store.close();
  const file = JSON.parse(await readFile(shard(), 'utf8'));
  change(file.codes);
  await writeFile(shard(), JSON.stringify(file));
};

beforeEach(async () => {
  dir = await makeTempDir();
  logged = [];
  ({ store } = await openTestStore(dir));
  await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
  await store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
});

afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

describe('an index that disagrees with the month files', () => {
  it('is repaired at open when a shard lacks a code held on disk, and says so once', async () => {
    await editShard((codes) => {
      delete codes['00020'];
    });
    await reopen();
    expect(logged).toEqual([
      'repaired the index of 00020 from its month files: the code is held on disk (2 months) but not in the index',
    ]);
    expect(await store.monthsHeld('00020')).toEqual(['2023-11', '2023-10']);
    expect((await store.listIssuers()).map((i) => [i.stockCode, i.returnsHeld])).toEqual([['00020', 2]]);
    expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-11', '2023-10']);
    await reopen();
    expect(logged).toEqual([]);
  });

  it('is repaired at open when an entry lacks a month held on disk', async () => {
    await editShard((codes) => {
      delete codes['00020']?.months['2023-10'];
    });
    await reopen();
    expect(logged).toEqual([
      'repaired the index of 00020 from its month files: 2023-10 held on disk but not in the index',
    ]);
    expect((await store.findBySha256(sha256Of('00020-2023-10-new')))?.reportMonth).toBe('2023-10');
    expect((await store.previous('00020', '2023-11'))?.reportMonth).toBe('2023-10');
  });

  describe('when a month file holds a submission the index does not list', () => {
    const corrected = makeSaveInput({
      file: 'corrected',
      status: 'resubmission',
      dateSubmitted: '2023-12-20',
      closing: 250,
    });

    beforeEach(async () => {
      await store.close();
      const before = `${shard()}.before`;
      await copyFile(shard(), before);
      ({ store } = await openTestStore(dir));
      await store.save(corrected);
      await store.close();
      await copyFile(before, shard());
      ({ store } = await openTestStore(dir, { log: (message) => logged.push(message) }));
    });

    it('is repaired when the month is read', async () => {
      expect((await store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('corrected'));
      expect(logged).toEqual([
        'repaired the index of 00020 from its month files: 2023-11 holds 2 submissions where the index listed 1',
      ]);
      expect((await store.findBySha256(sha256Of('corrected')))?.supersedes).toBe(sha256Of('00020-2023-11-new'));
      expect((await store.history('00020')).map((h) => [h.reportMonth, h.id])).toEqual([
        ['2023-11', sha256Of('corrected')],
        ['2023-10', sha256Of('00020-2023-10-new')],
      ]);
    });

    it('is made visible before a second share of the filing is answered "already held"', async () => {
      expect(await store.findBySha256(sha256Of('corrected'))).toBeNull();
      expect((await store.save(corrected)).status).toBe('already-held');
      expect((await store.findBySha256(sha256Of('corrected')))?.reportMonth).toBe('2023-11');
      expect((await store.history('00020'))[0]?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing).toBe(250);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^repaired the index of 00020 from its month files: 2023-11 holds [0-9a-f]{12}…/);
    });
  });
});
