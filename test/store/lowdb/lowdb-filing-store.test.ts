import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSaveInput, openTestStore, sha256Of, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

/** Three months of 00020 and one of 00700, saved out of order. */
async function saveSomeReturns(): Promise<void> {
  await temp.store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
  await temp.store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
  await temp.store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
  await temp.store.save(
    makeSaveInput({ stockCode: '00700', month: '2023-11', issuerName: 'Tencent Holdings Limited' }),
  );
}

const closingOf = (held: {
  monthlyReturn: { issuedShares: { classes: { issuedShares: { closing: number | null } }[] } };
}) => held.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing;

describe('the lowdb filing store', () => {
  it('keeps a return with its provenance and flags', async () => {
    const input = makeSaveInput({ month: '2023-11', file: 'nov' });
    const flag = {
      code: 'balance-mismatch' as const,
      severity: 'error' as const,
      section: 'II',
      subject: 'Ordinary shares',
      message: 'Ordinary shares: 100 + 5 = 105, but the form says 106',
      expected: '105',
      actual: '106',
    };
    const result = await temp.store.save({ ...input, flags: [flag] });
    expect(result.status).toBe('stored');

    const held = await temp.store.findBySha256(sha256Of('nov'));
    expect(held?.id).toBe(sha256Of('nov'));
    expect(held?.stockCode).toBe('00020');
    expect(held?.reportMonth).toBe('2023-11');
    expect(held?.provenance).toEqual({
      source: { kind: 'path', path: '/filings/nov.pdf' },
      sha256: sha256Of('nov'),
      readAt: '2023-12-06T02:00:00.000Z',
      parserVersion: '0.1.0',
    });
    expect(held?.flags).toEqual([flag]);
    expect(held?.supersededBy).toBeNull();
  });

  it('answers the latest month held for a code, whatever the order saved', async () => {
    await saveSomeReturns();
    const latest = await temp.store.latest('00020');
    expect(latest?.reportMonth).toBe('2023-12');
    expect(closingOf(latest as never)).toBe(300);
    expect(await temp.store.latest('00005')).toBeNull();
  });

  it('answers the return for a code and month', async () => {
    await saveSomeReturns();
    expect(closingOf((await temp.store.forMonth('00020', '2023-11')) as never)).toBe(200);
    expect(await temp.store.forMonth('00020', '2023-09')).toBeNull();
  });

  it('gives the history of a code newest month first, capped by a limit', async () => {
    await saveSomeReturns();
    const history = await temp.store.history('00020');
    expect(history.map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11', '2023-10']);
    expect((await temp.store.history('00020', { limit: 2 })).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11']);
    expect(await temp.store.history('00020', { limit: 0 })).toEqual([]);
    expect(await temp.store.history('09999')).toEqual([]);
  });

  it('finds the return of the latest month before a given one, across a gap', async () => {
    await saveSomeReturns();
    await temp.store.save(makeSaveInput({ month: '2024-03', closing: 600 }));
    expect((await temp.store.previous('00020', '2024-03'))?.reportMonth).toBe('2023-12');
    expect((await temp.store.previous('00020', '2023-12'))?.reportMonth).toBe('2023-11');
    expect(await temp.store.previous('00020', '2023-10')).toBeNull();
  });

  it('lists every current return for a report month, by code', async () => {
    await saveSomeReturns();
    const november = await temp.store.forReportMonth('2023-11');
    expect(november.map((r) => [r.stockCode, r.reportMonth])).toEqual([
      ['00020', '2023-11'],
      ['00700', '2023-11'],
    ]);
    expect(await temp.store.forReportMonth('2022-01')).toEqual([]);
  });

  it('lists the codes held with their latest name, month and count', async () => {
    await saveSomeReturns();
    await temp.store.save(makeSaveInput({ month: '2024-01', issuerName: 'Example Group Limited' }));
    expect(await temp.store.listIssuers()).toEqual([
      {
        stockCode: '00020',
        issuerName: 'Example Group Limited',
        latestMonth: '2024-01',
        returnsHeld: 4,
        latestDateSubmitted: '2024-02-06',
      },
      {
        stockCode: '00700',
        issuerName: 'Tencent Holdings Limited',
        latestMonth: '2023-11',
        returnsHeld: 1,
        latestDateSubmitted: '2023-12-06',
      },
    ]);
  });

  it('finds an issuer by part of its name, without case, for /shares sensetime', async () => {
    await saveSomeReturns();
    await temp.store.save(makeSaveInput({ stockCode: '00020', month: '2024-01', issuerName: 'SenseTime Group Inc.' }));
    await temp.store.save(
      makeSaveInput({ stockCode: '02020', month: '2024-01', issuerName: 'ANTA Sports Products Limited' }),
    );
    const found = await temp.store.searchIssuers('sensetime');
    expect(found.map((f) => [f.stockCode, f.issuerName])).toEqual([['00020', 'SenseTime Group Inc.']]);
    expect((await temp.store.searchIssuers('tencent'))[0]?.stockCode).toBe('00700');
    expect((await temp.store.searchIssuers('700'))[0]?.stockCode).toBe('00700');
    expect(await temp.store.searchIssuers('hsbc')).toEqual([]);
  });

  it('still finds an issuer by the name it filed under before', async () => {
    await temp.store.save(makeSaveInput({ month: '2023-11', issuerName: 'Old Name Limited' }));
    await temp.store.save(makeSaveInput({ month: '2023-12', issuerName: 'New Name Limited' }));
    const found = await temp.store.searchIssuers('old name');
    expect(found.map((f) => f.issuerName)).toEqual(['New Name Limited']);
  });

  it('keeps the data after the store is closed and opened again', async () => {
    await saveSomeReturns();
    await temp.reopen();
    expect((await temp.store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11', '2023-10']);
    expect((await temp.store.findBySha256(sha256Of('00700-2023-11-new')))?.monthlyReturn.issuerName).toBe(
      'Tencent Holdings Limited',
    );
  });

  it('writes one file per code and month, with a schema version', async () => {
    await saveSomeReturns();
    const file = JSON.parse(await readFile(path.join(temp.dir, 'returns', '00020', '2023-11.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);
    expect(file.submissions).toHaveLength(1);
    const meta = JSON.parse(await readFile(path.join(temp.dir, 'store.json'), 'utf8'));
    expect(meta.schemaVersion).toBe(2);
  });

  it('creates its directory on first use', async () => {
    const nested = path.join(temp.dir, 'not', 'yet', 'there');
    const { store: other } = await openTestStore(nested);
    await other.close();
    expect((await stat(path.join(nested, 'store.json'))).isFile()).toBe(true);
  });

  it('refuses a return with no stock code to file it under', async () => {
    const input = makeSaveInput();
    const noCode = {
      ...input,
      monthlyReturn: {
        ...input.monthlyReturn,
        stockCodes: [],
        issuedShares: { ...input.monthlyReturn.issuedShares, classes: [] },
      },
    };
    await expect(temp.store.save(noCode)).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('refuses a return that does not validate, and stores nothing', async () => {
    const input = makeSaveInput({ file: 'bad' });
    const bad = { ...input, monthlyReturn: { ...input.monthlyReturn, dateSubmitted: '6 Dec 2023' } };
    await expect(temp.store.save(bad)).rejects.toMatchObject({ code: 'bad-input' });
    expect(await temp.store.findBySha256(sha256Of('bad'))).toBeNull();
    expect(await temp.store.listIssuers()).toEqual([]);
  });
});
