/**
 * The fields that came with other exchanges' codes and part IV's rows (`otherExchangeCode`, `depositary`,
 * `hdrRatio`, `underlyingClass`) are absent from returns stored before them, and from any class or HDR whose form
 * prints none: such month files load as they are, with no migration, and a return that has them keeps them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentIdentityOf } from '../../../src/store/content-identity.js';
import { loadFixtureReturn, saveFixture } from '../../helpers/fixture-specs.js';
import { useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

interface MonthFileJson {
  submissions: {
    monthlyReturn: {
      issuedShares: { classes: Record<string, unknown>[] };
      hdr: { classes: Record<string, unknown>[] };
    };
  }[];
}

/** Rewrites a month file as a version that knew none of the new fields wrote it. */
async function writtenBeforeTheFields(file: string): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8')) as MonthFileJson;
  for (const held of json.submissions) {
    for (const shareClass of held.monthlyReturn.issuedShares.classes) delete shareClass.otherExchangeCode;
    for (const hdr of held.monthlyReturn.hdr.classes) {
      delete hdr.depositary;
      delete hdr.hdrRatio;
      delete hdr.underlyingClass;
    }
  }
  await writeFile(file, JSON.stringify(json));
}

describe('returns stored before other exchanges and HDR terms were read', () => {
  it('keeps SSE 601338 and the HDR terms of returns that print them, across a reopen', async () => {
    await saveFixture(temp.store, '01338_2025-09_a-plus-h-sse', { sha256: '1'.repeat(64) });
    await saveFixture(temp.store, '06288_2025-08_hdr-depositary', { sha256: '2'.repeat(64) });
    await temp.reopen();
    const aPlusH = await temp.store.forMonth('01338', '2025-09');
    expect(aPlusH?.monthlyReturn.issuedShares.classes[1]?.otherExchangeCode).toEqual({
      exchange: 'SSE',
      stockCode: '601338',
    });
    expect(aPlusH?.monthlyReturn).toEqual(loadFixtureReturn('01338_2025-09_a-plus-h-sse'));
    const hdr = (await temp.store.forMonth('06288', '2025-08'))?.monthlyReturn.hdr.classes[0];
    expect(hdr).toMatchObject({ depositary: 'Harbour Trust Depositary Limited', hdrRatio: { hdrs: '1', shares: '2' } });
  });

  it('loads month files written without the fields, with no flag of damage, as the returns they were', async () => {
    await saveFixture(temp.store, '01338_2025-09_a-plus-h-sse', { sha256: '1'.repeat(64) });
    await saveFixture(temp.store, '06288_2025-08_hdr-depositary', { sha256: '2'.repeat(64) });
    await writtenBeforeTheFields(path.join(temp.dir, 'returns', '01338', '2025-09.json'));
    await writtenBeforeTheFields(path.join(temp.dir, 'returns', '06288', '2025-08.json'));
    await temp.reopen();
    const aPlusH = await temp.store.forMonth('01338', '2025-09');
    expect(aPlusH?.monthlyReturn.issuedShares.classes[1]).not.toHaveProperty('otherExchangeCode');
    expect(aPlusH?.monthlyReturn.issuedShares.classes[1]?.issuedShares.closing).toBe(4_803_600_000);
    const hdr = (await temp.store.forMonth('06288', '2025-08'))?.monthlyReturn.hdr.classes[0];
    expect(hdr).toEqual({
      description: 'Hong Kong Depositary Receipts, each representing two ordinary shares',
      stockCode: '06288',
      hdrs: { preceding: 30_000_000, movement: 1_200_000, closing: 31_200_000 },
      underlyingShares: { preceding: 60_000_000, movement: 2_400_000, closing: 62_400_000 },
    });
    expect(await temp.store.damagedMonths('01338')).toEqual([]);
    expect(await temp.store.damagedMonths('06288')).toEqual([]);
  });

  it("finds 01338 by SSE 601338 after a reopen of an index written before it listed other exchanges' codes", async () => {
    await saveFixture(temp.store, '01338_2025-09_a-plus-h-sse', { sha256: '1'.repeat(64) });
    const shard = path.join(temp.dir, 'index', 'codes-38.json');
    const json = JSON.parse(await readFile(shard, 'utf8')) as { codes: Record<string, Record<string, unknown>> };
    expect(json.codes['01338']?.otherExchangeCodes).toEqual(['SSE 601338']);
    delete json.codes['01338']?.otherExchangeCodes;
    await writeFile(shard, JSON.stringify(json));
    await temp.reopen();
    const found = await temp.store.findByOtherExchangeCode({ exchange: 'SSE', stockCode: '601338' });
    expect(found.map((issuer) => issuer.stockCode)).toEqual(['01338']);
  });

  it('gives a return that prints none of the fields the content identity it had before they existed', () => {
    const quiet = loadFixtureReturn('06863_2025-05_hdr');
    const asStoredBefore = JSON.parse(JSON.stringify(quiet));
    expect(quiet.hdr.classes[0]).not.toHaveProperty('depositary');
    expect(contentIdentityOf(quiet)).toBe(contentIdentityOf(asStoredBefore));
  });
});
